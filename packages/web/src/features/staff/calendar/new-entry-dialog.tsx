import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { PatientPicker } from '../../../components/patient-picker/patient-picker.tsx';
import type { PickedPatient } from '../../../components/patient-picker/patient-picker-queries.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import { contractProblems, contractResolver, requireText, type FieldProblem } from '../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import type { Practitioner, Room, Service } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { useCreateEntry, type NewEntry } from './calendar-mutations.ts';
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
    <ModalDialog
      open={props.draft !== undefined}
      title={props.draft?.mode === 'block' ? t('entry.blockTitle') : t('entry.visitTitle')}
      closeLabel={t('common:actions.close')}
      onClose={props.onClose}
    >
      {props.draft ? <EntryForm {...props} draft={props.draft} /> : null}
    </ModalDialog>
  );
}

interface EntryValues {
  mode: EntryDraft['mode'];
  serviceId: string;
  practitionerId: string;
  roomId: string;
  date: string;
  start: string;
  end: string;
  patientMode: 'new' | 'existing';
  patientName: string;
  patientEmail: string;
  patientPhone: string;
  patientId: string;
  note: string;
}

/** What the form sends: a block, or an appointment for a new or an existing patient. */
type EntryRequest = NewEntry;

function newPatient(v: EntryValues) {
  return { name: v.patientName.trim(), email: v.patientEmail.trim(), ...(v.patientPhone.trim() ? { phone: v.patientPhone.trim() } : {}) };
}

/** A mistake the form words itself (it names what to do), rather than the shared wording. */
const OWN_WORDING = ['blockNeedsTarget', 'endBeforeStart', 'pickServiceAndPractitioner'] as const;

function EntryForm({ draft, practitioners, services, rooms, timeZone, onClose, onSaved }: NewEntryDialogProps & { draft: EntryDraft }) {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const fieldText = useFieldErrorText();
  const errorText = useErrorText();
  const create = useCreateEntry();
  const ids = useId();
  const lang = i18n.language;
  const activeServices = services.filter((s) => s.active);
  const activePractitioners = practitioners.filter((p) => p.active);
  const activeRooms = rooms.filter((r) => r.active);

  const firstService =
    activeServices.find((s) => !draft.practitionerId || practitioners.find((p) => p.id === draft.practitionerId)?.serviceIds.includes(s.id)) ??
    activeServices[0];

  // Keep the chosen practitioner when they offer the service, else take the first who does.
  const visitPractitionerFor = (serviceId: string, practitionerId: string) => {
    const offering = activePractitioners.filter((p) => p.serviceIds.includes(serviceId));
    return offering.some((p) => p.id === practitionerId) ? practitionerId : (offering[0]?.id ?? '');
  };

  const resolver = contractResolver<EntryValues, EntryRequest>(null, {
    toBody(v): EntryRequest {
      const note = v.note.trim() ? { note: v.note.trim() } : {};
      const start = wallToZonedIso(`${v.date}T${v.start}`, timeZone);
      if (v.mode === 'block')
        return {
          mode: 'block',
          body: {
            start,
            end: wallToZonedIso(`${v.date}T${v.end}`, timeZone),
            ...(v.practitionerId ? { practitionerId: v.practitionerId } : {}),
            ...(v.roomId ? { roomId: v.roomId } : {}),
            ...note,
          },
        };
      return {
        mode: 'visit',
        body: {
          serviceId: v.serviceId,
          practitionerId: visitPractitionerFor(v.serviceId, v.practitionerId),
          start,
          ...(v.roomId ? { roomId: v.roomId } : {}),
          ...(v.patientMode === 'existing' ? { patientId: v.patientId.trim() } : { patient: newPatient(v) }),
          ...note,
        },
      };
    },
    fields: {},
    check(v) {
      // A field problem code, or one of this dialog's own wordings (OWN_WORDING).
      const found: Partial<Record<string, string>> = requireText(v, v.mode === 'block' ? ['date', 'start', 'end'] : ['date', 'start']);
      if (v.mode === 'block') {
        if (!v.practitionerId && !v.roomId) found['practitionerId'] = 'blockNeedsTarget';
        if (v.end && v.start && v.end <= v.start) found['end'] ??= 'endBeforeStart';
      } else {
        if (!activeServices.some((s) => s.id === v.serviceId)) found['serviceId'] = 'pickServiceAndPractitioner';
        else if (!visitPractitionerFor(v.serviceId, v.practitionerId)) found['practitionerId'] = 'pickServiceAndPractitioner';
        if (v.patientMode === 'existing') Object.assign(found, requireText(v, ['patientId']));
        // The staff route takes the contract's PatientIn, as public booking does.
        else Object.assign(found, contractProblems(PatientIn, newPatient(v), { '/name': 'patientName', '/email': 'patientEmail', '/phone': 'patientPhone' }));
      }
      return found as Partial<Record<string, FieldProblem>>;
    },
  });

  const [pickedPatient, setPickedPatient] = useState<PickedPatient | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isSubmitted },
  } = useForm<EntryValues, unknown, EntryRequest>({
    defaultValues: {
      mode: draft.mode,
      serviceId: firstService?.id ?? '',
      practitionerId: draft.practitionerId ?? '',
      roomId: draft.roomId ?? '',
      date: draft.date,
      start: draft.start,
      end: draft.end,
      patientMode: 'new',
      patientName: '',
      patientEmail: '',
      patientPhone: '',
      patientId: '',
      note: '',
    },
    resolver,
  });
  const [mode, serviceId, practitionerId, date, start, patientMode] = watch(['mode', 'serviceId', 'practitionerId', 'date', 'start', 'patientMode']);
  const service = activeServices.find((s) => s.id === serviceId);
  const offering = useMemo(() => activePractitioners.filter((p) => p.serviceIds.includes(serviceId)), [activePractitioners, serviceId]);
  const visitPractitionerId = visitPractitionerFor(serviceId, practitionerId);
  const fieldError = (name: keyof EntryValues) => {
    const found = errors[name];
    const message = found?.message;
    return fieldText(found, isOneOf(OWN_WORDING, message) ? t(`entry.${message}`) : undefined);
  };

  function submit(request: EntryRequest) {
    create.mutate(request, {
      onSuccess: (created) => onSaved(request.mode === 'block' ? t('entry.blockSaved') : t('entry.visitSaved', { reference: created.reference }), date),
    });
  }
  // The staff wording for a clash names cleaning time, which the shared one does not.
  const error = create.error
    ? create.error instanceof ApiError && create.error.code === 'slot_unavailable'
      ? t('calendar.slotTaken')
      : errorText(create.error)
    : undefined;

  const serviceOptions = activeServices.map((s) => ({ value: s.id, label: localName(s, lang) }));
  const practitionerOptions = (mode === 'visit' ? offering : activePractitioners).map((p) => ({ value: p.id, label: localName(p, lang) }));
  const roomOptions = activeRooms.map((r) => ({ value: r.id, label: localName(r, lang) }));
  const endsAt = service ? addMinutesToTime(start, service.durationMinutes) : '';
  // Spelled out beside the native date field, whose format follows the browser (12/01 is ambiguous).
  const dayText = /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDay(date, lang, 'long') : '';

  return (
    <form className="st-form st-entry-form" onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
      <fieldset className="st-segmented">
        <legend className="st-visually-hidden">{t('entry.kindLegend')}</legend>
        {(['visit', 'block'] as const).map((value) => (
          <label key={value} className={mode === value ? 'is-selected' : ''}>
            <input type="radio" value={value} {...register('mode')} />
            {value === 'visit' ? t('entry.kindVisit') : t('entry.kindBlock')}
          </label>
        ))}
      </fieldset>

      {mode === 'visit' ? (
        <div className="st-form-row">
          <SelectField label={t('entry.service')} {...register('serviceId')} options={serviceOptions} required error={fieldError('serviceId')} />
          <SelectField
            label={t('entry.practitioner')}
            {...register('practitionerId')}
            value={visitPractitionerId}
            options={practitionerOptions}
            required
            error={offering.length === 0 ? t('entry.nobodyOffers') : fieldError('practitionerId')}
          />
        </div>
      ) : (
        <div className="st-form-row">
          <SelectField
            label={t('entry.practitioner')}
            {...register('practitionerId')}
            options={[{ value: '', label: t('entry.none') }, ...practitionerOptions]}
            error={fieldError('practitionerId')}
          />
          <SelectField label={t('entry.room')} {...register('roomId')} options={[{ value: '', label: t('entry.none') }, ...roomOptions]} />
        </div>
      )}

      <div className="st-form-row st-form-row-3">
        <TextField label={t('entry.date')} type="date" required {...register('date')} error={fieldError('date')} />
        <TextField label={t('entry.start')} type="time" step={900} required {...register('start')} error={fieldError('start')} />
        {mode === 'block' ? (
          <TextField label={t('entry.end')} type="time" step={900} required {...register('end')} error={fieldError('end')} />
        ) : (
          <SelectField
            label={t('entry.room')}
            {...register('roomId')}
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
              <input type="radio" value="new" {...register('patientMode')} /> {t('entry.patientNew')}
            </label>
            <label>
              <input type="radio" value="existing" {...register('patientMode')} /> {t('entry.patientExisting')}
            </label>
          </div>
          {patientMode === 'new' ? (
            <>
              <div className="st-form-row st-form-row-3">
                <TextField label={t('entry.patientName')} required autoComplete="off" {...register('patientName')} error={fieldError('patientName')} />
                <TextField
                  label={t('entry.patientEmail')}
                  type="email"
                  required
                  autoComplete="off"
                  dir="ltr"
                  {...register('patientEmail')}
                  error={fieldError('patientEmail')}
                />
                <TextField
                  label={t('entry.patientPhone')}
                  optionalText={t('entry.optional')}
                  type="tel"
                  autoComplete="off"
                  dir="ltr"
                  {...register('patientPhone')}
                  error={fieldError('patientPhone')}
                />
              </div>
            </>
          ) : (
            <PatientPicker
              label={t('common:patientPicker.label')}
              required
              value={pickedPatient}
              onChange={(patient) => {
                setPickedPatient(patient);
                setValue('patientId', patient?.id ?? '', { shouldValidate: isSubmitted });
              }}
              error={fieldError('patientId')}
            />
          )}
        </fieldset>
      ) : null}

      <div className="ui-field">
        <label className="ui-field__label" htmlFor={`${ids}-note`}>
          {t('entry.note')} <span className="ui-field__optional">{t('entry.optional')}</span>
        </label>
        <textarea id={`${ids}-note`} className="ui-field__control" rows={2} maxLength={mode === 'block' ? 500 : 2000} {...register('note')} />
      </div>

      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="st-form-actions st-dialog-actions">
        <Button variant="ghost" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" busy={create.isPending}>
          {mode === 'block' ? t('entry.saveBlock') : t('entry.saveVisit')}
        </Button>
      </div>
    </form>
  );
}
