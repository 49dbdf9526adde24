import '../safety.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { safetyApi, type QueueEntry } from '../api/safety-api.ts';
import { OutcomeTag, UrgencyTag } from '../components/urgency-tag.tsx';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { useTranslation } from 'react-i18next';

export function ReviewQueuePage() {
  return (
    <>
      <ReviewQueue />
    </>
  );
}

type Load = { status: 'loading' } | { status: 'ready'; entries: QueueEntry[] } | { status: 'forbidden' } | { status: 'error' };

/** /staff/reviews — referrals first, then precautions, oldest screen first within each. */
function ReviewQueue() {
  const { t } = useTranslation(['safety', 'common']);
  const { pick, dateTime } = useSafetyLabels();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    safetyApi.queue().then(
      (entries) => live && setLoad({ status: 'ready', entries }),
      (error: unknown) => live && setLoad(error instanceof ApiError && error.status === 403 ? { status: 'forbidden' } : { status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    document.title = t('queue.title');
  }, [t]);

  return (
    <section className="sf-page">
      <PageHeader
        title={t('queue.title')}
        subtitle={t('queue.subtitle')}
        actions={load.status === 'ready' ? <span className="sf-count">{t('queue.count', { count: load.entries.length })}</span> : undefined}
      />
      {load.status === 'loading' ? <LoadingState label={t('common:loading')} /> : null}
      {load.status === 'forbidden' ? <Alert tone="error">{t('forbidden')}</Alert> : null}
      {load.status === 'error' ? (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {t('loadFailed')}
        </Alert>
      ) : null}
      {load.status === 'ready' && load.entries.length === 0 ? <Alert tone="success">{t('queue.empty')}</Alert> : null}
      {load.status === 'ready' && load.entries.length > 0 ? (
        <Card className="sf-table-card">
          <table className="sf-table">
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
              {load.entries.map((entry) => (
                <tr key={entry.patientId} data-patient-id={entry.patientId} className={entry.outcome === 'refer_before_treatment' ? 'is-refer' : undefined}>
                  <th scope="row" data-label={t('queue.patient')}>
                    <Link to={`/staff/patients/${entry.patientId}/safety`}>{entry.patientName}</Link>
                  </th>
                  <td data-label={t('queue.outcome')} data-urgency={entry.urgency}>
                    <OutcomeTag outcome={entry.outcome} />
                    {/* Red flags show their own urgency; a precaution that needs clearance says so here. */}
                    {entry.urgency === 'clearance' ? <span className="sf-tag">{t('urgency.clearance')}</span> : null}
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
          </table>
        </Card>
      ) : null}
    </section>
  );
}
