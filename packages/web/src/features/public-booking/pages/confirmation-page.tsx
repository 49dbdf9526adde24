import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonAnchor, ButtonLink } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { bookingQuery } from '../api/public-booking-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { isBadLink } from '../lib/is-bad-link.ts';
import { AddToCalendar } from '../components/add-to-calendar.tsx';
import { BookingFacts } from '../components/booking-facts.tsx';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { manageUrl } from '../lib/manage-url.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';

/** After booking: the reference, the visit, "Add to calendar" (file, Google, Outlook), the intake form and the private manage link. */
export function ConfirmationPage() {
  const { t } = useTranslation('booking');
  const { t: tc } = useTranslation('common');
  const { reference = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const clinic = useQuery(clinicQuery).data;
  useDocumentTitle(t('confirmation.title'));
  const errorText = useErrorText();
  const booking = useQuery(bookingQuery(reference, token));
  const [copied, setCopied] = useState(false);
  const link = manageUrl(reference, token);
  const intakeUrl = `/intake/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
  const timeZone = useClinicTimeZone();

  if (booking.isPending) return <LoadingState label={tc('loading')} />;
  if (!booking.data) {
    return (
      <div className="pb-page pb-narrow">
        <Alert tone="error" title={isBadLink(booking.error) ? t('manage.loadFailed') : errorText(booking.error)} />
      </div>
    );
  }
  const detail = booking.data;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      document.getElementById('manage-link')?.focus();
    }
  }

  return (
    <div className="pb-page pb-narrow pb-confirmation">
      <div className="pb-confirmation__hero">
        <span className="pb-confirmation__tick" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="28" height="28" focusable="false">
            <path d="M5 12.5l4.2 4.2L19 7" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
        <h1>{t('confirmation.title')}</h1>
        <p>{t('confirmation.intro', { name: detail.patientName })}</p>
      </div>

      <Card as="section" aria-labelledby="reference-label" className="pb-confirmation__card">
        <p id="reference-label" className="pb-reference__label">
          {t('confirmation.reference')}
        </p>
        <p className="pb-reference" data-testid="booking-reference">
          {detail.reference}
        </p>
        <BookingFacts booking={detail} timeZone={timeZone} withReference={false} />
        <AddToCalendar booking={detail} clinic={clinic} token={token} />
      </Card>

      <Card as="section" aria-labelledby="intake-title">
        <h2 id="intake-title">{t('confirmation.intakeTitle')}</h2>
        <p>{t('confirmation.intakeBody')}</p>
        <div className="pb-actions">
          <ButtonAnchor href={intakeUrl} variant="primary" data-testid="intake-link">
            {t('confirmation.intakeAction')}
          </ButtonAnchor>
        </div>
      </Card>

      <Card as="section" aria-labelledby="manage-title">
        <h2 id="manage-title">{t('confirmation.manageTitle')}</h2>
        <p>{t('confirmation.manageBody')}</p>
        <p className="pb-manage-link">
          <a id="manage-link" href={link} dir="ltr">
            {link}
          </a>
        </p>
        <div className="pb-actions">
          <Button variant="secondary" onClick={() => void copy()}>
            {copied ? t('confirmation.copied') : t('confirmation.copy')}
          </Button>
        </div>
      </Card>

      <Card as="section" aria-labelledby="prepare-title">
        <h2 id="prepare-title">{t('confirmation.prepareTitle')}</h2>
        <p>{t('confirmation.prepare')}</p>
      </Card>

      <div className="pb-actions">
        <ButtonLink to="/book" variant="ghost">
          {t('confirmation.bookAnother')}
        </ButtonLink>
        <ButtonLink to="/" variant="ghost">
          {t('confirmation.home')}
        </ButtonLink>
      </div>
    </div>
  );
}
