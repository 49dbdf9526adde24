import type { Appointment, Bundle, BundleEntry, Patient } from '@medplum/fhirtypes';
import { findPossibleMatches, type IdentityFields } from '@myomap/domain/identity/find-possible-matches';
import type { AppContext } from '../app-context.ts';
import { PG_ERROR, pgErrorCode, type Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import {
  findOverlap,
  insertImportedAppointment,
  listImportPractitioners,
  listImportRooms,
  listImportServices,
  type ImportService,
} from '../stores/fhir-import-store.ts';
import { findPatient, findPatientsSharingContact, insertPatient } from '../stores/patient-store.ts';
import { OWN } from './fhir-codes.ts';
import { fhirErrors } from './validate-fhir.ts';

/**
 * Imports Patients and Appointments from another system's FHIR Bundle (a clinic moving to Myomap).
 * Each entry is created, matched to an existing record or refused, with the reason:
 *  - a Patient matches by our identifier, or by the duplicate rules of identity/ (a shared email or
 *    phone plus the same name or birth date); a shared contact alone is refused for a person to check;
 *  - an Appointment needs its patient (in the Bundle or ours), a practitioner and a service we
 *    know (by id or exact name), a time, and no clash with a visit already booked or in the Bundle.
 * A dry run reports and writes nothing. A real run with any refusal writes nothing either (422);
 * otherwise it applies every entry in one transaction, audited.
 */
interface Outcome {
  kind: 'created' | 'matched' | 'refused';
  why: string;
  /** `Patient/<id>` or `Appointment/<id>`: known for matches, and for what a real run created. */
  location?: string;
  /** The entry's key, for filling in `location` after a real run. */
  key?: string;
}

interface PlannedPatient {
  key: string;
  fields: IdentityFields & { sex: string | null; language: 'en' | 'ar' };
  /** One of ours already. */
  existingId?: string;
  /** The same person as an earlier entry of the Bundle, created by that entry. */
  sameAs?: string;
}

interface PlannedAppointment {
  key: string;
  patientKey: string;
  service: ImportService;
  practitionerId: string | null;
  roomId: string | null;
  start: Date;
  end: Date;
  status: 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  note: string;
}

const STATUS: Record<string, PlannedAppointment['status']> = { booked: 'confirmed', fulfilled: 'completed', noshow: 'no_show', cancelled: 'cancelled' };

function patientFields(patient: Patient, key: string): PlannedPatient['fields'] | string {
  const name = patient.name?.[0];
  const text = (name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ')).trim();
  if (!text) return 'a name is required';
  const email = patient.telecom
    ?.find((t) => t.system === 'email')
    ?.value?.trim()
    .toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) return "an email address is required (the clinic's confirmations and reminders go to it)";
  if (patient.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate)) return 'a birth date must be a full date (YYYY-MM-DD) or none';
  const phone = patient.telecom?.find((t) => t.system === 'phone' || t.system === 'sms')?.value ?? null;
  const language = patient.communication?.find((c) => c.preferred)?.language.coding?.[0]?.code === 'ar' ? 'ar' : 'en';
  return { id: key, name: text.slice(0, 200), email, phone, dateOfBirth: patient.birthDate ?? null, sex: patient.gender ?? null, language };
}

async function planPatient(tx: Sql, patient: Patient, key: string, planned: readonly PlannedPatient[]): Promise<{ outcome: Outcome; plan?: PlannedPatient }> {
  const ours = patient.identifier?.find((i) => i.system === OWN.patientId)?.value;
  if (ours) {
    const existing = await findPatient(tx, ours);
    if (!existing) return { outcome: { kind: 'refused', why: `no patient ${ours} here (our identifier)` } };
    const id = existing.mergedIntoId ?? existing.id;
    return {
      outcome: { kind: 'matched', location: `Patient/${id}`, why: 'our patient identifier' },
      plan: { key, fields: { ...existing, language: existing.preferredLanguage }, existingId: id },
    };
  }
  const fields = patientFields(patient, key);
  if (typeof fields === 'string') return { outcome: { kind: 'refused', why: fields } };
  const creating = planned.filter((p) => !p.existingId && !p.sameAs).map((p) => ({ ...p.fields, id: p.key }));
  const [best] = findPossibleMatches(fields, [...(await findPatientsSharingContact(tx, fields)), ...creating]);
  if (best?.strength === 'strong') {
    const why = `same ${best.reasons.join(' and ').replaceAll('_', ' ')}`;
    if (creating.some((c) => c.id === best.patientId)) {
      return { outcome: { kind: 'matched', why: `${why} as entry ${best.patientId}` }, plan: { key, fields, sameAs: best.patientId } };
    }
    return { outcome: { kind: 'matched', location: `Patient/${best.patientId}`, why }, plan: { key, fields, existingId: best.patientId } };
  }
  if (best) {
    return {
      outcome: {
        kind: 'refused',
        why: `shares ${best.reasons.join(' and ')} with patient ${best.patientId}, but neither name nor birth date agrees: check by hand`,
      },
    };
  }
  return { outcome: { kind: 'created', why: 'no matching patient', key }, plan: { key, fields } };
}

function referenceKey(reference: string | undefined, type: string): string | undefined {
  if (!reference) return undefined;
  if (reference.startsWith('urn:')) return reference;
  const match = new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})$`).exec(reference);
  return match?.[1] ? `${type}/${match[1]}` : undefined;
}

export async function importFhirBundle(ctx: AppContext, bundle: unknown, options: { dryRun: boolean }, actor: Actor): Promise<Bundle> {
  const entries = (bundle as Bundle).entry ?? [];
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [services, practitioners, rooms] = await Promise.all([listImportServices(tx), listImportPractitioners(tx), listImportRooms(tx)]);
    const outcomes: Outcome[] = [];
    const patients: PlannedPatient[] = [];
    const appointments: PlannedAppointment[] = [];
    const keyOf = (entry: BundleEntry, index: number) => entry.fullUrl ?? `${entry.resource?.resourceType ?? 'entry'}/${entry.resource?.id ?? `#${index}`}`;
    for (const [index, entry] of entries.entries()) {
      const resource = entry.resource;
      const problems = resource?.resourceType === 'Patient' || resource?.resourceType === 'Appointment' ? fhirErrors(resource) : [];
      if (resource?.resourceType !== 'Patient' && resource?.resourceType !== 'Appointment') {
        outcomes.push({ kind: 'refused', why: `only Patient and Appointment are imported, not ${resource?.resourceType ?? 'nothing'}` });
      } else if (problems.length > 0) {
        outcomes.push({
          kind: 'refused',
          why: `not valid FHIR R4: ${problems
            .map((p) => `${p.where} ${p.text}`)
            .join('; ')
            .slice(0, 500)}`,
        });
      } else if (resource.resourceType === 'Patient') {
        const { outcome, plan } = await planPatient(tx, resource, keyOf(entry, index), patients);
        outcomes.push(outcome);
        if (plan) patients.push(plan);
      } else {
        outcomes.push(await planAppointment(tx, resource, keyOf(entry, index), { services, practitioners, rooms, patients, appointments }));
      }
    }
    const refused = outcomes.filter((o) => o.kind === 'refused').length;
    if (!options.dryRun && refused > 0) {
      throw new AppError(
        'unprocessable',
        `${refused} of ${entries.length} entries are refused; nothing was imported. Run with _dryRun=true for the report.`,
        outcomes.flatMap((o, i) => (o.kind === 'refused' ? [{ field: `body.entry.${i}`, problem: o.why }] : [])),
      );
    }
    if (!options.dryRun) {
      const created = await apply(tx, patients, appointments, now).catch((error: unknown) => {
        // A visit booked between the check and the insert: the exclusion constraint has the last word.
        if (pgErrorCode(error) === PG_ERROR.exclusionViolation) throw new AppError('conflict', 'A visit was booked meanwhile; run the import again.');
        throw error;
      });
      for (const outcome of outcomes) {
        const location = outcome.key ? created.get(outcome.key) : undefined;
        if (location) outcome.location = location;
      }
    }
    const summary = {
      dryRun: options.dryRun,
      entries: entries.length,
      created: outcomes.filter((o) => o.kind === 'created').length,
      matched: outcomes.filter((o) => o.kind === 'matched').length,
      refused,
    };
    await writeAudit(tx, actor, { action: 'fhir.import', entityType: 'clinic', after: { ...summary, sent: outcomes.map((o) => o.location ?? null) } });
    return {
      resourceType: 'Bundle',
      type: 'batch-response',
      entry: outcomes.map((o) => ({
        response: {
          status: o.kind === 'created' ? '201 Created' : o.kind === 'matched' ? '200 OK' : '422 Unprocessable Entity',
          ...(o.location ? { location: o.location } : {}),
          outcome: {
            resourceType: 'OperationOutcome',
            issue: [
              {
                severity: o.kind === 'refused' ? 'error' : 'information',
                code: o.kind === 'refused' ? 'business-rule' : 'informational',
                diagnostics: `${options.dryRun ? 'would be ' : ''}${o.kind}: ${o.why}`,
              },
            ],
          },
        },
      })),
    };
  });
}

interface Directory {
  services: readonly ImportService[];
  practitioners: readonly { id: string; nameEn: string; nameAr: string }[];
  rooms: readonly { id: string; nameEn: string; nameAr: string }[];
  patients: readonly PlannedPatient[];
  appointments: PlannedAppointment[];
}

function byIdOrName<T extends { id: string; nameEn: string; nameAr: string }>(
  items: readonly T[],
  type: string,
  reference?: string,
  display?: string,
): T | undefined {
  const key = referenceKey(reference, type);
  const id = key?.startsWith(`${type}/`) ? key.slice(type.length + 1) : undefined;
  const wanted = display?.trim().toLowerCase();
  return (
    items.find((item) => item.id === id) ?? (wanted ? items.find((item) => item.nameEn.toLowerCase() === wanted || item.nameAr === display?.trim()) : undefined)
  );
}

async function planAppointment(tx: Sql, appointment: Appointment, key: string, d: Directory): Promise<Outcome> {
  const status = STATUS[appointment.status];
  if (!status) return { kind: 'refused', why: `status "${appointment.status}" is not imported (booked, fulfilled, noshow, cancelled are)` };
  if (!appointment.start || !appointment.end) return { kind: 'refused', why: 'a start and an end are required' };
  const start = new Date(appointment.start);
  const end = new Date(appointment.end);
  if (!(start < end)) return { kind: 'refused', why: 'the end is not after the start' };
  const actors = appointment.participant.map((p) => p.actor).filter((a) => a !== undefined);
  const patientRef = actors.find((a) => a.reference?.startsWith('urn:') || a.reference?.includes('Patient/'));
  const patientKey = referenceKey(patientRef?.reference, 'Patient');
  const patient = d.patients.find((p) => p.key === patientKey || p.key === patientRef?.reference);
  const existingPatient = !patient && patientKey?.startsWith('Patient/') ? await findPatient(tx, patientKey.slice(8)) : undefined;
  if (!patient && !existingPatient) return { kind: 'refused', why: 'its patient is neither in the Bundle (imported) nor one of ours' };
  const practitionerActor = actors.find((a) => a.reference?.includes('Practitioner/') || a.type === 'Practitioner');
  const practitioner = practitionerActor ? byIdOrName(d.practitioners, 'Practitioner', practitionerActor.reference, practitionerActor.display) : undefined;
  if (!practitioner)
    return { kind: 'refused', why: `unknown practitioner${practitionerActor?.display ? ` "${practitionerActor.display}"` : ''}: add them to the clinic first` };
  const roomActor = actors.find((a) => a.reference?.includes('Location/'));
  const room = roomActor ? byIdOrName(d.rooms, 'Location', roomActor.reference, roomActor.display) : undefined;
  if (roomActor && !room) return { kind: 'refused', why: 'unknown room (Location)' };
  const serviceCoding = appointment.serviceType?.flatMap((c) => c.coding ?? []).find((c) => c.system === OWN.service);
  const serviceText = appointment.serviceType?.[0]?.text ?? appointment.serviceType?.[0]?.coding?.[0]?.display;
  const service = byIdOrName(d.services, 'HealthcareService', serviceCoding?.code ? `HealthcareService/${serviceCoding.code}` : undefined, serviceText);
  if (!service) return { kind: 'refused', why: `unknown service${serviceText ? ` "${serviceText}"` : ''}` };
  if (status !== 'cancelled') {
    const from = new Date(start.getTime() - service.bufferBeforeMinutes * 60_000);
    const to = new Date(end.getTime() + service.bufferAfterMinutes * 60_000);
    const clash = await findOverlap(tx, { practitionerId: practitioner.id, roomId: room?.id ?? null, from, to });
    if (clash) return { kind: 'refused', why: `overlaps visit ${clash.reference ?? clash.id} for the same practitioner or room` };
    const inBundle = d.appointments.find(
      (a) =>
        a.status !== 'cancelled' &&
        (a.practitionerId === practitioner.id || (room && a.roomId === room.id)) &&
        a.start.getTime() - a.service.bufferBeforeMinutes * 60_000 < to.getTime() &&
        a.end.getTime() + a.service.bufferAfterMinutes * 60_000 > from.getTime(),
    );
    if (inBundle) return { kind: 'refused', why: `overlaps ${inBundle.key} in the same Bundle` };
  }
  d.appointments.push({
    key,
    patientKey: patient?.key ?? `Patient/${existingPatient?.id ?? ''}`,
    service,
    practitionerId: practitioner.id,
    roomId: room?.id ?? null,
    start,
    end,
    status,
    note: appointment.comment?.slice(0, 1000) ?? '',
  });
  return { kind: 'created', why: `${service.nameEn} with ${practitioner.nameEn}`, key };
}

/** Creates the planned patients and visits; returns the location of each created entry by its key. */
async function apply(tx: Sql, patients: readonly PlannedPatient[], appointments: readonly PlannedAppointment[], now: Date): Promise<Map<string, string>> {
  const idOf = new Map<string, string>();
  const created = new Map<string, string>();
  for (const p of patients) {
    if (p.existingId) idOf.set(p.key, p.existingId);
    else if (p.sameAs) idOf.set(p.key, idOf.get(p.sameAs) ?? '');
    else {
      const { fields } = p;
      const row = await insertPatient(
        tx,
        {
          name: fields.name,
          email: fields.email,
          phone: fields.phone,
          dateOfBirth: fields.dateOfBirth,
          sex: fields.sex,
          preferredLanguage: fields.language,
        },
        now,
      );
      idOf.set(p.key, row.id);
      created.set(p.key, `Patient/${row.id}`);
    }
  }
  for (const a of appointments) {
    const patientId = idOf.get(a.patientKey) ?? a.patientKey.replace(/^Patient\//, '');
    const id = await insertImportedAppointment(tx, {
      status: a.status,
      serviceId: a.service.id,
      practitionerId: a.practitionerId,
      roomId: a.roomId,
      patientId,
      start: a.start,
      end: a.end,
      bufferBeforeMinutes: a.service.bufferBeforeMinutes,
      bufferAfterMinutes: a.service.bufferAfterMinutes,
      note: a.note,
      now,
    });
    created.set(a.key, `Appointment/${id}`);
  }
  return created;
}
