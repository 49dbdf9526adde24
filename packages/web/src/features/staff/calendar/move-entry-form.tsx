import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import type { CalendarEvent } from '../api/staff-api.ts';
import { useMoveEntry } from './calendar-mutations.ts';
import { formatInstant, instantToWall, wallToZonedIso } from '../../../lib/clinic-time/clinic-time.ts';

/**
 * Moving an entry without dragging: a new date and start time (a block keeps its length).
 * The keyboard route to what drag and drop does on the calendar.
 */
export function MoveEntryForm({
  event,
  timeZone,
  onCancel,
  onMoved,
}: {
  event: CalendarEvent;
  timeZone: string;
  onCancel(): void;
  onMoved(message: string): void;
}) {
  const { t, i18n } = useTranslation('staff');
  const errorText = useErrorText();
  const move = useMoveEntry();
  const startWall = instantToWall(Date.parse(event.start), timeZone);
  const [date, setDate] = useState(startWall.slice(0, 10));
  const [time, setTime] = useState(startWall.slice(11, 16));
  const [notify, setNotify] = useState(true);
  const notifyId = useId();

  function submit(submitEvent: FormEvent) {
    submitEvent.preventDefault();
    const start = wallToZonedIso(`${date}T${time}`, timeZone);
    const lengthMs = Date.parse(event.end) - Date.parse(event.start);
    move.mutate(
      {
        id: event.id,
        start,
        end: event.kind === 'block' ? wallToZonedIso(instantToWall(Date.parse(start) + lengthMs, timeZone), timeZone) : undefined,
        ...(event.kind === 'visit' ? { notifyPatient: notify } : {}),
      },
      { onSuccess: () => onMoved(t('calendar.moved', { time: formatInstant(start, timeZone, i18n.language) })) },
    );
  }
  // The staff wording for a clash names cleaning time, which the shared one does not.
  const error = move.error
    ? move.error instanceof ApiError && move.error.code === 'slot_unavailable'
      ? t('calendar.slotTaken')
      : errorText(move.error)
    : undefined;

  return (
    <form className="st-form st-move-form" onSubmit={submit}>
      <p>
        <strong>{t('details.moveTitle')}</strong>
      </p>
      <div className="st-form-row">
        <TextField label={t('entry.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label={t('entry.start')} type="time" step={900} required value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      {event.kind === 'visit' ? (
        <div className="st-checkbox">
          <input id={notifyId} type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
          <label htmlFor={notifyId}>{t('move.notify')}</label>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="st-form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('details.keep')}
        </Button>
        <Button type="submit" busy={move.isPending}>
          {t('details.moveSave')}
        </Button>
      </div>
    </form>
  );
}
