import { Card } from '../../../components/ui/card.tsx';
import type { ReviewDto } from '../api/safety-api.ts';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { DecisionTag } from './urgency-tag.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useTranslation } from 'react-i18next';
import { AuthoredText } from '../../../components/ui/authored-text.tsx';

// First-strong isolates: a Latin name beside an Arabic date (or the reverse) keeps its own order.
const isolate = (text: string) => `\u2068${text}\u2069`;

export function ReviewHistory({ reviews }: { reviews: readonly ReviewDto[] }) {
  const { t } = useTranslation('safety');
  const { dateTime } = useSafetyLabels();
  return (
    <Card as="section" className="sf-card" aria-labelledby="sf-history-title">
      <h2 id="sf-history-title">{t('history.title')}</h2>
      {reviews.length === 0 ? <MutedText>{t('history.none')}</MutedText> : null}
      <ol className="sf-history">
        {reviews.map((review) => (
          <li key={review.id} className={`sf-review sf-review--${review.decision}`} data-decision={review.decision}>
            <p className="sf-review__head">
              <DecisionTag decision={review.decision} />{' '}
              <MutedText as="span">{t('history.by', { name: isolate(review.physicianName), time: isolate(dateTime(review.at)) })}</MutedText>
            </p>
            {review.notes ? <AuthoredText as="p" className="sf-review__notes" text={review.notes} /> : null}
            {review.referral ? (
              <>
                <p>{t('history.referral', { to: isolate(review.referral.to), urgency: t(`urgency.${review.referral.urgency}`) })}</p>
                {review.referral.tests.length > 0 ? <MutedText>{t('history.tests', { tests: review.referral.tests.join('; ') })}</MutedText> : null}
              </>
            ) : null}
            {review.precautions.length > 0 ? (
              <ul>
                {review.precautions.map((p, i) => (
                  <li key={i}>
                    <AuthoredText text={p} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
