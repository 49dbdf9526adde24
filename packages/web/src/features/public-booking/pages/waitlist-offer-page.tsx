import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { acceptOffer, declineOffer, fetchOffer } from '../api/public-api.ts';
import { SummaryList } from '../components/summary-list.tsx';
import { useCatalog } from '../hooks/use-catalog.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { useResource } from '../hooks/use-resource.ts';
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
  const catalog = useCatalog();
  const offer = useResource(`offer:${token}`, () => fetchOffer(token));
  const secondsLeft = useSecondsLeft(offer.data?.holdExpiresAt);
  const [busy, setBusy] = useState<'accept' | 'decline' | undefined>();
  const [result, setResult] = useState<'declined' | 'expired' | 'failed' | undefined>();
  const timeZone = useClinicTimeZone();

  if (offer.loading) return <LoadingState label={tc('loading')} />;

  const invalid = !offer.data;
  const expired = offer.data?.status === 'expired' || secondsLeft === 0 || result === 'expired';

  async function respond(kind: 'accept' | 'decline') {
    setBusy(kind);
    try {
      if (kind === 'accept') {
        const booking = await acceptOffer(token);
        // Fire and forget: the confirmation page loads itself; nothing here waits for the navigation.
        void navigate(`/booking/${encodeURIComponent(booking.reference)}/confirmed?token=${encodeURIComponent(booking.manageToken ?? '')}`);
        return;
      }
      await declineOffer(token);
      setResult('declined');
    } catch (error) {
      setResult(error instanceof ApiError && error.code === 'offer_expired' ? 'expired' : 'failed');
    } finally {
      setBusy(undefined);
    }
  }

  const service = catalog.services?.find((s) => s.id === offer.data?.serviceId);
  const practitioner = catalog.practitioners?.find((p) => p.id === offer.data?.practitionerId);
  const minutes = Math.floor((secondsLeft ?? 0) / 60);
  const seconds = (secondsLeft ?? 0) % 60;

  return (
    <div className="pb-page pb-narrow pb-offer">
      <PageHeader title={t('offer.title')} subtitle={!invalid && !expired && result !== 'declined' ? t('offer.intro') : undefined} />
      {invalid ? (
        <Alert tone="error" title={t('offer.invalid')} actions={<ButtonLink to="/book">{t('offer.findTime')}</ButtonLink>} />
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
            {result === 'failed' ? <Alert tone="error" title={tc('error.generic')} /> : null}
            {!expired ? (
              <div className="pb-actions">
                <Button size="lg" busy={busy === 'accept'} disabled={busy !== undefined} onClick={() => void respond('accept')}>
                  {t('offer.accept')}
                </Button>
                <Button variant="secondary" busy={busy === 'decline'} disabled={busy !== undefined} onClick={() => void respond('decline')}>
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
