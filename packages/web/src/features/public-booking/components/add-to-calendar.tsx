import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonAnchor } from '../../../components/ui/button.tsx';
import type { BookingDetail, Clinic } from '../api/public-api.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { googleCalendarUrl, outlookCalendarUrl } from '../lib/calendar-links.ts';

/**
 * Downloads the visit's .ics from the server (every calendar app opens it), or opens the visit
 * in Google Calendar or Outlook on the web. Those two links go to another company, so they carry
 * the clinic's site instead of the private manage link.
 */
export function AddToCalendar({ booking, clinic, token }: { booking: BookingDetail; clinic: Clinic | undefined; token: string }) {
  const { t } = useTranslation('booking');
  const { pick } = useLanguage();
  // The server's file has the UID and SEQUENCE of the visit's emails, so a calendar that already
  // holds the invitation updates that entry instead of adding a second one.
  const href = `/api/bookings/${encodeURIComponent(booking.reference)}/calendar.ics?token=${encodeURIComponent(token)}`;
  const web = useMemo(() => {
    const event = {
      title: `${pick(booking.serviceName)} – ${clinic ? pick(clinic.name) : ''}`.replace(/ – $/, ''),
      start: booking.start,
      end: booking.end,
      location: clinic ? `${pick(clinic.name)}, ${pick(clinic.address)}` : '',
      details: [
        `${t('book.summary.reference')}: ${booking.reference}`,
        `${t('book.summary.practitioner')}: ${pick(booking.practitionerName)}`,
        clinic ? clinic.phone : '',
        window.location.origin,
      ]
        .filter(Boolean)
        .join('\n'),
    };
    return { google: googleCalendarUrl(event), outlook: outlookCalendarUrl(event) };
  }, [booking, clinic, pick, t]);
  return (
    <div className="pb-actions pb-calendar-links" role="group" aria-label={t('confirmation.calendarGroup')}>
      <ButtonAnchor href={href} download={`myomap-${booking.reference}.ics`} variant="secondary">
        <CalendarIcon />
        {t('confirmation.addToCalendar')}
      </ButtonAnchor>
      <ButtonAnchor href={web.google} target="_blank" rel="noopener noreferrer" variant="secondary" data-testid="add-to-google">
        {t('confirmation.addToGoogle')}
      </ButtonAnchor>
      <ButtonAnchor href={web.outlook} target="_blank" rel="noopener noreferrer" variant="secondary" data-testid="add-to-outlook">
        {t('confirmation.addToOutlook')}
      </ButtonAnchor>
    </div>
  );
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <rect x="3" y="4.5" width="14" height="12.5" rx="2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
