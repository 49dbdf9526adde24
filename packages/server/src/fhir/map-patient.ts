import type { Appointment, AppointmentParticipant, AuditEvent, Consent, Encounter, Patient } from '@medplum/fhirtypes';
import { concept, MYOMAP, OWN, SYSTEMS } from './fhir-codes.ts';
import { CLINIC_ORGANIZATION_ID, isoInstant, ref } from './fhir-references.ts';
import { serviceConcept } from './map-directory.ts';

/** Patients, their visits, consents and the audit trail: mappers from our rows to FHIR R4 (pure). */

export interface PatientRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  birthDate: string | null;
  sex: string | null;
  language: string;
  emergencyName: string | null;
  emergencyPhone: string | null;
  identityStatus: string;
  mergedIntoId: string | null;
}

const GENDERS = new Set(['female', 'male', 'other', 'unknown']);

export function toPatient(row: PatientRow): Patient {
  const telecom = [
    ...(row.phone ? [{ system: 'phone' as const, value: row.phone, use: 'mobile' as const }] : []),
    { system: 'email' as const, value: row.email },
  ];
  return {
    resourceType: 'Patient',
    id: row.id,
    identifier: [{ system: OWN.patientId, value: row.id }],
    active: row.identityStatus !== 'merged',
    name: [{ text: row.name }],
    telecom,
    ...(row.sex && GENDERS.has(row.sex) ? { gender: row.sex as NonNullable<Patient['gender']> } : {}),
    ...(row.birthDate ? { birthDate: row.birthDate } : {}),
    communication: [{ language: { coding: [{ system: SYSTEMS.bcp47, code: row.language }] }, preferred: true }],
    ...(row.emergencyName || row.emergencyPhone
      ? {
          contact: [
            {
              relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C', display: 'Emergency Contact' }] }],
              ...(row.emergencyName ? { name: { text: row.emergencyName } } : {}),
              ...(row.emergencyPhone ? { telecom: [{ system: 'phone' as const, value: row.emergencyPhone }] } : {}),
            },
          ],
        }
      : {}),
    managingOrganization: ref('Organization', CLINIC_ORGANIZATION_ID),
    ...(row.mergedIntoId ? { link: [{ other: ref('Patient', row.mergedIntoId), type: 'replaced-by' as const }] } : {}),
  };
}

export interface AppointmentRow {
  id: string;
  patient_id: string;
  status: Appointment['status'];
  reference: string;
  serviceId: string;
  serviceEn: string;
  serviceAr: string;
  practitionerId: string | null;
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  cancelReason: string | null;
}

export function toAppointment(row: AppointmentRow): Appointment {
  const participant: AppointmentParticipant[] = [{ actor: ref('Patient', row.patient_id), required: 'required', status: 'accepted' }];
  if (row.practitionerId) participant.push({ actor: ref('Practitioner', row.practitionerId), required: 'required', status: 'accepted' });
  if (row.roomId) participant.push({ actor: ref('Location', row.roomId), required: 'required', status: 'accepted' });
  return {
    resourceType: 'Appointment',
    id: row.id,
    identifier: [{ system: OWN.appointmentReference, value: row.reference }],
    status: row.status,
    serviceType: [serviceConcept(row.serviceId, row.serviceEn, row.serviceAr)],
    start: isoInstant(row.startsAt) as string,
    end: isoInstant(row.endsAt) as string,
    minutesDuration: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    created: isoInstant(row.createdAt) as string,
    ...(row.status === 'cancelled' && row.cancelReason ? { cancelationReason: { text: row.cancelReason } } : {}),
    participant,
  };
}

export interface EncounterRow {
  id: string;
  patient_id: string;
  status: Encounter['status'];
  appointmentId: string;
  startedAt: Date;
  endsAt: Date;
  practitionerId: string | null;
  roomId: string | null;
  serviceId: string;
}

/** A treatment session (the visit as it happened); finished once its note is signed. */
export function toEncounter(row: EncounterRow): Encounter {
  const end = row.status === 'finished' && row.endsAt > row.startedAt ? { end: isoInstant(row.endsAt) as string } : {};
  return {
    resourceType: 'Encounter',
    id: row.id,
    status: row.status,
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    serviceType: { coding: [{ system: OWN.service, code: row.serviceId }] },
    subject: ref('Patient', row.patient_id),
    ...(row.practitionerId ? { participant: [{ individual: ref('Practitioner', row.practitionerId) }] } : {}),
    appointment: [ref('Appointment', row.appointmentId)],
    period: { start: isoInstant(row.startedAt) as string, ...end },
    ...(row.roomId ? { location: [{ location: ref('Location', row.roomId) }] } : {}),
    serviceProvider: ref('Organization', CLINIC_ORGANIZATION_ID),
  };
}

export interface ConsentRow {
  id: string;
  patient_id: string;
  version: string;
  language: string;
  typedName: string;
  signedAt: Date;
}

/** The signed treatment consent (the signature image stays in the record; the typed name is here). */
export function toConsent(row: ConsentRow): Consent {
  return {
    resourceType: 'Consent',
    id: row.id,
    language: row.language,
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment', display: 'Treatment' }] },
    category: [concept([], 'Consent to neuromuscular therapy', 'الموافقة على العلاج العصبي العضلي')],
    patient: ref('Patient', row.patient_id),
    dateTime: isoInstant(row.signedAt) as string,
    performer: [ref('Patient', row.patient_id, row.typedName)],
    organization: [ref('Organization', CLINIC_ORGANIZATION_ID)],
    policyRule: concept([], `Myomap treatment consent, version ${row.version}`),
    provision: { type: 'permit' },
  };
}

export interface AuditRow {
  id: string;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  recorded: Date;
}

const FHIR_ENTITY_TYPES: Record<string, string> = { patient: 'Patient', appointment: 'Appointment', practitioner: 'Practitioner' };

function auditAction(action: string): NonNullable<AuditEvent['action']> {
  if (/(^|\.)(read|view|list|search|export|download)/.test(action)) return 'R';
  if (/(^|\.)(create|add|book|open|record|insert)/.test(action)) return 'C';
  if (/(^|\.)(delete|remove)/.test(action)) return 'D';
  if (/(^|\.)(update|save|change|move|edit|sign|merge|cancel)/.test(action)) return 'U';
  return 'E';
}

/** One audit-log row (who did what to which record); the before/after values stay in the log. */
export function toAuditEvent(row: AuditRow): AuditEvent {
  const who =
    row.actorType === 'staff' && row.actorId
      ? { identifier: { system: OWN.staffUser, value: row.actorId }, ...(row.actorRole ? { display: row.actorRole } : {}) }
      : { display: row.actorType === 'patient' ? 'patient (through a link)' : 'Myomap' };
  const entityType = FHIR_ENTITY_TYPES[row.entityType];
  const what = row.entityId
    ? entityType
      ? ref(entityType, row.entityId)
      : { identifier: { system: `${MYOMAP}/sid/${row.entityType.replace(/[^A-Za-z0-9-]/g, '-')}`, value: row.entityId } }
    : { display: row.entityType };
  return {
    resourceType: 'AuditEvent',
    id: row.id,
    type: { system: OWN.auditAction, code: row.action, display: row.action },
    action: auditAction(row.action),
    recorded: isoInstant(row.recorded) as string,
    agent: [{ who, requestor: row.actorType !== 'system' }],
    source: { observer: { display: 'Myomap' } },
    entity: [{ what }],
  };
}
