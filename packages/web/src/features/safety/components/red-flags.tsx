import type { ScreeningResult } from '@myomap/domain/screening/screening-result';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { UrgencyTag } from './urgency-tag.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useTranslation } from 'react-i18next';

/** The screen's red flags, most urgent first: why each was raised, where to refer and the tests to consider. */
export function RedFlags({ result }: { result: ScreeningResult }) {
  const { t } = useTranslation('safety');
  const { pick, reasonText } = useSafetyLabels();
  const referral = result.physicianReferral;
  return (
    <Card as="section" className="sf-card" aria-labelledby="sf-flags-title">
      <h2 id="sf-flags-title">{t('flags.title')}</h2>
      {result.suspendTriggerPointReasoning ? <p className="sf-note">{t('flags.suspendsTp')}</p> : null}
      {referral ? (
        <div className="sf-referral">
          <h3>
            {t('referral.title')} <UrgencyTag urgency={referral.urgency} />
          </h3>
          {referral.emergencyAction ? (
            <Alert tone="error">
              <strong data-emergency-action>{pick(referral.emergencyAction)}</strong>
            </Alert>
          ) : null}
          <p>{pick(referral.reason)}</p>
          {(result.escalatedBy ?? []).length > 0 ? (
            <>
              <h4>{t('flags.escalated')}</h4>
              <ul>
                {(result.escalatedBy ?? []).map((e) => (
                  <li key={e.id} data-escalation={e.id}>
                    {pick(e.because)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {result.redFlags.length === 0 ? <MutedText>{t('flags.none')}</MutedText> : null}
      {result.redFlags.map((flag) => (
        <article key={flag.id} className={`sf-flag sf-flag--${flag.urgency}`} data-flag={flag.id}>
          <header className="sf-flag__head">
            <h3>{pick(flag.name)}</h3>
            <UrgencyTag urgency={flag.urgency} />
            <Tag>{t(`certainty.${flag.certainty}`)}</Tag>
          </header>
          <dl className="sf-details">
            <dt>{t('flags.suspect')}</dt>
            <dd>{pick(flag.suspect)}</dd>
            <dt>{t('flags.why')}</dt>
            <dd>
              <ul>
                {flag.reasons.map((reason) => (
                  <li key={reason}>{reasonText(reason)}</li>
                ))}
              </ul>
            </dd>
            <dt>{t('flags.referTo')}</dt>
            <dd>{pick(flag.referTo)}</dd>
            {flag.tests.length > 0 ? (
              <>
                <dt>{t('flags.tests')}</dt>
                <dd>
                  <ul className="sf-tests">
                    {flag.tests.map((test) => (
                      <li key={test.en}>{pick(test)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </article>
      ))}
    </Card>
  );
}
