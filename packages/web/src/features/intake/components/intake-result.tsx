import { Alert } from '../../../components/ui/alert.tsx';
import { ButtonAnchor } from '../../../components/ui/button.tsx';
import type { SubmitResult } from '../api/intake-api.ts';
import { useTranslation } from 'react-i18next';

export interface IntakeResultProps {
  result: SubmitResult;
  /** On the reception tablet: ask for the tablet back. */
  atReception: boolean;
  clinicPhone: string | undefined;
}

/**
 * What the patient needs to know after sending, in plain words and without the clinical
 * reasoning: urgent care first and impossible to miss, then what happens next.
 */
export function IntakeResult({ result, atReception, clinicPhone }: IntakeResultProps) {
  const { t } = useTranslation('intake');
  const referred = result.outcome === 'refer_before_treatment';
  return (
    <div className="ik-result" data-outcome={result.outcome} data-urgent-care={result.urgentCare ?? ''}>
      {result.urgentCare === 'emergency' ? (
        <div className="ik-emergency" role="alert">
          <p className="ik-emergency__title">{t('result.emergencyTitle')}</p>
          <p>{t('result.emergencyBody')}</p>
          <ButtonAnchor href="tel:998" variant="danger" size="lg" block>
            {t('result.call')}
          </ButtonAnchor>
        </div>
      ) : null}
      {result.urgentCare === 'same_day' ? (
        <Alert tone="warning" title={t('result.sameDayTitle')}>
          <p>{t('result.sameDayBody')}</p>
        </Alert>
      ) : null}
      {referred ? (
        <Alert tone="info" title={t('result.referTitle')}>
          <p>{t('result.referBody')}</p>
        </Alert>
      ) : (
        <Alert tone="success" title={t('result.thanksTitle')}>
          <p>{t('result.thanksBody')}</p>
          {result.outcome === 'proceed_with_precautions' ? <p>{t('result.precautionsBody')}</p> : null}
        </Alert>
      )}
      {clinicPhone ? (
        <p className="ik-hint">
          {t('result.callClinic')}{' '}
          <a href={`tel:${clinicPhone.replace(/\s/g, '')}`} dir="ltr">
            {clinicPhone}
          </a>
        </p>
      ) : null}
      {atReception ? <p className="ik-hand-back">{t('result.handBack')}</p> : null}
    </div>
  );
}
