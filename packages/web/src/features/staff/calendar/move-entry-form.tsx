import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { staffApi, type CalendarEvent } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { useSessionGuard } from '../api/use-staff-data.ts';
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
  const guard = useSessionGuard();
  const startWall = instantToWall(Date.parse(event.start), timeZone);
  const [date, setDate] = useState(startWall.slice(0, 10));
  const [time, setTime] = useState(startWall.slice(11, 16));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(submitEvent: FormEvent) {
    submitEvent.preventDefault();
    setBusy(true);
    setError(undefined);
    const start = wallToZonedIso(`${date}T${time}`, timeZone);
    const lengthMs = Date.parse(event.end) - Date.parse(event.start);
    try {
      await staffApi.moveAppointment(event.id, {
        start,
        ...(event.kind === 'block' ? { end: wallToZonedIso(instantToWall(Date.parse(start) + lengthMs, timeZone), timeZone) } : {}),
      });
      onMoved(t('calendar.moved', { time: formatInstant(start, timeZone, i18n.language) }));
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
      setBusy(false);
    }
  }

  return (
    <form className="st-form st-move-form" onSubmit={(e) => void submit(e)}>
      <p>
        <strong>{t('details.moveTitle')}</strong>
      </p>
      <div className="st-form-row">
        <TextField label={t('entry.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label={t('entry.start')} type="time" step={900} required value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="st-form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('details.keep')}
        </Button>
        <Button type="submit" busy={busy}>
          {t('details.moveSave')}
        </Button>
      </div>
    </form>
  );
}
