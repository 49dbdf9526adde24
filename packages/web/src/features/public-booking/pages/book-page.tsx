import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { StepIndicator } from '../../../components/ui/step-indicator.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { createBooking } from '../api/public-api.ts';
import { Chevron } from '../components/chevron.tsx';
import { FIRST_AVAILABLE, PractitionerChoice, ServiceChoice } from '../components/choice-steps.tsx';
import { SlotPicker } from '../components/slot-picker.tsx';
import { SkeletonList } from '../components/skeleton-list.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { availabilityKey, practitionersQuery, servicesQuery } from '../api/public-booking-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { newIdempotencyKey } from '../lib/new-idempotency-key.ts';
import { clearPatientDraft, loadPatientDraft, savePatientDraft, toPatient, type PatientDraft } from '../lib/patient-draft.ts';
import { reachableStep, readBookingSteps, STEPS, writeBookingSteps, type BookingSteps, type Step } from '../lib/booking-steps.ts';
import { addDays, clinicToday, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { formatPrice } from '../lib/format-price.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';

// The forms (and the schema library that checks them) load when the patient reaches them.
const PatientDetailsForm = lazy(() => import('../components/patient-details-form.tsx').then((m) => ({ default: m.PatientDetailsForm })));
const WaitlistForm = lazy(() => import('../components/waitlist-form.tsx').then((m) => ({ default: m.WaitlistForm })));

/** The public booking wizard: service → practitioner → day and time → details → confirm. */
export function BookPage() {
  const { t } = useTranslation(['booking', 'common']);
  const { t: tc } = useTranslation('common');
  const { language, pick } = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const clinic = useQuery(clinicQuery).data;
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const services = useQuery(servicesQuery);
  useDocumentTitle(t('book.pageTitle'));
  const timeZone = useClinicTimeZone();

  // The wizard's choices live in the address (lib/booking-steps.ts): Back, reload and a shared link all land on the same step.
  const steps = readBookingSteps(params);
  const { serviceId, practitionerChoice, slot, day: pickerDay } = steps;
  const [patient, setPatientState] = useState<PatientDraft>(() => loadPatientDraft({ name: '', email: '', phone: '', preferredLanguage: language }));
  const [attemptKey, setAttemptKey] = useState<string>(newIdempotencyKey);
  const [slotTaken, setSlotTaken] = useState(false);
  const [waitlistOpen, setWaitlistOpen] = useState(false);
  const [week, setWeek] = useState<{ from: string; to: string } | undefined>();
  const inFlight = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const service = services.data?.find((s) => s.id === serviceId);
  const step = reachableStep(steps.step, {
    // While the services load, a named service counts as chosen; an unknown one sends the patient back to choose.
    service: Boolean(serviceId) && (!services.data || Boolean(service)),
    practitioner: Boolean(practitionerChoice),
    time: Boolean(slot),
    details: Boolean(patient.name.trim() && patient.email.trim()),
  });

  // The first step shows services only: the practitioners are fetched for the next step meanwhile,
  // into the cache alone, so their arrival does not draw the page again (a long task on a phone).
  const practitionerList = useQuery({ ...practitionersQuery, subscribed: step !== 'service' });
  useEffect(() => {
    if (step === 'service') void queryClient.prefetchQuery(practitionersQuery);
  }, [step, queryClient]);
  const catalogError = services.error ?? practitionerList.error;
  const practitioners = (practitionerList.data ?? []).filter((p) => service?.practitionerIds.includes(p.id));
  const practitionerId = practitionerChoice && practitionerChoice !== FIRST_AVAILABLE ? practitionerChoice : undefined;
  const bookedPractitioner = practitionerList.data?.find((p) => p.id === slot?.practitionerId);

  /** A new step is a new history entry; the same step with a new choice (the day looked at) replaces it. */
  function update(next: Partial<BookingSteps>, options: { replace?: boolean } = {}) {
    setParams((current) => writeBookingSteps(current, { ...readBookingSteps(current), ...next }), { replace: options.replace ?? false });
  }

  function setPatient(next: PatientDraft) {
    setPatientState(next);
    savePatientDraft(next);
  }

  // Each step change: focus its heading (keyboard and screen-reader users hear where they are) and scroll up.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  function goTo(next: Step, choices: Partial<BookingSteps> = {}) {
    update({ ...choices, step: next });
    setWaitlistOpen(false);
  }

  // The booking, sent with this attempt's idempotency key: a retry of the same attempt cannot book twice.
  const booking = useMutation({
    mutationFn: (request: { body: Parameters<typeof createBooking>[0]; key: string }) => createBooking(request.body, request.key),
    // Fire and forget: the confirmation page loads itself; nothing here waits for the navigation.
    onSuccess: (created) => {
      clearPatientDraft();
      void navigate(`/booking/${encodeURIComponent(created.reference)}/confirmed?token=${encodeURIComponent(created.manageToken ?? '')}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'slot_unavailable') {
        setSlotTaken(true);
        // Ask every week again: the list the patient saw had this time as free.
        void queryClient.resetQueries({ queryKey: availabilityKey });
        goTo('time', { slot: undefined });
      }
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const submitting = booking.isPending;
  const submitError = booking.error && !(booking.error instanceof ApiError && booking.error.code === 'slot_unavailable') ? booking.error : undefined;

  function submitDetails() {
    // A fresh key for each attempt; a retry of this same attempt reuses it.
    setAttemptKey(newIdempotencyKey());
    booking.reset();
    goTo('review');
  }

  function confirm() {
    // A second click before the first answer is one booking, not two (the ref is set before React re-renders).
    if (!service || !slot || inFlight.current) return;
    inFlight.current = true;
    booking.mutate({
      body: { serviceId: service.id, practitionerId: slot.practitionerId, start: slot.start, patient: toPatient(patient) },
      key: attemptKey,
    });
  }

  const stepIndex = STEPS.indexOf(step);
  const stepName = (s: Step) => t(`book.steps.${s}`);
  const titles: Record<Step, string> = {
    service: t('book.service.title'),
    practitioner: t('book.practitioner.title'),
    time: t('book.time.title'),
    details: t('book.details.title'),
    review: t('book.review.title'),
  };
  const practitionerName = practitionerId ? practitioners.find((p) => p.id === practitionerId) : undefined;

  return (
    <div className="pb-page pb-book">
      <PageHeader title={t('book.pageTitle')} subtitle={t('book.pageSubtitle')} />
      <StepIndicator
        steps={STEPS.map(stepName)}
        current={stepIndex}
        label={t('book.stepsLabel')}
        progressText={t('book.stepProgress', { current: stepIndex + 1, total: STEPS.length, name: stepName(step) })}
      />

      <section className="pb-step ui-card" aria-labelledby="step-title">
        <h2 id="step-title" ref={headingRef} tabIndex={-1} className="pb-step__title">
          {titles[step]}
        </h2>

        {service && stepIndex > 0 && step !== 'review' ? (
          <p className="pb-context">
            <span>{pick(service.names)}</span>
            <span>{t('common.minutes', { minutes: service.durationMinutes })}</span>
            {stepIndex > 1 ? <span>{practitionerName ? pick(practitionerName.names) : t('book.practitioner.firstAvailable')}</span> : null}
            {slot && stepIndex > 2 ? <span>{formatInstant(slot.start, timeZone, language, 'dayTime12')}</span> : null}
          </p>
        ) : null}

        {/* One placeholder, for the list this step shows: the services list must not appear below it and then jump up (layout shift). */}
        {(step === 'service' ? services.isPending : services.isPending || practitionerList.isPending) ? (
          <SkeletonList label={tc('loading')} count={4} className="pb-choices" itemClassName="pb-skeleton--choice" />
        ) : null}
        {catalogError ? (
          <Alert
            tone="error"
            title={errorText(catalogError)}
            actions={
              <Button
                variant="secondary"
                onClick={() => {
                  void services.refetch();
                  void practitionerList.refetch();
                }}
              >
                {t('common:actions.retry')}
              </Button>
            }
          />
        ) : null}

        {step === 'service' && services.data ? (
          <ServiceChoice
            services={services.data}
            selectedId={serviceId}
            onChoose={(id) => goTo('practitioner', id === serviceId ? {} : { serviceId: id, practitionerChoice: undefined, slot: undefined, day: undefined })}
          />
        ) : null}

        {step === 'practitioner' && service ? (
          <PractitionerChoice
            practitioners={practitioners}
            selectedId={practitionerChoice}
            onChoose={(id) => goTo('time', id === practitionerChoice ? {} : { practitionerChoice: id, slot: undefined })}
          />
        ) : null}

        {step === 'time' && service && clinic ? (
          <>
            {slotTaken ? (
              <Alert tone="warning" title={t('book.slotTaken.title')}>
                <p>{t('book.slotTaken.body')}</p>
              </Alert>
            ) : null}
            <SlotPicker
              serviceId={service.id}
              practitionerId={practitionerId}
              timeZone={timeZone}
              today={clinicToday(timeZone)}
              horizonDays={clinic.horizonDays}
              selectedStart={slot?.start}
              onWeekChange={setWeek}
              initialDay={pickerDay}
              onDayChange={(day) => update({ day }, { replace: true })}
              onSelect={(chosen) => {
                setSlotTaken(false);
                goTo('details', { slot: chosen });
              }}
              footer={
                <div className="pb-waitlist-box">
                  {waitlistOpen ? (
                    <Suspense fallback={<LoadingState label={tc('loading')} />}>
                      <WaitlistForm
                        serviceId={service.id}
                        practitionerId={practitionerId}
                        initialFrom={week?.from ?? clinicToday(timeZone)}
                        initialTo={week?.to ?? addDays(clinicToday(timeZone), 6)}
                        patient={patient}
                        onPatientChange={setPatient}
                        onClose={() => setWaitlistOpen(false)}
                      />
                    </Suspense>
                  ) : (
                    <p className="pb-waitlist-box__prompt">
                      <span>{t('waitlist.prompt')}</span>
                      <Button variant="secondary" onClick={() => setWaitlistOpen(true)}>
                        {t('waitlist.open')}
                      </Button>
                    </p>
                  )}
                </div>
              }
            />
          </>
        ) : null}

        {step === 'details' ? (
          <Suspense fallback={<LoadingState label={tc('loading')} />}>
            <PatientDetailsForm patient={patient} onPatientChange={setPatient} onDone={submitDetails} />
          </Suspense>
        ) : null}

        {step === 'review' && service && slot ? (
          <div className="pb-review">
            <MutedText>{t('book.review.intro')}</MutedText>
            <SummaryList
              rows={[
                { label: t('book.summary.service'), value: pick(service.names) },
                { label: t('book.summary.practitioner'), value: bookedPractitioner ? pick(bookedPractitioner.names) : '' },
                { label: t('book.summary.date'), value: formatInstant(slot.start, timeZone, language, 'day') },
                {
                  label: t('book.summary.time'),
                  value: `${formatInstant(slot.start, timeZone, language, 'time12')} – ${formatInstant(slot.end, timeZone, language, 'time12')}`,
                },
                { label: t('book.summary.duration'), value: t('common.minutes', { minutes: service.durationMinutes }) },
                ...(service.priceAed !== null ? [{ label: t('book.summary.price'), value: formatPrice(service.priceAed, language) }] : []),
                { label: t('book.summary.name'), value: patient.name },
                { label: t('book.summary.email'), value: <span dir="ltr">{patient.email}</span> },
                ...(patient.phone.trim() ? [{ label: t('book.summary.phone'), value: <span dir="ltr">{patient.phone}</span> }] : []),
                { label: t('book.summary.language'), value: t(`common.languages.${patient.preferredLanguage}`) },
              ]}
            />
            {clinic ? <MutedText>{t('book.review.policy', { hours: clinic.cancellationWindowHours })}</MutedText> : null}
            {submitError ? (
              submitError instanceof ApiError && submitError.code === 'booking_limit_reached' ? (
                <Alert tone="error" title={t('book.review.limitReached')} />
              ) : (
                <Alert tone="error" title={t('book.review.failed')}>
                  {errorText(submitError)}
                </Alert>
              )
            ) : null}
            <div className="pb-actions">
              <Button size="lg" busy={submitting} onClick={confirm}>
                {t('book.review.confirm')}
              </Button>
            </div>
          </div>
        ) : null}

        {stepIndex > 0 ? (
          <div className="pb-step__back">
            <Button variant="ghost" onClick={() => goTo(STEPS[stepIndex - 1] ?? 'service')} disabled={submitting}>
              <Chevron direction="back" />
              {t('common.back')}
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
