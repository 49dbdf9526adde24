import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonAnchor } from '../../../components/ui/button.tsx';
import type { BookingDetail, Clinic } from '../api/public-api.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { buildIcs, icsDataUrl } from '../lib/build-ics.ts';
import { googleCalendarUrl, outlookCalendarUrl } from '../lib/calendar-links.ts';

/**
 * Downloads an .ics made here from the booking (every calendar app opens it), or opens the
 * visit in Google Calendar or Outlook on the web. Those two links go to another company, so they
 * carry the clinic's site instead of the private manage link.
 */
export function AddToCalendar({ booking, clinic, manageUrl }: { booking: BookingDetail; clinic: Clinic | undefined; manageUrl: string }) {
  const { t } = useTranslation('booking');
  const { pick } = useLanguage();
  const href = useMemo(() => {
    const summary = `${pick(booking.serviceName)} – ${clinic ? pick(clinic.name) : ''}`.replace(/ – $/, '');
    const description = [
      `${t('book.summary.reference')}: ${booking.reference}`,
      `${t('book.summary.practitioner')}: ${pick(booking.practitionerName)}`,
      clinic ? clinic.phone : '',
      manageUrl,
    ]
      .filter(Boolean)
      .join('\n');
    const ics = buildIcs({
      uid: `${booking.reference}@myomap`,
      start: booking.start,
      end: booking.end,
      summary,
      ...(clinic ? { location: `${pick(clinic.name)}, ${pick(clinic.address)}` } : {}),
      description,
      url: manageUrl,
      stamp: new Date(),
    });
    return icsDataUrl(ics);
  }, [booking, clinic, manageUrl, pick, t]);
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
