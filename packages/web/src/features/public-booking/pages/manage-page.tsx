import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonAnchor, ButtonLink } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { cancelBooking, rescheduleBooking, type BookingDetail, type Slot } from '../api/public-api.ts';
import { availabilityKey, bookingQuery } from '../api/public-booking-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { isBadLink } from '../lib/is-bad-link.ts';
import { AddToCalendar } from '../components/add-to-calendar.tsx';
import { BookingFacts } from '../components/booking-facts.tsx';
import { SlotPicker } from '../components/slot-picker.tsx';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { clinicToday, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';

type Mode = 'view' | 'confirm-cancel' | 'reschedule';
type Outcome = { kind: 'cancelled' } | { kind: 'moved'; start: string } | { kind: 'taken' } | { kind: 'failed'; error: unknown };

/** /booking/:reference?token=…: see the visit, cancel it (after a confirm step) or move it. */
export function ManagePage() {
  const { t } = useTranslation('booking');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { reference = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const clinic = useQuery(clinicQuery).data;
  useDocumentTitle(t('manage.title'));
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const bookingKey = bookingQuery(reference, token).queryKey;
  const loaded = useQuery(bookingQuery(reference, token));
  const [mode, setMode] = useState<Mode>('view');
  const [newSlot, setNewSlot] = useState<Slot | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const change = useMutation({
    mutationFn: (request: { action: () => Promise<BookingDetail>; success: (b: BookingDetail) => Outcome }) => request.action(),
    onMutate: () => setOutcome(undefined),
    onSuccess: (result, { success }) => {
      // The server's answer is the booking as it now stands.
      queryClient.setQueryData(bookingKey, result);
      setMode('view');
      setNewSlot(undefined);
      setOutcome(success(result));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'slot_unavailable') {
        setNewSlot(undefined);
        // Ask again for the times: the one chosen was shown as free.
        void queryClient.resetQueries({ queryKey: availabilityKey });
        setOutcome({ kind: 'taken' });
      } else {
        setOutcome({ kind: 'failed', error });
        // The change window may have closed while the page was open: show the fresh state.
        if (error instanceof ApiError && error.code === 'cancellation_window_passed') void queryClient.invalidateQueries({ queryKey: bookingKey });
      }
    },
  });
  const busy = change.isPending;
  const run = (action: () => Promise<BookingDetail>, success: (b: BookingDetail) => Outcome) => change.mutate({ action, success });

  if (loaded.isPending) return <LoadingState label={tc('loading')} />;
  const booking = loaded.data;
  if (!booking) {
    return (
      <div className="pb-page pb-narrow">
        <PageHeader title={t('manage.title')} />
        <Alert tone="error" title={isBadLink(loaded.error) ? t('manage.loadFailed') : errorText(loaded.error)} />
      </div>
    );
  }
  const current = booking;
  const cancelled = current.status === 'cancelled';
  const phoneHref = clinic ? `tel:${clinic.phone.replace(/\s/g, '')}` : undefined;

  return (
    <div className="pb-page pb-narrow pb-manage">
      <PageHeader
        eyebrow={`${t('book.summary.reference')}: ${current.reference}`}
        title={t('manage.title')}
        actions={
          <Tag tone={cancelled ? 'danger' : 'success'} strong>
            {cancelled ? t('manage.statusCancelled') : t('manage.statusConfirmed')}
          </Tag>
        }
      />

      {outcome?.kind === 'moved' ? (
        <Alert tone="success" title={t('manage.moved', { date: formatInstant(outcome.start, timeZone, language, 'dayTime12') })} />
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Alert tone="error" title={t('manage.actionFailed')}>
          {errorText(outcome.error)}
        </Alert>
      ) : null}

      <Card as="section" aria-label={t('manage.title')}>
        <BookingFacts booking={current} timeZone={timeZone} withReference={false} />
        {!cancelled ? (
          <div className="pb-actions">
            <AddToCalendar booking={current} clinic={clinic} token={token} />
          </div>
        ) : null}
      </Card>

      {cancelled ? (
        <Alert
          tone={outcome?.kind === 'cancelled' ? 'success' : 'info'}
          title={outcome?.kind === 'cancelled' ? t('manage.cancelled') : t('manage.cancelledNote')}
          actions={<ButtonLink to="/book">{t('manage.bookAgain')}</ButtonLink>}
        />
      ) : !current.canChange ? (
        <Alert
          tone="warning"
          title={t('manage.closed', { hours: clinic?.cancellationWindowHours ?? '' })}
          actions={
            phoneHref && clinic ? (
              <ButtonAnchor href={phoneHref}>
                {t('common.callClinic')} <span dir="ltr">{clinic.phone}</span>
              </ButtonAnchor>
            ) : null
          }
        >
          <p>{t('manage.closedCall', { phone: clinic?.phone ?? '' })}</p>
        </Alert>
      ) : mode === 'view' ? (
        <Card as="section" aria-label={t('manage.reschedule')}>
          <MutedText>{t('manage.deadline', { date: formatInstant(current.changeDeadline, timeZone, language, 'dayTime12') })}</MutedText>
          <div className="pb-actions">
            <Button
              onClick={() => {
                setOutcome(undefined);
                setMode('reschedule');
              }}
            >
              {t('manage.reschedule')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setOutcome(undefined);
                setMode('confirm-cancel');
              }}
            >
              {t('manage.cancel')}
            </Button>
          </div>
        </Card>
      ) : mode === 'confirm-cancel' ? (
        <Card as="section" className="pb-danger-zone" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t('manage.cancelConfirmTitle')}</h2>
          <p>{t('manage.cancelConfirmBody', { date: formatInstant(current.start, timeZone, language, 'dayTime12') })}</p>
          <div className="pb-actions">
            <Button
              variant="danger"
              busy={busy}
              onClick={() =>
                void run(
                  () => cancelBooking(current.reference, token),
                  () => ({ kind: 'cancelled' }),
                )
              }
            >
              {t('manage.cancelConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')} disabled={busy}>
              {t('manage.keep')}
            </Button>
          </div>
        </Card>
      ) : clinic ? (
        <Card as="section" aria-labelledby="reschedule-title">
          <h2 id="reschedule-title">{t('manage.rescheduleTitle')}</h2>
          <MutedText>{t('manage.rescheduleIntro')}</MutedText>
          {outcome?.kind === 'taken' ? (
            <Alert tone="warning" title={t('book.slotTaken.title')}>
              <p>{t('book.slotTaken.body')}</p>
            </Alert>
          ) : null}
          {newSlot ? (
            <div className="pb-confirm-move" role="group" aria-labelledby="move-title">
              <h3 id="move-title">{t('manage.moveConfirmTitle')}</h3>
              <p>
                {t('manage.moveConfirmBody', {
                  from: formatInstant(current.start, timeZone, language, 'dayTime12'),
                  to: formatInstant(newSlot.start, timeZone, language, 'dayTime12'),
                })}
              </p>
              <div className="pb-actions">
                <Button
                  busy={busy}
                  onClick={() =>
                    run(
                      () => rescheduleBooking(current.reference, token, newSlot.start),
                      (b) => ({ kind: 'moved', start: b.start }),
                    )
                  }
                >
                  {t('manage.moveConfirm')}
                </Button>
                <Button variant="secondary" onClick={() => setNewSlot(undefined)} disabled={busy}>
                  {t('common.back')}
                </Button>
              </div>
            </div>
          ) : (
            <SlotPicker
              serviceId={current.serviceId}
              practitionerId={current.practitionerId}
              timeZone={timeZone}
              today={clinicToday(timeZone)}
              horizonDays={clinic.horizonDays}
              selectedStart={undefined}
              excludeStart={current.start}
              onSelect={setNewSlot}
            />
          )}
          <div className="pb-actions">
            <Button
              variant="ghost"
              onClick={() => {
                setMode('view');
                setNewSlot(undefined);
              }}
            >
              {t('manage.keep')}
            </Button>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
