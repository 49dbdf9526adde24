import { useEffect, useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { treatmentApi, type PlanView, type PractitionerDto, type SeriesVisit, type ServiceDto } from '../api/treatment-api.ts';
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
  const [services, setServices] = useState<ServiceDto[]>([]);
  const [practitioners, setPractitioners] = useState<PractitionerDto[]>([]);
  const { sessionsPerWeek, totalSessions } = plan.data.frequency;
  const [form, setForm] = useState<Form>({
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
  const [busy, setBusy] = useState<'preview' | 'book' | undefined>();
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    void Promise.all([treatmentApi.services(), treatmentApi.practitioners()])
      .then(([s, p]) => {
        if (!live) return;
        setServices(s);
        setPractitioners(p);
        setForm((current) => {
          const practitionerId = current.practitionerId || p.find((x) => x.kind === 'therapist')?.id || '';
          return { ...current, practitionerId, serviceId: current.serviceId || defaultService(s, practitionerId)?.id || '' };
        });
      })
      .catch(() => live && setError(t('status.loadFailed')));
    return () => {
      live = false;
    };
  }, [t]);

  const change = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
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
    return t('status.saveFailed');
  };

  const preview = async () => {
    setBusy('preview');
    setError('');
    try {
      const result = await treatmentApi.series(plan.id, { ...request(), dryRun: true });
      setVisits(result.visits);
      setChoices({});
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  const book = async () => {
    setBusy('book');
    setError('');
    try {
      await treatmentApi.series(plan.id, { ...request(), dryRun: false, choices });
      setVisits(undefined);
      onBooked();
    } catch (caught) {
      // A visit taken since the preview comes back with fresh alternatives.
      const details = caught instanceof ApiError ? (caught.details as { visits?: SeriesVisit[] } | undefined) : undefined;
      if (details?.visits) {
        setVisits(details.visits);
        setChoices({});
      }
      setError(describeError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  const practitioner = practitioners.find((p) => p.id === form.practitionerId);
  const serviceOptions = services.filter((s) => !practitioner || s.practitionerIds.includes(practitioner.id));
  const unresolved = visits?.filter((v) => v.status === 'clash' && !choices[String(v.index)]) ?? [];

  return (
    <section className="tr-card tr-series" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('series.title')}</h2>
      <p className="tr-muted">{t('series.hint')}</p>
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
        <Button variant="secondary" busy={busy === 'preview'} disabled={!form.serviceId || !form.practitionerId} onClick={() => void preview()}>
          {t('series.preview')}
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
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
          {unresolved.length > 0 && <p className="tr-muted">{t('series.resolveFirst', { count: unresolved.length })}</p>}
          <div className="tr-button-row">
            <Button busy={busy === 'book'} disabled={unresolved.length > 0} onClick={() => void book()}>
              {t('series.bookAll', { count: visits.length })}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
