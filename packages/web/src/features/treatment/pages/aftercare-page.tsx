import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonAnchor } from '../../../components/ui/button.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { treatmentApi, type AftercareAnswer, type AftercareView, type ClinicDto, type UnexpectedSign } from '../api/treatment-api.ts';
import { AftercareAdvice } from '../components/aftercare-advice.tsx';
import { aftercareQuery } from '../api/treatment-queries.ts';
import { isNotFound } from '../lib/use-treatment-error-text.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { dateInZone, formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

/** UAE ambulance. */
const EMERGENCY_NUMBER = '998';

/**
 * Signs that need emergency care now (clinical reference §6 and contraindication CI_DVT_PE):
 * chest pain or breathlessness (a clot in the lung), dark urine (possible rhabdomyolysis) and a
 * swollen calf (a clot in the leg). The others need a call to the clinic the same day.
 */
const EMERGENCY_SIGNS: readonly UnexpectedSign[] = ['chest_pain_breathless', 'dark_urine', 'calf_swelling'];
const SIGNS: readonly UnexpectedSign[] = [
  'calf_swelling',
  'dark_urine',
  'chest_pain_breathless',
  'new_weakness',
  'numbness_tingling',
  'spreading_bruising',
  'severe_soreness',
];

/** '/aftercare/:token': what to expect after a session, and the next-day check-in. Public, by link. */
export function AftercarePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation(['treatment', 'common']);
  const errorText = useErrorText();
  const view = useQuery(aftercareQuery(token));
  const clinicData = useQuery(clinicQuery).data;

  let body;
  if (view.data) body = <Aftercare token={token} view={view.data} clinic={clinicData} />;
  else if (isNotFound(view.error))
    body = (
      <Alert tone="error" title={t('aftercare.invalidTitle')}>
        {t('aftercare.invalid')}
      </Alert>
    );
  else if (view.error) body = <Alert tone="error">{errorText(view.error)}</Alert>;
  else body = <LoadingState label={t('common:loading')} />;

  return (
    <div className="tr-public">
      <header className="tr-public__bar">
        <span className="tr-public__brand">
          <span className="tr-bar__logo" aria-hidden="true">
            M
          </span>
          {clinicData ? <ClinicName clinic={clinicData} /> : t('brand')}
        </span>
        <LanguageSwitch />
      </header>
      <main className="tr-public__main">{body}</main>
    </div>
  );
}

function ClinicName({ clinic }: { clinic: ClinicDto }) {
  const language = useLanguage();
  return <>{clinic.name[language]}</>;
}

function Aftercare({ token, view, clinic }: { token: string; view: AftercareView; clinic: ClinicDto | undefined }) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const zone = useClinicTimeZone();
  const phone = view.clinicPhone ?? clinic?.phone;
  const [status, setStatus] = useState(view.checkin.status);
  const [early, setEarly] = useState(false);
  const [result, setResult] = useState<{ adverse: boolean; signs: UnexpectedSign[] } | undefined>();

  return (
    <>
      <h1 className="tr-public__title">{t('aftercare.title')}</h1>
      <p className="tr-public__lead">{t('aftercare.hello', { name: view.patientName, date: formatDay(dateInZone(view.visitDate, zone), language, 'long') })}</p>

      {result ? (
        <>
          <Alert tone="success" title={t('aftercare.thanksTitle')}>
            {result.adverse ? t('aftercare.thanksAdverse') : t('aftercare.thanks')}
          </Alert>
          {result.signs.length > 0 && <UrgentGuidance signs={result.signs} phone={phone} />}
        </>
      ) : status === 'answered' ? (
        <Alert tone="info">{t('aftercare.answered')}</Alert>
      ) : status === 'pending' || early ? (
        <CheckinForm
          token={token}
          phone={phone}
          onDone={(adverse, signs) => {
            setResult({ adverse, signs });
            setStatus('answered');
          }}
        />
      ) : (
        <section className="tr-card" aria-live="polite">
          <p>{t('aftercare.notYet', { when: formatInstant(view.checkin.dueAt, zone, language, 'dateTimeLocalClock') })}</p>
          <Button variant="secondary" onClick={() => setEarly(true)}>
            {t('aftercare.reportNow')}
          </Button>
        </section>
      )}

      <section className="tr-card tr-public__advice">
        <h2>{t('advice.title')}</h2>
        <AftercareAdvice phone={phone} />
      </section>
    </>
  );
}

function UrgentGuidance({ signs, phone }: { signs: readonly UnexpectedSign[]; phone: string | undefined }) {
  const { t } = useTranslation('treatment');
  const emergency = signs.some((s) => EMERGENCY_SIGNS.includes(s));
  return (
    <div className={`tr-urgent${emergency ? ' tr-urgent--emergency' : ''}`} role="alert" data-testid="urgent-guidance">
      <p className="tr-urgent__title">{emergency ? t('aftercare.emergencyTitle') : t('aftercare.callTitle')}</p>
      <p>{emergency ? t('aftercare.emergencyBody') : t('aftercare.callBody')}</p>
      <div className="tr-urgent__actions">
        {emergency && (
          <ButtonAnchor variant="danger" size="lg" href={`tel:${EMERGENCY_NUMBER}`}>
            {t('aftercare.callEmergency', { number: EMERGENCY_NUMBER })}
          </ButtonAnchor>
        )}
        {phone && (
          <ButtonAnchor variant={emergency ? 'secondary' : 'danger'} size="lg" href={`tel:${phone.replace(/\s+/g, '')}`}>
            <span>
              {t('aftercare.callClinic')}{' '}
              <bdi dir="ltr" className="tr-nowrap">
                {phone}
              </bdi>
            </span>
          </ButtonAnchor>
        )}
      </div>
      {!emergency && <p className="tr-small">{t('aftercare.worse', { number: EMERGENCY_NUMBER })}</p>}
    </div>
  );
}

function CheckinForm({ token, phone, onDone }: { token: string; phone: string | undefined; onDone: (adverse: boolean, signs: UnexpectedSign[]) => void }) {
  const { t } = useTranslation('treatment');
  const ids = useId();
  const [soreness, setSoreness] = useState<number | undefined>();
  const [relief, setRelief] = useState<AftercareAnswer['relief'] | undefined>();
  const [signs, setSigns] = useState<UnexpectedSign[]>([]);
  const [other, setOther] = useState('');
  const [tried, setTried] = useState(false);
  const errorText = useErrorText();
  const answer = useMutation({
    mutationFn: (body: AftercareAnswer) => treatmentApi.answerAftercare(token, body),
    onSuccess: (result) => onDone(result.adverse, signs),
  });

  const submit = () => {
    setTried(true);
    if (soreness === undefined || relief === undefined) return;
    answer.mutate({ soreness, relief, unexpected: signs, ...(other.trim() ? { notes: other.trim() } : {}) });
  };
  // Answered already (another tab, or a resend): say so; otherwise the coded reason, in the patient's language.
  const error = !answer.error ? '' : answer.error instanceof ApiError && answer.error.status === 409 ? t('aftercare.answered') : errorText(answer.error);

  return (
    <form
      className="tr-card tr-checkin"
      aria-labelledby={`${ids}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id={`${ids}-title`}>{t('aftercare.checkinTitle')}</h2>
      <fieldset className="tr-checkin__group">
        <legend>{t('aftercare.soreness')}</legend>
        <MutedText size="sm">{t('aftercare.sorenessHint')}</MutedText>
        <div className="tr-scale" dir="ltr">
          {Array.from({ length: 11 }, (_, level) => (
            <label key={level} className={`tr-scale__level${soreness === level ? ' is-chosen' : ''}`}>
              <input
                type="radio"
                name={`${ids}-soreness`}
                value={level}
                checked={soreness === level}
                onChange={() => setSoreness(level)}
                aria-label={t('aftercare.sorenessLevel', { level })}
              />
              <span aria-hidden="true">{level}</span>
            </label>
          ))}
        </div>
        {tried && soreness === undefined && <p className="tr-field-error">{t('aftercare.required')}</p>}
      </fieldset>
      <fieldset className="tr-checkin__group">
        <legend>{t('aftercare.relief')}</legend>
        <div className="tr-options tr-options--stack">
          {(['none', 'some', 'a_lot'] as const).map((value) => (
            <label key={value} className={`tr-option${relief === value ? ' is-chosen' : ''}`}>
              <input type="radio" name={`${ids}-relief`} value={value} checked={relief === value} onChange={() => setRelief(value)} />
              {t(`aftercare.reliefOptions.${value}`)}
            </label>
          ))}
        </div>
        {tried && relief === undefined && <p className="tr-field-error">{t('aftercare.required')}</p>}
      </fieldset>
      <fieldset className="tr-checkin__group">
        <legend>{t('aftercare.unexpected')}</legend>
        <div className="tr-options tr-options--stack">
          {SIGNS.map((sign) => (
            <label key={sign} className={`tr-option${signs.includes(sign) ? ' is-chosen' : ''}`}>
              <input
                type="checkbox"
                checked={signs.includes(sign)}
                onChange={(event) => setSigns(event.target.checked ? [...signs, sign] : signs.filter((s) => s !== sign))}
              />
              {t(`aftercare.signs.${sign}`)}
            </label>
          ))}
        </div>
        <label className="tr-field">
          <span>{t('aftercare.other')}</span>
          <textarea className="tr-input tr-textarea" dir="auto" value={other} maxLength={2000} onChange={(event) => setOther(event.target.value)} />
        </label>
      </fieldset>
      {signs.length > 0 && <UrgentGuidance signs={signs} phone={phone} />}
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="submit" size="lg" block busy={answer.isPending}>
        {t('aftercare.send')}
      </Button>
    </form>
  );
}
