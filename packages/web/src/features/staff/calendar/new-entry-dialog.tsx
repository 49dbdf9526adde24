import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { staffApi, type Practitioner, type Room, type Service } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { localName } from '../api/local-name.ts';
import { useSessionGuard } from '../api/use-staff-data.ts';
import { addMinutesToTime, formatDay, wallToZonedIso } from '../../../lib/clinic-time/clinic-time.ts';

/** What the dialog opens with: from a selected range, a button, or an event's practitioner. */
export interface EntryDraft {
  mode: 'visit' | 'block';
  date: string;
  start: string;
  end: string;
  practitionerId?: string;
  roomId?: string;
}

interface NewEntryDialogProps {
  draft: EntryDraft | undefined;
  practitioners: Practitioner[];
  services: Service[];
  rooms: Room[];
  timeZone: string;
  onClose(): void;
  onSaved(message: string, date: string): void;
}

export function NewEntryDialog(props: NewEntryDialogProps) {
  const { t } = useTranslation(['staff', 'common']);
  return (
    <ModalDialog open={props.draft !== undefined} title={props.draft?.mode === 'block' ? t('entry.blockTitle') : t('entry.visitTitle')} closeLabel={t('common:actions.close')} onClose={props.onClose}>
      {props.draft ? <EntryForm {...props} draft={props.draft} /> : null}
    </ModalDialog>
  );
}

function EntryForm({ draft, practitioners, services, rooms, timeZone, onClose, onSaved }: NewEntryDialogProps & { draft: EntryDraft }) {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const guard = useSessionGuard();
  const ids = useId();
  const lang = i18n.language;
  const activeServices = services.filter((s) => s.active);
  const activePractitioners = practitioners.filter((p) => p.active);
  const activeRooms = rooms.filter((r) => r.active);

  const [mode, setMode] = useState(draft.mode);
  const firstService = activeServices.find((s) => !draft.practitionerId || practitioners.find((p) => p.id === draft.practitionerId)?.serviceIds.includes(s.id)) ?? activeServices[0];
  const [serviceId, setServiceId] = useState(firstService?.id ?? '');
  const [practitionerId, setPractitionerId] = useState(draft.practitionerId ?? '');
  const [roomId, setRoomId] = useState(draft.roomId ?? '');
  const [date, setDate] = useState(draft.date);
  const [start, setStart] = useState(draft.start);
  const [end, setEnd] = useState(draft.end);
  const [patientMode, setPatientMode] = useState<'new' | 'existing'>('new');
  const [patientName, setPatientName] = useState('');
  const [patientEmail, setPatientEmail] = useState('');
  const [patientPhone, setPatientPhone] = useState('');
  const [patientId, setPatientId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const service = activeServices.find((s) => s.id === serviceId);
  const offering = useMemo(() => activePractitioners.filter((p) => p.serviceIds.includes(serviceId)), [activePractitioners, serviceId]);
  // Keep the chosen practitioner when they offer the service, else take the first who does.
  const visitPractitionerId = offering.some((p) => p.id === practitionerId) ? practitionerId : (offering[0]?.id ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const startIso = wallToZonedIso(`${date}T${start}`, timeZone);
    if (mode === 'block') {
      if (!practitionerId && !roomId) return setError(t('entry.blockNeedsTarget'));
      if (end <= start) return setError(t('entry.endBeforeStart'));
    } else if (!service || !visitPractitionerId) {
      return setError(t('entry.pickServiceAndPractitioner'));
    }
    setBusy(true);
    try {
      if (mode === 'block') {
        await staffApi.createBlock({
          start: startIso,
          end: wallToZonedIso(`${date}T${end}`, timeZone),
          ...(practitionerId ? { practitionerId } : {}),
          ...(roomId ? { roomId } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        onSaved(t('entry.blockSaved'), date);
      } else {
        const created = await staffApi.createAppointment({
          serviceId,
          practitionerId: visitPractitionerId,
          start: startIso,
          ...(roomId ? { roomId } : {}),
          ...(patientMode === 'existing'
            ? { patientId: patientId.trim() }
            : { patient: { name: patientName.trim(), email: patientEmail.trim(), ...(patientPhone.trim() ? { phone: patientPhone.trim() } : {}) } }),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        onSaved(t('entry.visitSaved', { reference: created.reference }), date);
      }
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
      setBusy(false);
    }
  }

  const serviceOptions = activeServices.map((s) => ({ value: s.id, label: localName(s, lang) }));
  const practitionerOptions = (mode === 'visit' ? offering : activePractitioners).map((p) => ({ value: p.id, label: localName(p, lang) }));
  const roomOptions = activeRooms.map((r) => ({ value: r.id, label: localName(r, lang) }));
  const endsAt = service ? addMinutesToTime(start, service.durationMinutes) : '';
  // Spelled out beside the native date field, whose format follows the browser (12/01 is ambiguous).
  const dayText = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? formatDay(date, lang, 'long')
    : '';

  return (
    <form className="st-form st-entry-form" onSubmit={(e) => void submit(e)}>
      <fieldset className="st-segmented">
        <legend className="st-visually-hidden">{t('entry.kindLegend')}</legend>
        {(['visit', 'block'] as const).map((value) => (
          <label key={value} className={mode === value ? 'is-selected' : ''}>
            <input type="radio" name={`${ids}-mode`} value={value} checked={mode === value} onChange={() => setMode(value)} />
            {value === 'visit' ? t('entry.kindVisit') : t('entry.kindBlock')}
          </label>
        ))}
      </fieldset>

      {mode === 'visit' ? (
        <div className="st-form-row">
          <SelectField label={t('entry.service')} value={serviceId} onChange={(e) => setServiceId(e.target.value)} options={serviceOptions} required />
          <SelectField
            label={t('entry.practitioner')}
            value={visitPractitionerId}
            onChange={(e) => setPractitionerId(e.target.value)}
            options={practitionerOptions}
            required
            error={offering.length === 0 ? t('entry.nobodyOffers') : undefined}
          />
        </div>
      ) : (
        <div className="st-form-row">
          <SelectField label={t('entry.practitioner')} value={practitionerId} onChange={(e) => setPractitionerId(e.target.value)} options={[{ value: '', label: t('entry.none') }, ...practitionerOptions]} />
          <SelectField label={t('entry.room')} value={roomId} onChange={(e) => setRoomId(e.target.value)} options={[{ value: '', label: t('entry.none') }, ...roomOptions]} />
        </div>
      )}

      <div className="st-form-row st-form-row-3">
        <TextField label={t('entry.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label={t('entry.start')} type="time" step={900} required value={start} onChange={(e) => setStart(e.target.value)} />
        {mode === 'block' ? (
          <TextField label={t('entry.end')} type="time" step={900} required value={end} onChange={(e) => setEnd(e.target.value)} />
        ) : (
          <SelectField
            label={t('entry.room')}
            value={roomId}
            onChange={(e) => setRoomId(e.target.value)}
            options={[{ value: '', label: service?.requiresRoom ? t('entry.roomAuto') : t('entry.roomNone') }, ...roomOptions]}
          />
        )}
      </div>
      <p className="st-hint st-entry-summary" aria-live="polite">
        {dayText}
        {mode === 'visit' && service ? (
          <>
            {' · '}
            {t('entry.endsAt', { time: endsAt, minutes: service.durationMinutes })}
            {service.bufferAfterMinutes > 0 ? ` · ${t('entry.turnover', { count: service.bufferAfterMinutes })}` : ''}
          </>
        ) : null}
      </p>

      {mode === 'visit' ? (
        <fieldset className="st-fieldset">
          <legend>{t('entry.patient')}</legend>
          <div className="st-radio-row">
            <label>
              <input type="radio" name={`${ids}-patient`} checked={patientMode === 'new'} onChange={() => setPatientMode('new')} /> {t('entry.patientNew')}
            </label>
            <label>
              <input type="radio" name={`${ids}-patient`} checked={patientMode === 'existing'} onChange={() => setPatientMode('existing')} /> {t('entry.patientExisting')}
            </label>
          </div>
          {patientMode === 'new' ? (
            <>
              <div className="st-form-row st-form-row-3">
                <TextField label={t('entry.patientName')} required autoComplete="off" value={patientName} onChange={(e) => setPatientName(e.target.value)} />
                <TextField label={t('entry.patientEmail')} type="email" required autoComplete="off" dir="ltr" value={patientEmail} onChange={(e) => setPatientEmail(e.target.value)} />
                <TextField
                  label={t('entry.patientPhone')}
                  optionalText={t('entry.optional')}
                  type="tel"
                  autoComplete="off"
                  dir="ltr"
                  pattern="[+0-9 ()\-]{5,30}"
                  value={patientPhone}
                  onChange={(e) => setPatientPhone(e.target.value)}
                />
              </div>
            </>
          ) : (
            <TextField label={t('entry.patientId')} required dir="ltr" value={patientId} onChange={(e) => setPatientId(e.target.value)} hint={t('entry.patientIdHint')} />
          )}
        </fieldset>
      ) : null}

      <div className="ui-field">
        <label className="ui-field__label" htmlFor={`${ids}-note`}>
          {t('entry.note')} <span className="ui-field__optional">{t('entry.optional')}</span>
        </label>
        <textarea id={`${ids}-note`} className="ui-field__control" rows={2} maxLength={mode === 'block' ? 500 : 2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>

      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="st-form-actions st-dialog-actions">
        <Button variant="ghost" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" busy={busy}>
          {mode === 'block' ? t('entry.saveBlock') : t('entry.saveVisit')}
        </Button>
      </div>
    </form>
  );
}
