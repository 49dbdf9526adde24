import type { Resource } from '@medplum/fhirtypes';
import type { Action } from '@myomap/domain/access/permissions';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { intakeQuestionnaire } from '@myomap/domain/screening/intake-questionnaire-data';
import type { FhirSourceName } from '../stores/fhir-store.ts';
import * as directory from './map-directory.ts';
import * as clinical from './map-clinical.ts';
import * as intake from './map-intake.ts';
import * as people from './map-patient.ts';

/**
 * The FHIR API's one table: each resource type, the permission that reads it (the same action
 * as the staff route that reads the same data), where its rows come from, how a row becomes a
 * resource, and which searches it takes. The routes, the CapabilityStatement and
 * Patient/$everything are all generated from this table, so they cannot drift apart.
 */
export type SearchParamType = 'token' | 'reference' | 'date' | 'number' | 'string';

export interface SearchParam {
  name: string;
  type: SearchParamType;
  documentation: string;
}

export interface FhirResourceSpec {
  type: Resource['resourceType'];
  action: Action;
  /** Rows from stores/fhir-store.ts; Questionnaire and Slot are served without one. */
  source?: FhirSourceName;
  /** The resource has a patient compartment (`patient`/`subject` search, $everything). */
  compartment: boolean;
  /** What `date` compares, when the type takes it. */
  date?: string;
  /** The FHIR status codes it can have (the `status` search compares these). */
  statuses?: readonly string[];
  read: boolean;
  map?: (row: never) => Resource;
  /** Extra search parameters beyond the common ones (`_id`, `_count`, `_offset`, and for compartments `patient`, `subject`, `date`, `status`). */
  extraParams?: readonly SearchParam[];
}

const kb = knowledgeBase;

export const FHIR_RESOURCES: readonly FhirResourceSpec[] = [
  {
    type: 'Patient',
    action: 'patient.contact.read',
    source: 'Patient',
    compartment: false,
    statuses: ['active', 'inactive'],
    read: true,
    map: people.toPatient,
    extraParams: [
      { name: 'name', type: 'string', documentation: 'Part of the name, any case.' },
      { name: 'email', type: 'token', documentation: 'The email address, any case.' },
      { name: 'phone', type: 'token', documentation: 'A phone number; compared on its last 9 digits, as the duplicate rules do.' },
      { name: 'birthdate', type: 'date', documentation: 'The date of birth (YYYY-MM-DD).' },
      { name: 'identifier', type: 'token', documentation: 'Our patient identifier (`https://myomap.example/fhir/sid/patient|<id>` or the id).' },
    ],
  },
  {
    type: 'Practitioner',
    action: 'catalog.read',
    source: 'Practitioner',
    compartment: false,
    statuses: ['active', 'inactive'],
    read: true,
    map: directory.toPractitioner,
  },
  {
    type: 'PractitionerRole',
    action: 'catalog.read',
    source: 'PractitionerRole',
    compartment: false,
    statuses: ['active', 'inactive'],
    read: true,
    map: directory.toPractitionerRole,
  },
  { type: 'Organization', action: 'catalog.read', source: 'Organization', compartment: false, read: true, map: directory.toOrganization },
  { type: 'Location', action: 'catalog.read', source: 'Location', compartment: false, statuses: ['active', 'inactive'], read: true, map: directory.toLocation },
  {
    type: 'HealthcareService',
    action: 'catalog.read',
    source: 'HealthcareService',
    compartment: false,
    statuses: ['active', 'inactive'],
    read: true,
    map: directory.toHealthcareService,
  },
  { type: 'Schedule', action: 'catalog.read', source: 'Schedule', compartment: false, statuses: ['active', 'inactive'], read: true, map: directory.toSchedule },
  {
    type: 'Slot',
    action: 'catalog.read',
    compartment: false,
    read: false,
    extraParams: [
      { name: 'service-type', type: 'token', documentation: 'Required: the HealthcareService id (or `system|code` with our service system) the slot is for.' },
      { name: 'schedule', type: 'reference', documentation: "A practitioner's Schedule (`Schedule/<id>`); all eligible practitioners when absent." },
      { name: 'start', type: 'date', documentation: 'Days to search (`ge`/`le`/`eq` with a date); today and the next 6 days by default, at most 31 days.' },
    ],
  },
  {
    type: 'Appointment',
    action: 'calendar.read',
    source: 'Appointment',
    compartment: true,
    date: 'start',
    statuses: ['booked', 'cancelled', 'fulfilled', 'noshow'],
    read: true,
    map: people.toAppointment,
  },
  { type: 'Questionnaire', action: 'catalog.read', compartment: false, read: true },
  {
    type: 'QuestionnaireResponse',
    action: 'intake.clinical.read',
    source: 'QuestionnaireResponse',
    compartment: true,
    date: 'authored',
    statuses: ['in-progress', 'completed'],
    read: true,
    map: (row: intake.QuestionnaireResponseRow) => intake.toQuestionnaireResponse(row, intakeQuestionnaire),
  },
  { type: 'Consent', action: 'safety.read', source: 'Consent', compartment: true, date: 'dateTime', statuses: ['active'], read: true, map: people.toConsent },
  {
    type: 'Observation',
    action: 'outcomes.read',
    source: 'Observation',
    compartment: true,
    date: 'effective',
    statuses: ['final', 'preliminary'],
    read: true,
    map: (row: clinical.ObservationRow) => clinical.toObservation(row, kb),
  },
  {
    type: 'Condition',
    action: 'assessment.read',
    source: 'Condition',
    compartment: true,
    date: 'recorded-date',
    statuses: ['active', 'resolved'],
    read: true,
    map: (row: clinical.ConditionRow) => clinical.toCondition(row, kb),
  },
  {
    type: 'CarePlan',
    action: 'plan.read',
    source: 'CarePlan',
    compartment: true,
    date: 'created',
    statuses: ['draft', 'active'],
    read: true,
    map: (row: clinical.CarePlanRow) => clinical.toCarePlan(row, kb),
  },
  {
    type: 'ServiceRequest',
    action: 'safety.read',
    source: 'ServiceRequest',
    compartment: true,
    date: 'authored',
    statuses: ['draft', 'active', 'completed', 'revoked'],
    read: true,
    map: clinical.toServiceRequest,
  },
  {
    type: 'Encounter',
    action: 'note.read',
    source: 'Encounter',
    compartment: true,
    date: 'period start',
    statuses: ['in-progress', 'finished'],
    read: true,
    map: people.toEncounter,
  },
  {
    type: 'DocumentReference',
    action: 'note.read',
    source: 'DocumentReference',
    compartment: true,
    date: 'date (signed)',
    statuses: ['current'],
    read: true,
    map: clinical.toDocumentReference,
  },
  {
    type: 'Procedure',
    action: 'note.read',
    source: 'Procedure',
    compartment: true,
    date: 'performed',
    statuses: ['completed'],
    read: true,
    map: (row: clinical.ProcedureRow) => clinical.toProcedure(row, kb),
  },
  { type: 'AuditEvent', action: 'audit.read', source: 'AuditEvent', compartment: true, date: 'recorded', read: true, map: people.toAuditEvent },
];

export function findFhirResource(type: string): FhirResourceSpec | undefined {
  return FHIR_RESOURCES.find((spec) => spec.type === type);
}

/** The search parameters a type takes: the common ones, then its own. */
export function searchParamsOf(spec: FhirResourceSpec): SearchParam[] {
  const params: SearchParam[] = [
    { name: '_id', type: 'token', documentation: 'The resource id.' },
    { name: '_count', type: 'number', documentation: 'Page size, 1-200 (50 by default).' },
    { name: '_offset', type: 'number', documentation: 'How many matches to skip (the `next` link sets it).' },
  ];
  if (spec.compartment || spec.type === 'Patient') {
    params.push({ name: 'patient', type: 'reference', documentation: 'The patient (`Patient/<id>` or `<id>`).' });
  }
  if (spec.compartment) params.push({ name: 'subject', type: 'reference', documentation: 'Same as `patient`.' });
  if (spec.date) params.push({ name: 'date', type: 'date', documentation: `Compares ${spec.date}: prefixes eq, gt, ge, lt, le; repeat for a range.` });
  if (spec.statuses) params.push({ name: 'status', type: 'token', documentation: `One or more (comma-separated) of: ${spec.statuses.join(', ')}.` });
  return [...params, ...(spec.extraParams ?? [])];
}
