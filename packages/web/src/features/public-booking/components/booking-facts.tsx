import { useTranslation } from 'react-i18next';
import type { BookingDetail } from '../api/public-api.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { SummaryList } from './summary-list.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

/** Reference, visit, therapist, date and time of a booking, in the clinic's zone. */
export function BookingFacts({ booking, timeZone, withReference = true }: { booking: BookingDetail; timeZone: string; withReference?: boolean }) {
  const { t } = useTranslation('booking');
  const { language, pick } = useLanguage();
  return (
    <SummaryList
      rows={[
        ...(withReference ? [{ label: t('book.summary.reference'), value: <span className="pb-reference-inline">{booking.reference}</span> }] : []),
        { label: t('book.summary.service'), value: pick(booking.serviceName) },
        { label: t('book.summary.practitioner'), value: pick(booking.practitionerName) },
        { label: t('book.summary.date'), value: formatInstant(booking.start, timeZone, language, 'day') },
        {
          label: t('book.summary.time'),
          value: `${formatInstant(booking.start, timeZone, language, 'time12')} – ${formatInstant(booking.end, timeZone, language, 'time12')}`,
        },
      ]}
    />
  );
}
