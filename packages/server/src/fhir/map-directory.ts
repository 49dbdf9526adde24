import type { HealthcareService, Location, Organization, Practitioner, PractitionerRole, Schedule, Slot } from '@medplum/fhirtypes';
import { arabic, concept, OWN } from './fhir-codes.ts';
import { CLINIC_ORGANIZATION_ID, ref } from './fhir-references.ts';

/** The clinic, its people, rooms, services and hours: mappers from our rows to FHIR R4 (pure). */

export interface OrganizationRow {
  id: string;
  nameEn: string;
  nameAr: string;
  addressEn: string;
  addressAr: string;
  phone: string;
  email: string;
}

export function toOrganization(row: OrganizationRow): Organization {
  const telecom = [
    ...(row.phone ? [{ system: 'phone' as const, value: row.phone, use: 'work' as const }] : []),
    ...(row.email ? [{ system: 'email' as const, value: row.email, use: 'work' as const }] : []),
  ];
  const addressAr = arabic(row.addressAr);
  return {
    resourceType: 'Organization',
    id: row.id,
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }],
    name: row.nameEn,
    ...(arabic(row.nameAr) ? { _name: arabic(row.nameAr) } : {}),
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(row.addressEn ? { address: [{ text: row.addressEn, ...(addressAr ? { _text: addressAr } : {}) }] } : {}),
  };
}

export interface PractitionerRow {
  id: string;
  nameEn: string;
  nameAr: string;
  titleEn: string;
  titleAr: string;
  kind: string;
  active: boolean;
}

export function toPractitioner(row: PractitionerRow): Practitioner {
  const nameAr = arabic(row.nameAr);
  return {
    resourceType: 'Practitioner',
    id: row.id,
    active: row.active,
    name: [{ text: row.nameEn, ...(nameAr ? { _text: nameAr } : {}) }],
    ...(row.titleEn ? { qualification: [{ code: concept([], row.titleEn, row.titleAr) }] } : {}),
  };
}

const KIND_NAMES: Record<string, readonly [string, string]> = {
  therapist: ['Neuromuscular therapist', 'معالج عصبي عضلي'],
  physician: ['Physician', 'طبيب'],
};

function kindConcept(kind: string) {
  const [en, ar] = KIND_NAMES[kind] ?? [kind, undefined];
  return concept([{ system: OWN.practitionerKind, code: kind, display: en }], en, ar);
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface PractitionerRoleRow {
  id: string;
  nameEn: string;
  kind: string;
  active: boolean;
  serviceIds: string[];
  hours: { weekday: number; start: string; end: string }[];
}

/** One role per practitioner (id = the practitioner's): their kind, services and weekly hours. */
export function toPractitionerRole(row: PractitionerRoleRow): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: row.id,
    active: row.active,
    practitioner: ref('Practitioner', row.id, row.nameEn),
    organization: ref('Organization', CLINIC_ORGANIZATION_ID),
    code: [kindConcept(row.kind)],
    ...(row.serviceIds.length > 0 ? { healthcareService: row.serviceIds.map((id) => ref('HealthcareService', id)) } : {}),
    ...(row.hours.length > 0
      ? {
          availableTime: row.hours.map((h) => ({
            daysOfWeek: [WEEKDAYS[h.weekday - 1] ?? 'mon'],
            availableStartTime: h.start,
            availableEndTime: h.end,
          })),
        }
      : {}),
  };
}

export interface LocationRow {
  id: string;
  nameEn: string;
  nameAr: string;
  active: boolean;
}

export function toLocation(row: LocationRow): Location {
  const nameAr = arabic(row.nameAr);
  return {
    resourceType: 'Location',
    id: row.id,
    status: row.active ? 'active' : 'inactive',
    name: row.nameEn,
    ...(nameAr ? { _name: nameAr } : {}),
    mode: 'instance',
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'ro', display: 'Room' }] },
    managingOrganization: ref('Organization', CLINIC_ORGANIZATION_ID),
  };
}

export interface HealthcareServiceRow {
  id: string;
  nameEn: string;
  nameAr: string;
  descriptionEn: string;
  descriptionAr: string;
  durationMinutes: number;
  active: boolean;
  bookableOnline: boolean;
}

export const SERVICE_SYSTEM = OWN.service;

/** A service as a CodeableConcept (Appointment.serviceType, Slot.serviceType): our service id, its names. */
export function serviceConcept(id: string, en: string, ar?: string) {
  return concept([{ system: SERVICE_SYSTEM, code: id, display: en }], en, ar);
}

export function toHealthcareService(row: HealthcareServiceRow): HealthcareService {
  const nameAr = arabic(row.nameAr);
  const commentAr = arabic(row.descriptionAr);
  return {
    resourceType: 'HealthcareService',
    id: row.id,
    active: row.active,
    providedBy: ref('Organization', CLINIC_ORGANIZATION_ID),
    name: row.nameEn,
    ...(nameAr ? { _name: nameAr } : {}),
    ...(row.descriptionEn ? { comment: row.descriptionEn, ...(commentAr ? { _comment: commentAr } : {}) } : {}),
    type: [serviceConcept(row.id, row.nameEn, row.nameAr)],
    appointmentRequired: true,
    extraDetails: `${row.durationMinutes} minutes${row.bookableOnline ? '; bookable online' : ''}`,
  };
}

export interface ScheduleRow {
  id: string;
  nameEn: string;
  active: boolean;
  serviceIds: string[];
}

/** One Schedule per practitioner (id = the practitioner's); its free Slots come from the availability engine. */
export function toSchedule(row: ScheduleRow): Schedule {
  return {
    resourceType: 'Schedule',
    id: row.id,
    active: row.active,
    actor: [ref('Practitioner', row.id, row.nameEn)],
    ...(row.serviceIds.length > 0 ? { serviceType: row.serviceIds.map((id) => ({ coding: [{ system: SERVICE_SYSTEM, code: id }] })) } : {}),
  };
}

export interface SlotRow {
  id: string;
  practitionerId: string;
  serviceId: string;
  serviceEn: string;
  serviceAr: string;
  start: string;
  end: string;
}

export function toSlot(row: SlotRow): Slot {
  return {
    resourceType: 'Slot',
    id: row.id,
    schedule: ref('Schedule', row.practitionerId),
    status: 'free',
    start: new Date(row.start).toISOString(),
    end: new Date(row.end).toISOString(),
    serviceType: [serviceConcept(row.serviceId, row.serviceEn, row.serviceAr)],
  };
}
