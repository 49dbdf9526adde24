import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import { intakeQuestionnaire } from '@myomap/domain/screening/intake-questionnaire-data';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { findAvailability } from '../scheduling/find-availability.ts';
import { findService } from '../stores/catalog-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { fhirPatientExists, listFhirRows, type FhirRowFilter } from '../stores/fhir-store.ts';
import type { FhirAccess } from './fhir-access.ts';
import { normalisePhone } from '@myomap/domain/identity/find-possible-matches';
import { OWN } from './fhir-codes.ts';
import { FHIR_RESOURCES, findFhirResource, type FhirResourceSpec } from './fhir-resources.ts';
import { toQuestionnaire } from './map-intake.ts';
import { toSlot } from './map-directory.ts';
import { parseDateParam, parseReference } from './parse-search.ts';

/** A search's query string as Fastify hands it over (repeated keys become arrays). */
export type FhirQuery = Record<string, string | string[] | number | undefined>;

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;

function invalid(field: string, problem: string): AppError {
  return new AppError('validation_failed', 'The search is not valid.', [{ field: `querystring.${field}`, problem }]);
}

function allValues(value: string | string[] | number | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [String(value)]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');
}

function single(query: FhirQuery, name: string): string | undefined {
  const values = allValues(query[name]);
  if (values.length > 1) throw invalid(name, 'takes one value');
  return values[0];
}

/** The SQL filter for a search, or a 400 naming the parameter that is wrong. */
export function filterFor(spec: FhirResourceSpec, query: FhirQuery, access: FhirAccess): FhirRowFilter {
  const count = query._count === undefined ? DEFAULT_COUNT : Number(query._count);
  const offset = query._offset === undefined ? 0 : Number(query._offset);
  const filter: FhirRowFilter = { limit: count, offset };
  const id = single(query, '_id');
  if (id !== undefined) filter.id = id;
  const patients = [...allValues(query.patient), ...allValues(query.subject)].map((value) => {
    const patientId = parseReference(value, 'Patient');
    if (!patientId) throw invalid('patient', `"${value}" is not a Patient reference`);
    return patientId;
  });
  if (new Set(patients).size > 1) throw invalid('patient', 'takes one patient');
  const patientId = patients[0] ?? access.patientId;
  if (access.patientId && patientId !== access.patientId) throw new AppError('forbidden', 'Outside the patient this access is for.');
  // A Patient's own compartment is itself (its source's patient_id is its id); the shared directory has none.
  if (patientId !== undefined && (spec.compartment || spec.type === 'Patient')) filter.patientId = patientId;
  const dates = allValues(query.date);
  if (dates.length > 0) {
    const parsed = parseDateParam(dates);
    if ('problem' in parsed) throw invalid('date', parsed.problem);
    if (parsed.range.from) filter.from = parsed.range.from;
    if (parsed.range.to) filter.to = parsed.range.to;
  }
  const statuses = allValues(query.status);
  if (statuses.length > 0) filter.status = statuses;
  if (spec.type === 'Patient') filter.patient = patientSearch(query);
  return filter;
}

/** Patient's own searches: name (contains), email, phone (the last 9 digits, as the duplicate rules compare), birthdate, identifier. */
function patientSearch(query: FhirQuery): NonNullable<FhirRowFilter['patient']> {
  const out: NonNullable<FhirRowFilter['patient']> = {};
  const name = single(query, 'name');
  if (name !== undefined) out.name = name;
  const email = single(query, 'email');
  if (email !== undefined) out.email = email;
  const phone = single(query, 'phone');
  if (phone !== undefined) {
    const digits = normalisePhone(phone);
    if (!digits) throw invalid('phone', 'needs at least 7 digits');
    out.phone = digits;
  }
  const birthdate = single(query, 'birthdate');
  if (birthdate !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthdate) || !('range' in parseDateParam([birthdate]))) throw invalid('birthdate', 'is a date (YYYY-MM-DD)');
    out.birthDate = birthdate;
  }
  const identifier = single(query, 'identifier');
  if (identifier !== undefined) {
    const [system, value] = identifier.includes('|')
      ? [identifier.slice(0, identifier.indexOf('|')), identifier.slice(identifier.indexOf('|') + 1)]
      : ['', identifier];
    // Our patient identifier is the record's id; another system's identifiers are not stored.
    out.id = system === '' || system === OWN.patientId ? value : '';
  }
  return out;
}

function mapRow(spec: FhirResourceSpec, row: Record<string, unknown>): Resource {
  if (!spec.map) throw new Error(`${spec.type} has no mapper`);
  return (spec.map as (row: Record<string, unknown>) => Resource)(row);
}

/** The rows of one SQL-backed type, mapped; Questionnaire is the intake form (one resource). */
async function findResources(tx: Sql, spec: FhirResourceSpec, filter: FhirRowFilter): Promise<{ resources: Resource[]; total: number }> {
  if (spec.type === 'Questionnaire') {
    const questionnaire = toQuestionnaire(intakeQuestionnaire);
    const matches = filter.id === undefined || filter.id === questionnaire.id ? [questionnaire] : [];
    return { resources: matches.slice(filter.offset, filter.offset + filter.limit), total: matches.length };
  }
  if (!spec.source) throw new Error(`${spec.type} has no source`);
  const { rows, total } = await listFhirRows(tx, spec.source, filter);
  return { resources: rows.map((row) => mapRow(spec, row)), total };
}

function references(resources: readonly Resource[]): string[] {
  return resources.map((r) => `${r.resourceType}/${r.id ?? ''}`);
}

function entry(baseUrl: string, resource: Resource): BundleEntry {
  return { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`, resource, search: { mode: 'match' } };
}

function pageLinks(baseUrl: string, type: string, query: FhirQuery, offset: number, count: number, total: number): BundleLink[] {
  const url = (at: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key === '_offset' || key === '_count' || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [String(value)]) params.append(key, v);
    }
    params.set('_count', String(count));
    params.set('_offset', String(at));
    return `${baseUrl}/${type}?${params.toString()}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: url(offset) }];
  if (offset + count < total) links.push({ relation: 'next', url: url(offset + count) });
  if (offset > 0) links.push({ relation: 'previous', url: url(Math.max(0, offset - count)) });
  return links;
}

function requireReadable(spec: FhirResourceSpec, access: FhirAccess): void {
  if (!access.mayRead(spec.action)) throw new AppError('forbidden', 'Your role does not allow this.', { action: spec.action });
}

/** GET /fhir/R4/<type>/<id>: one resource; audited with what was sent. */
export async function readFhirResource(ctx: AppContext, type: string, id: string, access: FhirAccess): Promise<Resource> {
  const spec = findFhirResource(type);
  if (!spec?.read) throw new AppError('not_found', `No ${type} read here.`);
  requireReadable(spec, access);
  return ctx.db.transaction(async (tx) => {
    const filter: FhirRowFilter = { id, limit: 1, offset: 0, ...(access.patientId && spec.compartment ? { patientId: access.patientId } : {}) };
    if (access.patientId && spec.type === 'Patient' && id !== access.patientId) throw new AppError('not_found', `No ${type} ${id}.`);
    const [resource] = (await findResources(tx, spec, filter)).resources;
    if (!resource) throw new AppError('not_found', `No ${type} ${id}.`);
    // A record in a patient's compartment is audited against that patient, so "who saw this patient's data" finds it.
    const patientId = patientOf(resource);
    await writeAudit(tx, access.actor, {
      action: 'fhir.read',
      entityType: patientId ? 'patient' : type,
      entityId: patientId ?? id,
      after: { type, sent: references([resource]) },
    });
    return resource;
  });
}

async function searchTable(tx: Sql, spec: FhirResourceSpec, query: FhirQuery, access: FhirAccess) {
  const filter = filterFor(spec, query, access);
  return { ...(await findResources(tx, spec, filter)), filter };
}

/** The patient whose compartment a resource is in (a Patient is its own), if any. */
function patientOf(resource: Resource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const holder = resource as { subject?: { reference?: string }; patient?: { reference?: string }; entity?: { what?: { reference?: string } }[] };
  const reference =
    holder.subject?.reference ?? holder.patient?.reference ?? (resource.resourceType === 'Appointment' ? resource.participant[0]?.actor?.reference : undefined);
  return reference?.startsWith('Patient/') ? reference.slice('Patient/'.length) : undefined;
}

/** GET /fhir/R4/<type>?…: a searchset Bundle with paging links; audited with every reference sent. */
export async function searchFhirResources(ctx: AppContext, type: string, query: FhirQuery, access: FhirAccess, baseUrl: string): Promise<Bundle> {
  const spec = findFhirResource(type);
  if (!spec) throw new AppError('not_found', `No ${type} here.`);
  requireReadable(spec, access);
  return ctx.db.transaction(async (tx) => {
    const { resources, total, filter } = spec.type === 'Slot' ? await searchSlots(ctx, tx, query) : await searchTable(tx, spec, query, access);
    const patients = [...new Set(resources.map(patientOf).filter((p) => p !== undefined))];
    await writeAudit(tx, access.actor, {
      action: 'fhir.search',
      entityType: filter.patientId ? 'patient' : type,
      entityId: filter.patientId,
      after: { type, query, total, sent: references(resources), ...(patients.length > 0 ? { patients } : {}) },
    });
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total,
      link: pageLinks(baseUrl, type, query, filter.offset, filter.limit, total),
      entry: resources.map((r) => entry(baseUrl, r)),
    };
  });
}

const MAX_SLOT_DAYS = 31;

/** Free slots from the availability engine (the staff view: no online notice or horizon). */
async function searchSlots(ctx: AppContext, tx: Sql, query: FhirQuery): Promise<{ resources: Resource[]; total: number; filter: FhirRowFilter }> {
  const count = query._count === undefined ? DEFAULT_COUNT : Number(query._count);
  const offset = query._offset === undefined ? 0 : Number(query._offset);
  const serviceValue = single(query, 'service-type');
  if (!serviceValue) throw invalid('service-type', 'is required: the HealthcareService id');
  const serviceId = serviceValue.includes('|') ? serviceValue.slice(serviceValue.indexOf('|') + 1) : serviceValue;
  const scheduleValue = single(query, 'schedule');
  const practitionerId = scheduleValue === undefined ? undefined : parseReference(scheduleValue, 'Schedule');
  if (scheduleValue !== undefined && !practitionerId) throw invalid('schedule', `"${scheduleValue}" is not a Schedule reference`);
  const clinic = await loadClinic(tx);
  const now = ctx.clock.now();
  const today = localDate(now, clinic.timeZone);
  let fromDate = today;
  let toDate = localDate(new Date(now.getTime() + 6 * 86_400_000), clinic.timeZone);
  const starts = allValues(query.start);
  if (starts.length > 0) {
    const parsed = parseDateParam(starts);
    if ('problem' in parsed) throw invalid('start', parsed.problem);
    if (parsed.range.from) fromDate = parsed.range.from.slice(0, 10);
    if (parsed.range.to) toDate = localDate(new Date(new Date(parsed.range.to).getTime() - 1), 'UTC');
    if (!parsed.range.to) toDate = localDate(new Date(new Date(`${fromDate}T00:00:00Z`).getTime() + 6 * 86_400_000), 'UTC');
  }
  const days = (new Date(`${toDate}T00:00:00Z`).getTime() - new Date(`${fromDate}T00:00:00Z`).getTime()) / 86_400_000;
  if (days < 0 || days >= MAX_SLOT_DAYS) throw invalid('start', `covers 1 to ${MAX_SLOT_DAYS} days`);
  const service = await findService(tx, serviceId);
  if (!service) throw invalid('service-type', `no service "${serviceId}"`);
  const slots = await findAvailability(tx, { clinic, service, practitionerId, fromDate, toDate, now, online: false });
  const resources = slots.map((slot) =>
    toSlot({
      id: `sl-${createHash('sha256').update(`${slot.practitionerId}|${service.id}|${slot.startEpochMs}`).digest('hex').slice(0, 40)}`,
      practitionerId: slot.practitionerId,
      serviceId: service.id,
      serviceEn: service.name.en,
      serviceAr: service.name.ar,
      start: slot.start,
      end: slot.end,
    }),
  );
  return { resources: resources.slice(offset, offset + count), total: resources.length, filter: { limit: count, offset } };
}

/** Every compartment type the caller may read, in table order (Patient first, then the record). */
export const EVERYTHING_TYPES = FHIR_RESOURCES.filter((spec) => spec.compartment);

/**
 * GET /fhir/R4/Patient/<id>/$everything: the patient and every resource in their compartment the
 * caller may read (a role that may not read a type gets none of it), with the practitioners,
 * rooms, services and the intake Questionnaire they refer to; one audit row lists what was sent.
 */
export async function patientEverything(ctx: AppContext, patientId: string, access: FhirAccess, baseUrl: string): Promise<Bundle> {
  const patientSpec = findFhirResource('Patient');
  if (!patientSpec) throw new Error('Patient is not in the FHIR table');
  requireReadable(patientSpec, access);
  if (access.patientId && access.patientId !== patientId) throw new AppError('not_found', `No Patient ${patientId}.`);
  return ctx.db.transaction(async (tx) => {
    if (!(await fhirPatientExists(tx, patientId))) throw new AppError('not_found', `No Patient ${patientId}.`);
    const resources: Resource[] = [...(await findResources(tx, patientSpec, { id: patientId, limit: 1, offset: 0 })).resources];
    for (const spec of EVERYTHING_TYPES) {
      if (!access.mayRead(spec.action)) continue;
      resources.push(...(await findResources(tx, spec, { patientId, limit: 100_000, offset: 0 })).resources);
    }
    resources.push(...(await referencedShared(tx, resources, access)));
    await writeAudit(tx, access.actor, { action: 'fhir.everything', entityType: 'patient', entityId: patientId, after: { sent: references(resources) } });
    return { resourceType: 'Bundle', type: 'searchset', total: resources.length, entry: resources.map((r) => entry(baseUrl, r)) };
  });
}

/** The shared resources (practitioners, rooms, services, the clinic, the Questionnaire) the record points to. */
async function referencedShared(tx: Sql, resources: readonly Resource[], access: FhirAccess): Promise<Resource[]> {
  const wanted = new Map<string, Set<string>>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'reference' && typeof v === 'string') {
          const [type, id] = v.split('/');
          if (type && id && ['Practitioner', 'Location', 'Organization'].includes(type)) wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
        } else walk(v);
      }
    }
  };
  walk(resources);
  if (resources.some((r) => r.resourceType === 'QuestionnaireResponse')) wanted.set('Questionnaire', new Set([intakeQuestionnaire.id]));
  const out: Resource[] = [];
  for (const [type, ids] of wanted) {
    const spec = findFhirResource(type);
    if (!spec || !access.mayRead(spec.action)) continue;
    for (const id of [...ids].sort()) out.push(...(await findResources(tx, spec, { id, limit: 1, offset: 0 })).resources);
  }
  return out;
}
