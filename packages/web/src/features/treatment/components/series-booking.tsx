import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { treatmentApi, type PlanView, type SeriesVisit, type ServiceDto } from '../api/treatment-api.ts';
import { practitionersQuery, servicesQuery } from '../api/treatment-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import type { StaffUser } from '../api/treatment-api.ts';
import { NumberInput } from './number-input.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { addDays, dateInZone, formatInstant, zonedIso } from '../../../lib/clinic-time/clinic-time.ts';
import { Tag } from '../../../components/ui/tag.tsx';

interface Form {
  serviceId: string;
  practitionerId: string;
  count: number;
  intervalDays: number;
  firstDate: string;
  firstTime: string;
}

/** Follow-up visits suit a plan's series; the initial assessment is booked once. */
function defaultService(services: ServiceDto[], practitionerId: string): ServiceDto | undefined {
  const offered = services.filter((s) => s.practitionerIds.includes(practitionerId));
  return offered.find((s) => s.id.includes('follow')) ?? offered[0] ?? services[0];
}

/**
 * Books the plan's visits in one step: a preview shows each visit as free or clashing, with up
 * to three nearby free times for a clash; "Book all" books them together or not at all.
 */
export function SeriesBooking({ plan, user, timeZone, onBooked }: { plan: PlanView; user: StaffUser; timeZone: string; onBooked: () => void }) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const headingId = useId();
  const errorText = useErrorText();
  const servicesList = useQuery(servicesQuery);
  const practitionersList = useQuery(practitionersQuery);
  const services = servicesList.data ?? [];
  const practitioners = practitionersList.data ?? [];
  const { sessionsPerWeek, totalSessions } = plan.data.frequency;
  const [chosen, setForm] = useState<Form>({
    serviceId: '',
    practitionerId: user.practitionerId ?? '',
    count: Math.min(26, totalSessions),
    // 1 a week → every 7 days; 2 a week → every 4 days (7 / 2, rounded up to keep a rest day).
    intervalDays: Math.min(60, Math.max(1, Math.ceil(7 / sessionsPerWeek))),
    firstDate: addDays(dateInZone(plan.createdAt, timeZone), 7),
    firstTime: '10:00',
  });
  const [visits, setVisits] = useState<SeriesVisit[] | undefined>();
  const [choices, setChoices] = useState<Record<string, string>>({});
  // Until the user picks, the form offers the signed-in practitioner (else the first therapist) and their usual service.
  const practitionerId = chosen.practitionerId || practitioners.find((x) => x.kind === 'therapist')?.id || '';
  const form: Form = { ...chosen, practitionerId, serviceId: chosen.serviceId || defaultService(services, practitionerId)?.id || '' };

  const change = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    preview.reset();
    book.reset();
    setVisits(undefined);
    setChoices({});
  };
  const request = () => ({
    serviceId: form.serviceId,
    practitionerId: form.practitionerId,
    firstStart: zonedIso(form.firstDate, form.firstTime, timeZone),
    count: form.count,
    intervalDays: form.intervalDays,
  });

  const describeError = (caught: unknown) => {
    if (caught instanceof ApiError && caught.code === 'slot_unavailable') return t('series.taken');
    if (caught instanceof ApiError && caught.status === 403) return t('series.notAllowed');
    return errorText(caught);
  };

  const preview = useMutation({
    mutationFn: () => treatmentApi.series(plan.id, { ...request(), dryRun: true }),
    onSuccess: (result) => {
      setVisits(result.visits);
      setChoices({});
    },
  });

  const book = useMutation({
    mutationFn: () => treatmentApi.series(plan.id, { ...request(), dryRun: false, choices }),
    onSuccess: () => {
      setVisits(undefined);
      onBooked();
    },
    onError: (caught) => {
      // A visit taken since the preview comes back with fresh alternatives.
      const details = caught instanceof ApiError ? (caught.details as { visits?: SeriesVisit[] } | undefined) : undefined;
      if (details?.visits) {
        setVisits(details.visits);
        setChoices({});
      }
    },
  });
  const failed = preview.error ?? book.error;
  const error = practitionersList.error ?? servicesList.error ?? failed;

  const practitioner = practitioners.find((p) => p.id === form.practitionerId);
  const serviceOptions = services.filter((s) => !practitioner || s.practitionerIds.includes(practitioner.id));
  const unresolved = visits?.filter((v) => v.status === 'clash' && !choices[String(v.index)]) ?? [];

  return (
    <section className="tr-card tr-series" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('series.title')}</h2>
      <MutedText>{t('series.hint')}</MutedText>
      <div className="tr-form-grid">
        <label className="tr-field">
          <span>{t('series.practitioner')}</span>
          <select
            className="tr-input"
            value={form.practitionerId}
            onChange={(event) => change({ practitionerId: event.target.value, serviceId: defaultService(services, event.target.value)?.id ?? '' })}
          >
            {practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.names[language]}
              </option>
            ))}
          </select>
        </label>
        <label className="tr-field">
          <span>{t('series.service')}</span>
          <select className="tr-input" value={form.serviceId} onChange={(event) => change({ serviceId: event.target.value })}>
            {serviceOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.names[language]}
              </option>
            ))}
          </select>
        </label>
        <label className="tr-field">
          <span>{t('series.count')}</span>
          <NumberInput className="tr-input" min={1} max={26} value={form.count} onValue={(v) => change({ count: Math.round(v) })} />
        </label>
        <label className="tr-field">
          <span>{t('series.interval')}</span>
          <NumberInput className="tr-input" min={1} max={60} value={form.intervalDays} onValue={(v) => change({ intervalDays: Math.round(v) })} />
        </label>
        <label className="tr-field">
          <span>{t('series.firstDate')}</span>
          <input
            className="tr-input"
            type="date"
            value={form.firstDate}
            onChange={(event) => event.target.value && change({ firstDate: event.target.value })}
          />
        </label>
        <label className="tr-field">
          <span>{t('series.firstTime')}</span>
          <input
            className="tr-input"
            type="time"
            step={900}
            value={form.firstTime}
            onChange={(event) => event.target.value && change({ firstTime: event.target.value })}
          />
        </label>
      </div>
      <div className="tr-button-row">
        <Button
          variant="secondary"
          busy={preview.isPending}
          disabled={!form.serviceId || !form.practitionerId}
          onClick={() => {
            book.reset();
            preview.mutate();
          }}
        >
          {t('series.preview')}
        </Button>
      </div>
      {error && <Alert tone="error">{failed ? describeError(failed) : errorText(error)}</Alert>}
      {visits && (
        <>
          <ol className="tr-visits" aria-label={t('series.previewLabel')}>
            {visits.map((visit) => {
              const chosen = choices[String(visit.index)];
              return (
                <li key={visit.index} className={`tr-visit tr-visit--${visit.status}`} data-status={visit.status}>
                  <div className="tr-visit__head">
                    <span className="tr-visit__n">{t('series.visitN', { n: visit.index + 1 })}</span>
                    <span className="tr-visit__when">{formatInstant(visit.requested, timeZone, language, 'dateTimeLocalClock')}</span>
                    <Tag tone={visit.status === 'free' ? 'success' : 'pain'} strong>
                      {visit.status === 'free' ? t('series.free') : t('series.clash')}
                    </Tag>
                  </div>
                  {visit.status === 'clash' && (
                    <fieldset className="tr-visit__alternatives">
                      <legend>{visit.alternatives.length > 0 ? t('series.pickAlternative') : t('series.noAlternative')}</legend>
                      {visit.alternatives.map((iso) => (
                        <label key={iso} className={`tr-choice${chosen === iso ? ' is-chosen' : ''}`}>
                          <input
                            type="radio"
                            name={`visit-${visit.index}`}
                            value={iso}
                            checked={chosen === iso}
                            onChange={() => setChoices({ ...choices, [String(visit.index)]: iso })}
                          />
                          {formatInstant(iso, timeZone, language, 'dateTimeLocalClock')}
                        </label>
                      ))}
                    </fieldset>
                  )}
                </li>
              );
            })}
          </ol>
          {unresolved.length > 0 && <MutedText>{t('series.resolveFirst', { count: unresolved.length })}</MutedText>}
          <div className="tr-button-row">
            <Button
              busy={book.isPending}
              disabled={unresolved.length > 0}
              onClick={() => {
                preview.reset();
                book.mutate();
              }}
            >
              {t('series.bookAll', { count: visits.length })}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
