import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { staffApi } from '../api/staff-api.ts';
import { staffKeys, suspiciousBookingsQuery } from '../api/staff-queries.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Table } from '../../../components/ui/table.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';

const KNOWN_REASONS = ['many_contacts_from_address', 'fills_practitioner_day'] as const;

/**
 * Online bookings that look like abuse (one address booking for many contacts, or filling a
 * practitioner's day). Reception keeps the real ones and releases the rest, freeing the time.
 */
export function SuspiciousBookingsPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const bookings = useQuery(suspiciousBookingsQuery);
  const [notice, setNotice] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'keep' | 'release' }): Promise<void> => {
      await (action === 'keep' ? staffApi.keepSuspiciousBooking(id) : staffApi.releaseSuspiciousBooking(id));
    },
    onMutate: () => setNotice(null),
    onSuccess: (_answer, { action }) => {
      setNotice(action === 'keep' ? t('suspicious.kept') : t('suspicious.released'));
      // A released booking frees its time, so the calendar changes too.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.suspiciousBookings }),
        queryClient.invalidateQueries({ queryKey: staffKeys.calendar }),
      ]);
    },
  });

  const act = (id: string, action: 'keep' | 'release') => {
    if (action === 'release' && !window.confirm(t('suspicious.confirmRelease'))) return;
    decide.mutate({ id, action });
  };
  const error = decide.error ?? bookings.error;

  return (
    <section className="st-page">
      <PageHeader
        title={t('suspicious.title')}
        subtitle={t('suspicious.subtitle')}
        actions={
          <Button variant="secondary" busy={bookings.isRefetching} onClick={() => void bookings.refetch()}>
            {t('actions.refresh')}
          </Button>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {bookings.isPending ? (
        <LoadingState label={t('common:loading')} />
      ) : !bookings.data ? null : bookings.data.length === 0 ? (
        <EmptyState>{t('suspicious.empty')}</EmptyState>
      ) : (
        <Table stackOnPhone>
          <thead>
            <tr>
              <th scope="col">{t('suspicious.visit')}</th>
              <th scope="col">{t('suspicious.patient')}</th>
              <th scope="col">{t('suspicious.address')}</th>
              <th scope="col">{t('suspicious.reason')}</th>
              <th scope="col">
                <span className="st-visually-hidden">{t('actions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bookings.data.map((b) => (
              <tr key={b.id}>
                <td data-label={t('suspicious.visit')}>
                  <span className="st-nowrap">{formatInstant(b.start, timeZone, i18n.language, 'dateTimeCompact')}</span>
                  <br />
                  <span className="st-muted">
                    {b.serviceName} · {b.practitionerName} · <span dir="ltr">{b.reference}</span>
                  </span>
                </td>
                <td data-label={t('suspicious.patient')}>
                  {b.patientName}
                  <br />
                  <span className="st-muted st-recipient" dir="ltr">
                    {b.contact}
                  </span>
                </td>
                <td data-label={t('suspicious.address')}>
                  <span dir="ltr">{b.bookedFromIp}</span>
                  <br />
                  <span className="st-muted">{t('suspicious.bookedAt', { time: formatInstant(b.bookedAt, timeZone, i18n.language, 'dateTimeCompact') })}</span>
                </td>
                <td data-label={t('suspicious.reason')}>{isOneOf(KNOWN_REASONS, b.reason) ? t(`suspicious.reasons.${b.reason}`) : b.reason}</td>
                <td className="ui-table__actions">
                  <Button variant="secondary" disabled={decide.isPending} onClick={() => act(b.id, 'keep')}>
                    {t('suspicious.keep')}
                  </Button>{' '}
                  <Button variant="danger" disabled={decide.isPending} onClick={() => act(b.id, 'release')}>
                    {t('suspicious.release')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
