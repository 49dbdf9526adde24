import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { staffApi } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { useSessionGuard, useStaffData } from '../api/use-staff-data.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Table } from '../../../components/ui/table.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';

const KNOWN_REASONS = ['many_contacts_from_address', 'fills_practitioner_day'] as const;

async function load() {
  const [bookings, clinic] = await Promise.all([staffApi.suspiciousBookings(), staffApi.clinic()]);
  return { bookings, timeZone: clinic.timeZone };
}

/**
 * Online bookings that look like abuse (one address booking for many contacts, or filling a
 * practitioner's day). Reception keeps the real ones and releases the rest, freeing the time.
 */
export function SuspiciousBookingsPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const timeZone = useClinicTimeZone();
  const data = useStaffData(load, 'suspicious-bookings');
  const guard = useSessionGuard();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  const act = async (id: string, action: 'keep' | 'release') => {
    if (action === 'release' && !window.confirm(t('suspicious.confirmRelease'))) return;
    setBusy(id);
    setError(undefined);
    try {
      await (action === 'keep' ? staffApi.keepSuspiciousBooking(id) : staffApi.releaseSuspiciousBooking(id));
      setNotice(action === 'keep' ? t('suspicious.kept') : t('suspicious.released'));
      data.reload();
    } catch (caught) {
      guard(caught);
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="st-page">
      <PageHeader
        title={t('suspicious.title')}
        subtitle={t('suspicious.subtitle')}
        actions={
          <Button variant="secondary" onClick={data.reload}>
            {t('actions.refresh')}
          </Button>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error || data.error ? <Alert tone="error">{errorText(t, error ?? data.error)}</Alert> : null}
      {!data.data ? (
        <LoadingState label={t('common:loading')} />
      ) : data.data.bookings.length === 0 ? (
        <EmptyState>{t('suspicious.empty')}</EmptyState>
      ) : (
        <Table>
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
            {data.data.bookings.map((b) => (
              <tr key={b.id}>
                <td>
                  <span className="st-nowrap">{formatInstant(b.start, timeZone, i18n.language, 'dateTimeCompact')}</span>
                  <br />
                  <span className="st-muted">
                    {b.serviceName} · {b.practitionerName} · <span dir="ltr">{b.reference}</span>
                  </span>
                </td>
                <td>
                  {b.patientName}
                  <br />
                  <span className="st-muted st-recipient" dir="ltr">
                    {b.contact}
                  </span>
                </td>
                <td>
                  <span dir="ltr">{b.bookedFromIp}</span>
                  <br />
                  <span className="st-muted">{t('suspicious.bookedAt', { time: formatInstant(b.bookedAt, timeZone, i18n.language, 'dateTimeCompact') })}</span>
                </td>
                <td>{isOneOf(KNOWN_REASONS, b.reason) ? t(`suspicious.reasons.${b.reason}`) : b.reason}</td>
                <td className="ui-table__actions">
                  <Button variant="secondary" disabled={busy !== null} onClick={() => void act(b.id, 'keep')}>
                    {t('suspicious.keep')}
                  </Button>{' '}
                  <Button variant="danger" disabled={busy !== null} onClick={() => void act(b.id, 'release')}>
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
