import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { clinicToday, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { availabilityQuery, cancelVisit, portalKey, portalVisitsQuery, rescheduleVisit, type PortalVisit } from '../api/portal-api.ts';

type Notice = { tone: 'success' | 'error'; text: string } | undefined;

/** One visit: when, what, with whom, and (within the clinic's rules) change time or cancel. */
function VisitCard({ visit, onNotice }: { visit: PortalVisit; onNotice: (notice: Notice) => void }) {
  const { t, i18n } = useTranslation('portal');
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'view' | 'cancel' | 'move'>('view');
  const [day, setDay] = useState('');
  const slots = useQuery({ ...availabilityQuery(visit.serviceId, visit.practitionerId, day), enabled: mode === 'move' && Boolean(day) });
  const change = useMutation({
    mutationFn: (action: () => Promise<PortalVisit>) => action(),
    onSuccess: (result) => {
      setMode('view');
      onNotice(
        result.status === 'cancelled'
          ? { tone: 'success', text: t('visits.cancelled') }
          : { tone: 'success', text: t('visits.moved', { date: formatInstant(result.start, timeZone, language, 'dayTime12') }) },
      );
      void queryClient.invalidateQueries({ queryKey: portalKey });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'slot_unavailable') void slots.refetch();
      onNotice({
        tone: 'error',
        text: error instanceof ApiError && error.code === 'slot_unavailable' ? t('visits.taken') : `${t('visits.failed')} ${errorText(error)}`,
      });
    },
  });
  const when = formatInstant(visit.start, timeZone, language, 'dayTime12');
  const upcoming = visit.status === 'confirmed' && visit.canChange;
  const pick = (names: { en: string; ar: string }) => (language === 'ar' ? names.ar || names.en : names.en);
  return (
    <li>
      <Card as="article" className="pt-visit" aria-label={when}>
        <p className="pt-visit__when">{when}</p>
        <p>{t('visits.with', { service: pick(visit.serviceName), practitioner: pick(visit.practitionerName) })}</p>
        <div className="pt-actions">
          <Tag tone={visit.status === 'confirmed' ? 'success' : visit.status === 'cancelled' ? 'danger' : 'neutral'}>
            {t(`visits.status.${visit.status as 'confirmed' | 'cancelled' | 'completed' | 'no_show'}`)}
          </Tag>
          <MutedText>{t('visits.reference', { reference: visit.reference })}</MutedText>
        </div>
        {visit.status === 'confirmed' && new Date(visit.start) > new Date() ? (
          upcoming ? (
            <MutedText>{t('visits.changeUntil', { date: formatInstant(visit.changeDeadline, timeZone, language, 'dayTime12') })}</MutedText>
          ) : (
            <MutedText>{t('visits.closed')}</MutedText>
          )
        ) : null}
        {upcoming && mode === 'view' ? (
          <div className="pt-actions">
            <Button
              onClick={() => {
                setDay(clinicToday(timeZone));
                setMode('move');
              }}
            >
              {t('visits.reschedule')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('cancel')}>
              {t('visits.cancel')}
            </Button>
          </div>
        ) : null}
        {mode === 'cancel' ? (
          <div role="group" aria-label={t('visits.cancelQuestion', { date: when })} className="pt-form">
            <p>{t('visits.cancelQuestion', { date: when })}</p>
            <div className="pt-actions">
              <Button variant="danger" busy={change.isPending} onClick={() => change.mutate(() => cancelVisit(visit.id))}>
                {t('visits.confirmCancel')}
              </Button>
              <Button variant="secondary" onClick={() => setMode('view')}>
                {t('visits.keep')}
              </Button>
            </div>
          </div>
        ) : null}
        {mode === 'move' ? (
          <div className="pt-form">
            <TextField label={t('visits.pickDay')} type="date" min={clinicToday(timeZone)} value={day} onChange={(e) => setDay(e.target.value)} />
            <h4>{t('visits.times')}</h4>
            {slots.data && slots.data.slots.length === 0 ? <MutedText>{t('visits.noTimes')}</MutedText> : null}
            <ul className="pt-times">
              {(slots.data?.slots ?? []).map((slot) => (
                <li key={slot.start}>
                  <Button
                    variant="secondary"
                    size="sm"
                    busy={change.isPending}
                    onClick={() => change.mutate(() => rescheduleVisit(visit.id, slot.start, slot.practitionerId))}
                  >
                    {formatInstant(slot.start, timeZone, language, 'time12')}
                  </Button>
                </li>
              ))}
            </ul>
            <div>
              <Button variant="ghost" onClick={() => setMode('view')}>
                {t('visits.closeReschedule')}
              </Button>
            </div>
          </div>
        ) : null}
      </Card>
    </li>
  );
}

/**
 * The booking form's details for this tab (sessionStorage, gone when the tab closes), so "book
 * another" opens it filled in. The key and shape are the booking form's own
 * (features/public-booking/lib/patient-draft.ts); a feature may not import another, so they are named here.
 */
function prefillBooking(patient: { name: string; email: string }, preferredLanguage: 'en' | 'ar'): void {
  try {
    window.sessionStorage.setItem('myomap.booking.patient', JSON.stringify({ name: patient.name, email: patient.email, phone: '', preferredLanguage }));
  } catch {
    // Storage refused (private mode): the form opens empty, as it would anyway.
  }
}

/** Upcoming and past visits, and "book another" with the last service and practitioner chosen. */
export function VisitsSection({ patientId, patient }: { patientId: string; patient: { name: string; email: string } }) {
  const { t, i18n } = useTranslation('portal');
  const visits = useQuery(portalVisitsQuery(patientId));
  const errorText = useErrorText();
  const [notice, setNotice] = useState<Notice>();
  const latest = visits.data?.upcoming[0] ?? visits.data?.past[0];
  const bookAnother = latest ? `/book?${new URLSearchParams({ service: latest.serviceId, practitioner: latest.practitionerId }).toString()}` : '/book';
  return (
    <section id="visits" className="pt-section" aria-labelledby="visits-title">
      <h2 id="visits-title">{t('sections.visits')}</h2>
      <div aria-live="polite">{notice ? <Alert tone={notice.tone} title={notice.text} /> : null}</div>
      {visits.error ? <Alert tone="error" title={errorText(visits.error)} /> : null}
      <h3>{t('visits.upcoming')}</h3>
      {visits.data?.upcoming.length === 0 ? <MutedText>{t('visits.none')}</MutedText> : null}
      <ul className="pt-list">
        {(visits.data?.upcoming ?? []).map((visit) => (
          <VisitCard key={visit.id} visit={visit} onNotice={setNotice} />
        ))}
      </ul>
      <div>
        <ButtonLink to={bookAnother} onClick={() => prefillBooking(patient, i18n.language === 'ar' ? 'ar' : 'en')}>
          {t('visits.bookAnother')}
        </ButtonLink>
      </div>
      <h3>{t('visits.past')}</h3>
      {visits.data?.past.length === 0 ? <MutedText>{t('visits.nonePast')}</MutedText> : null}
      <ul className="pt-list">
        {(visits.data?.past ?? []).map((visit) => (
          <VisitCard key={visit.id} visit={visit} onNotice={setNotice} />
        ))}
      </ul>
    </section>
  );
}
