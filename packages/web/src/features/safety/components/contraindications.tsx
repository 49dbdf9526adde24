import type { ScreeningResult } from '@myomap/domain/screening/screening-result';
import { Card } from '../../../components/ui/card.tsx';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { Tag } from '../../../components/ui/tag.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useTranslation } from 'react-i18next';

/** What to postpone, where not to work, how to modify, and the safety questions still to ask. */
export function Contraindications({ result }: { result: ScreeningResult }) {
  const { t } = useTranslation('safety');
  const { pick, zoneLabel, reasonText, questionText } = useSafetyLabels();
  const empty = result.contraindications.length === 0 && result.precautions.length === 0 && result.avoidZones.length === 0;
  return (
    <Card as="section" className="sf-card" aria-labelledby="sf-contra-title">
      <h2 id="sf-contra-title">{t('contra.title')}</h2>
      {empty ? <MutedText>{t('contra.none')}</MutedText> : null}
      {result.contraindications.map((finding) => (
        <article key={finding.id} className={`sf-contra sf-contra--${finding.kind}`} data-contraindication={finding.id}>
          <header className="sf-flag__head">
            <h3>{pick(finding.name)}</h3>
            <Tag tone={finding.kind === 'local' ? 'warning' : 'danger'}>{t(`contra.kinds.${finding.kind}`)}</Tag>
            {finding.certainty === 'not_ruled_out' ? <Tag>{t('certainty.not_ruled_out')}</Tag> : null}
          </header>
          <ul className="sf-reasons">
            {finding.reasons.map((reason) => (
              <li key={reason}>{reasonText(reason)}</li>
            ))}
          </ul>
          {finding.zones.length > 0 ? (
            <MutedText>
              {t('contra.areas')}: {finding.zones.map((z) => zoneLabel(z.zone, z.side)).join(' · ')}
            </MutedText>
          ) : null}
        </article>
      ))}
      {result.precautions.length > 0 ? (
        <>
          <h3>{t('contra.precautions')}</h3>
          <ul className="sf-precautions">
            {result.precautions.map((p, i) => (
              <li key={`${p.ruleId}-${i}`}>
                {pick(p.text)}
                {p.zones && p.zones.length > 0 ? <MutedText as="span"> ({p.zones.map((z) => zoneLabel(z.zone, z.side)).join(', ')})</MutedText> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.avoidZones.length > 0 ? (
        <>
          <h3>{t('contra.avoid')}</h3>
          <ul className="sf-chips">
            {result.avoidZones.map((z) => (
              <li key={`${z.zone}:${z.side ?? ''}`} className="sf-chip sf-chip--avoid">
                {zoneLabel(z.zone, z.side)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.unansweredSafetyQuestions.length > 0 ? (
        <>
          <h3>{t('contra.unanswered')}</h3>
          <ul>
            {result.unansweredSafetyQuestions.map((linkId) => (
              <li key={linkId}>{questionText(linkId)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
