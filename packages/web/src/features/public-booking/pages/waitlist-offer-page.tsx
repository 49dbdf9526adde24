import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { acceptOffer, declineOffer } from '../api/public-api.ts';
import { offerQuery, practitionersQuery, servicesQuery } from '../api/public-booking-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { isBadLink } from '../lib/is-bad-link.ts';
import { SummaryList } from '../components/summary-list.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';

/** Seconds left until `deadline`, ticking once a second. */
function useSecondsLeft(deadline: string | null | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  if (!deadline) return undefined;
  return Math.max(0, Math.floor((Date.parse(deadline) - now) / 1000));
}

/** /waitlist/offer/:token: the held slot, a countdown, and Accept / Decline. */
export function WaitlistOfferPage() {
  const { t } = useTranslation('booking');
  const { t: tc } = useTranslation('common');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(t('offer.title'));
  const { language, pick } = useLanguage();
  const errorText = useErrorText();
  const services = useQuery(servicesQuery).data;
  const practitioners = useQuery(practitionersQuery).data;
  const offer = useQuery(offerQuery(token));
  const secondsLeft = useSecondsLeft(offer.data?.holdExpiresAt);
  const accept = useMutation({
    mutationFn: () => acceptOffer(token),
    // Fire and forget: the confirmation page loads itself; nothing here waits for the navigation.
    onSuccess: (booking) => void navigate(`/booking/${encodeURIComponent(booking.reference)}/confirmed?token=${encodeURIComponent(booking.manageToken ?? '')}`),
  });
  const decline = useMutation({ mutationFn: () => declineOffer(token) });
  const timeZone = useClinicTimeZone();

  if (offer.isPending) return <LoadingState label={tc('loading')} />;

  const failure = accept.error ?? decline.error;
  const result = decline.isSuccess ? 'declined' : failure instanceof ApiError && failure.code === 'offer_expired' ? 'expired' : failure ? 'failed' : undefined;
  const busy = accept.isPending ? 'accept' : decline.isPending ? 'decline' : undefined;
  const invalid = !offer.data;
  const expired = offer.data?.status === 'expired' || secondsLeft === 0 || result === 'expired';

  function respond(kind: 'accept' | 'decline') {
    accept.reset();
    decline.reset();
    (kind === 'accept' ? accept : decline).mutate();
  }

  const service = services?.find((s) => s.id === offer.data?.serviceId);
  const practitioner = practitioners?.find((p) => p.id === offer.data?.practitionerId);
  const minutes = Math.floor((secondsLeft ?? 0) / 60);
  const seconds = (secondsLeft ?? 0) % 60;

  return (
    <div className="pb-page pb-narrow pb-offer">
      <PageHeader title={t('offer.title')} subtitle={!invalid && !expired && result !== 'declined' ? t('offer.intro') : undefined} />
      {invalid ? (
        <Alert
          tone="error"
          title={isBadLink(offer.error) ? t('offer.invalid') : errorText(offer.error)}
          actions={<ButtonLink to="/book">{t('offer.findTime')}</ButtonLink>}
        />
      ) : result === 'declined' ? (
        <Alert tone="success" title={t('offer.declined')} />
      ) : (
        <>
          {expired ? (
            <Alert tone="warning" title={t('offer.expired')} actions={<ButtonLink to="/book">{t('offer.findTime')}</ButtonLink>}>
              <p>{t('offer.expiredBody')}</p>
            </Alert>
          ) : null}
          <Card as="section" aria-label={t('offer.title')}>
            {offer.data ? (
              <SummaryList
                rows={[
                  ...(service ? [{ label: t('book.summary.service'), value: pick(service.names) }] : []),
                  ...(practitioner ? [{ label: t('book.summary.practitioner'), value: pick(practitioner.names) }] : []),
                  { label: t('book.summary.date'), value: formatInstant(offer.data.start, timeZone, language, 'day') },
                  {
                    label: t('book.summary.time'),
                    value: `${formatInstant(offer.data.start, timeZone, language, 'time12')} – ${formatInstant(offer.data.end, timeZone, language, 'time12')}`,
                  },
                ]}
              />
            ) : null}
            {!expired && secondsLeft !== undefined ? (
              <p className="pb-countdown">
                <span>{t('offer.heldFor')}</span>{' '}
                <time className="pb-countdown__value" dir="ltr" role="timer" aria-live="off">
                  {t('offer.countdown', { minutes: String(minutes), seconds: String(seconds).padStart(2, '0') })}
                </time>
              </p>
            ) : null}
            {result === 'failed' ? <Alert tone="error" title={errorText(failure)} /> : null}
            {!expired ? (
              <div className="pb-actions">
                <Button size="lg" busy={busy === 'accept'} disabled={busy !== undefined} onClick={() => respond('accept')}>
                  {t('offer.accept')}
                </Button>
                <Button variant="secondary" busy={busy === 'decline'} disabled={busy !== undefined} onClick={() => respond('decline')}>
                  {t('offer.decline')}
                </Button>
              </div>
            ) : null}
          </Card>
        </>
      )}
    </div>
  );
}
