import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import type { CalendarEvent, Practitioner, Room, Service } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { useCancelEntry } from './calendar-mutations.ts';
import { MoveEntryForm } from './move-entry-form.tsx';
import { PatientStateDetails } from './patient-state-details.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

interface EventDetailsProps {
  event: CalendarEvent;
  practitioners: Practitioner[];
  services: Service[];
  rooms: Room[];
  timeZone: string;
  /** May move and cancel (admin, reception, therapist); physicians only look. */
  canChange: boolean;
  /** May open the intake form on the reception tablet (admin, reception, therapist). */
  canIntake: boolean;
  onClose(): void;
  onChanged(message: string): void;
}

/** The side panel for one calendar entry: details, a keyboard-friendly move, and a two-step cancel. */
export function EventDetails({ event, practitioners, services, rooms, timeZone, canChange, canIntake, onClose, onChanged }: EventDetailsProps) {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const errorText = useErrorText();
  const lang = i18n.language;
  const [mode, setMode] = useState<'idle' | 'move' | 'cancel'>('idle');
  const [reason, setReason] = useState('');
  const cancelEntry = useCancelEntry();

  const when = `${formatInstant(event.start, timeZone, lang, 'day')}, ${formatInstant(event.start, timeZone, lang, 'time')} – ${formatInstant(event.end, timeZone, lang, 'time')}`;
  const practitioner = practitioners.find((p) => p.id === event.practitionerId);
  const service = services.find((s) => s.id === event.serviceId);
  const room = rooms.find((r) => r.id === event.roomId);
  const title =
    event.kind === 'visit' ? (event.patientName ?? t('details.visit')) : event.kind === 'hold' ? t('calendar.heldForWaitlist') : t('calendar.blocked');

  function cancel(submitEvent: FormEvent) {
    submitEvent.preventDefault();
    cancelEntry.mutate(
      { id: event.id, reason: reason.trim() || undefined },
      { onSuccess: () => onChanged(event.kind === 'block' ? t('details.blockRemoved') : t('details.cancelled', { reference: event.reference ?? '' })) },
    );
  }
  const error = cancelEntry.error ? errorText(cancelEntry.error) : undefined;

  const rows: [string, string | undefined][] = [
    [t('details.when'), when],
    [t('details.patient'), event.patientName ?? undefined],
    [t('details.patientId'), event.patientId ?? undefined],
    [t('details.service'), service ? localName(service, lang) : (event.serviceName ?? undefined)],
    [t('details.practitioner'), practitioner ? localName(practitioner, lang) : undefined],
    [t('details.room'), room ? localName(room, lang) : undefined],
    [t('details.reference'), event.reference ?? undefined],
    [
      t('details.source'),
      event.kind === 'visit' ? t(`sources.${event.source === 'online' ? 'online' : event.source === 'waitlist' ? 'waitlist' : 'staff'}`) : undefined,
    ],
    [t('details.note'), event.note || undefined],
  ];

  return (
    <aside className="st-details" aria-labelledby="st-details-title">
      <header className="st-details-header">
        <div>
          <p className="st-eyebrow">{t(`details.kind.${event.kind}`)}</p>
          <h2 id="st-details-title">{title}</h2>
        </div>
        <button type="button" className="ui-modal__close" aria-label={t('common:actions.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {practitioner ? <div className="st-details-colorbar" style={{ background: practitioner.color }} aria-hidden="true" /> : null}
      <PatientStateDetails event={event} canIntake={canIntake} />
      <dl className="st-details-list">
        {rows
          .filter((row): row is [string, string] => Boolean(row[1]))
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className={label === t('details.patientId') ? 'st-mono' : undefined}>{value}</dd>
            </div>
          ))}
      </dl>
      {event.kind === 'visit' && event.patientId ? (
        <div className="st-details-links">
          <Link to={`/staff/patients/${encodeURIComponent(event.patientId)}`}>{t('details.patientRecord')}</Link>
          {canIntake ? <Link to={`/staff/appointments/${encodeURIComponent(event.id)}/intake`}>{t('details.intake')}</Link> : null}
        </div>
      ) : null}
      {event.kind === 'hold' ? <p className="st-hint">{t('details.holdExplain')}</p> : null}
      {canChange && event.kind !== 'hold' && mode === 'move' ? (
        <MoveEntryForm event={event} timeZone={timeZone} onCancel={() => setMode('idle')} onMoved={onChanged} />
      ) : null}
      {canChange && event.kind !== 'hold' && mode !== 'move' ? (
        mode === 'cancel' ? (
          <form className="st-form st-cancel-form" onSubmit={cancel}>
            <p>
              <strong>{event.kind === 'block' ? t('details.confirmRemoveBlock') : t('details.confirmCancel')}</strong>
            </p>
            {event.kind === 'visit' ? (
              <div className="ui-field">
                <label className="ui-field__label" htmlFor="st-cancel-reason">
                  {t('details.reason')} <span className="ui-field__optional">{t('entry.optional')}</span>
                </label>
                <textarea
                  id="st-cancel-reason"
                  className="ui-field__control"
                  rows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
            ) : null}
            {error ? <Alert tone="error">{error}</Alert> : null}
            <div className="st-form-actions">
              <Button variant="ghost" onClick={() => setMode('idle')}>
                {t('details.keep')}
              </Button>
              <Button type="submit" variant="danger" busy={cancelEntry.isPending}>
                {event.kind === 'block' ? t('details.confirmRemoveBlockButton') : t('details.confirmCancelButton')}
              </Button>
            </div>
          </form>
        ) : (
          <div className="st-form-actions">
            <Button variant="secondary" onClick={() => setMode('move')}>
              {t('details.move')}
            </Button>
            <Button variant="ghost" onClick={() => setMode('cancel')}>
              {event.kind === 'block' ? t('details.removeBlock') : t('details.cancelVisit')}
            </Button>
          </div>
        )
      ) : null}
    </aside>
  );
}
