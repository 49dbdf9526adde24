import '../referrals.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { worklistQuery } from '../api/referrals-queries.ts';
import { StatusTag, UrgencyTag } from '../components/referral-tags.tsx';

/** /staff/referrals — referrals out by status (overdue first), and referrals in to triage. */
export function ReferralWorklistPage() {
  const { t } = useTranslation(['referrals', 'common']);
  const language = useLanguage();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') === 'in' ? 'in' : 'out';
  const list = useQuery(worklistQuery(direction));

  useEffect(() => {
    document.title = t('worklist.title');
  }, [t]);

  return (
    <PageFrame
      title={t('worklist.title')}
      description={t('worklist.description')}
      actions={
        <ButtonLink to="/staff/referrals/directory" variant="secondary">
          {t('worklist.directory')}
        </ButtonLink>
      }
    >
      <div className="rf-stack">
        <div className="rf-tabs" role="group" aria-label={t('worklist.title')}>
          {(['out', 'in'] as const).map((d) => (
            <Button key={d} variant={d === direction ? 'primary' : 'secondary'} aria-pressed={d === direction} onClick={() => setParams({ direction: d })}>
              {d === 'out' ? t('worklist.outbound') : t('worklist.inbound')}
            </Button>
          ))}
        </div>
        {list.error ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
        {!list.data ? (
          <LoadingState label={t('common:loading')} />
        ) : (
          <Table
            stackOnPhone
            caption={direction === 'out' ? t('worklist.outbound') : t('worklist.inbound')}
            captionHidden
            empty={list.data.length === 0 ? t('worklist.none') : undefined}
          >
            <thead>
              <tr>
                <th scope="col">{t('worklist.patient')}</th>
                <th scope="col">{direction === 'out' ? t('worklist.provider') : t('worklist.referrer')}</th>
                <th scope="col">{t('worklist.urgency')}</th>
                <th scope="col">{t('worklist.status')}</th>
                <th scope="col">{t('worklist.due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <tr key={item.id}>
                  <td data-label={t('worklist.patient')}>
                    <Link to={`/staff/referrals/${encodeURIComponent(item.id)}`}>{item.patientName ?? '—'}</Link>
                  </td>
                  <td data-label={direction === 'out' ? t('worklist.provider') : t('worklist.referrer')}>
                    {(direction === 'out' ? item.providerName : item.referrerName) ?? '—'}
                  </td>
                  <td data-label={t('worklist.urgency')}>
                    <UrgencyTag urgency={item.urgency} />
                  </td>
                  <td data-label={t('worklist.status')}>
                    <StatusTag status={item.status} />
                  </td>
                  <td data-label={t('worklist.due')}>
                    {item.dueOn ? formatDay(item.dueOn, language) : '—'}{' '}
                    {item.overdue ? (
                      <Tag tone="danger" strong>
                        {t('worklist.overdue')}
                      </Tag>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </PageFrame>
  );
}
