import '../safety.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { reviewQueueQuery } from '../api/safety-queries.ts';
import { OutcomeTag, UrgencyTag } from '../components/urgency-tag.tsx';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { useTranslation } from 'react-i18next';

/** /staff/reviews — referrals first, then precautions, oldest screen first within each. */
export function ReviewQueuePage() {
  const { t } = useTranslation(['safety', 'common']);
  const errorText = useErrorText();
  const { pick, dateTime } = useSafetyLabels();
  const queue = useQuery(reviewQueueQuery);
  const forbidden = queue.error instanceof ApiError && queue.error.code === 'forbidden';

  useEffect(() => {
    document.title = t('queue.title');
  }, [t]);

  return (
    <PageFrame
      className="sf-page"
      title={t('queue.title')}
      description={t('queue.subtitle')}
      actions={
        queue.data ? (
          <MutedText as="span" className="sf-count">
            {t('queue.count', { count: queue.data.length })}
          </MutedText>
        ) : undefined
      }
    >
      {queue.isPending ? <LoadingState label={t('common:loading')} /> : null}
      {forbidden ? <Alert tone="error">{t('forbidden')}</Alert> : null}
      {queue.isError && !forbidden ? (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" onClick={() => void queue.refetch()}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {errorText(queue.error)}
        </Alert>
      ) : null}
      {queue.data?.length === 0 ? <Alert tone="success">{t('queue.empty')}</Alert> : null}
      {queue.data && queue.data.length > 0 ? (
        <Table caption={t('queue.title')} captionHidden stackOnPhone className="sf-queue">
          <thead>
            <tr>
              <th scope="col">{t('queue.patient')}</th>
              <th scope="col">{t('queue.outcome')}</th>
              <th scope="col">{t('queue.redFlags')}</th>
              <th scope="col">{t('queue.screened')}</th>
              <th scope="col">{t('queue.nextVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((entry) => (
              <tr key={entry.patientId} data-patient-id={entry.patientId} className={entry.outcome === 'refer_before_treatment' ? 'is-refer' : undefined}>
                <th scope="row" data-label={t('queue.patient')}>
                  <Link to={`/staff/patients/${entry.patientId}/safety`}>{entry.patientName}</Link>
                </th>
                <td data-label={t('queue.outcome')} data-urgency={entry.urgency}>
                  <OutcomeTag outcome={entry.outcome} />
                  {/* Red flags show their own urgency; a precaution that needs clearance says so here. */}
                  {entry.urgency === 'clearance' ? <Tag>{t('urgency.clearance')}</Tag> : null}
                </td>
                <td data-label={t('queue.redFlags')}>
                  {entry.redFlags.length === 0 ? (
                    t('queue.none')
                  ) : (
                    <ul className="sf-flag-list">
                      {entry.redFlags.map((flag) => (
                        <li key={flag.id}>
                          <UrgencyTag urgency={flag.urgency} /> {pick(flag.name)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label={t('queue.screened')}>{dateTime(entry.screenedAt)}</td>
                <td data-label={t('queue.nextVisit')}>{entry.nextVisit ? dateTime(entry.nextVisit) : t('queue.none')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </PageFrame>
  );
}
