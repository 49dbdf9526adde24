import type { IdentityFields } from '@myomap/domain/identity/find-possible-matches';
import { normalisePhone } from '@myomap/domain/identity/find-possible-matches';
import type { Sql } from '../database/database.ts';

export interface PatientContact {
  name: string;
  email: string;
  phone?: string | undefined;
  preferredLanguage?: 'en' | 'ar' | undefined;
}

export type IdentityStatus = 'verified' | 'self_registered' | 'merged';

/**
 * A new record for someone who booked or joined the waitlist online. Knowing a patient's name
 * and email proves nothing, so a public request never reads or writes an existing record: staff
 * merge this one into the existing patient after checking who it is (see merge-patients.ts).
 */
export async function createSelfRegisteredPatient(sql: Sql, contact: PatientContact): Promise<{ id: string }> {
  const [row] = await sql.query<{ id: string }>(
    `insert into patients (name, email, phone, preferred_language, identity_status) values ($1, $2, $3, $4, 'self_registered') returning id`,
    [contact.name.trim(), contact.email.trim().toLowerCase(), contact.phone ?? null, contact.preferredLanguage ?? 'en'],
  );
  if (!row) throw new Error('patient insert returned no row');
  return row;
}

/**
 * For staff booking by name and email: the existing (not merged) record with this email and
 * name, or a new one. Matching on both keeps two family members who share an email apart.
 * It never changes the record it finds.
 */
export async function findOrCreatePatient(sql: Sql, contact: PatientContact): Promise<{ id: string; created: boolean }> {
  const email = contact.email.trim().toLowerCase();
  const name = contact.name.trim();
  const [existing] = await sql.query<{ id: string }>(
    `select id from patients where lower(email) = $1 and lower(name) = lower($2) and identity_status <> 'merged' order by created_at limit 1`,
    [email, name],
  );
  if (existing) return { id: existing.id, created: false };
  const [row] = await sql.query<{ id: string }>('insert into patients (name, email, phone, preferred_language) values ($1, $2, $3, $4) returning id', [
    name,
    email,
    contact.phone ?? null,
    contact.preferredLanguage ?? 'en',
  ]);
  if (!row) throw new Error('patient insert returned no row');
  return { id: row.id, created: true };
}

export interface PatientRecord extends IdentityFields {
  sex: string | null;
  preferredLanguage: 'en' | 'ar';
  preferredChannel: 'email' | 'sms' | 'whatsapp';
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  identityStatus: IdentityStatus;
  mergedIntoId: string | null;
  createdAt: Date;
}

export const patientRecordColumns = `id, name, email, phone, date_of_birth::text as "dateOfBirth", sex, preferred_language as "preferredLanguage",
  preferred_channel as "preferredChannel", emergency_contact_name as "emergencyContactName", emergency_contact_phone as "emergencyContactPhone",
  identity_status as "identityStatus", merged_into_id as "mergedIntoId", created_at as "createdAt"`;

export async function findPatient(sql: Sql, id: string, lock = false): Promise<PatientRecord | undefined> {
  const [row] = await sql.query<PatientRecord>(`select ${patientRecordColumns} from patients where id = $1${lock ? ' for update' : ''}`, [id]);
  return row;
}

/** Candidates for findPossibleMatches: live records sharing the email or the phone number. */
export async function findPatientsSharingContact(sql: Sql, patient: Pick<IdentityFields, 'id' | 'email' | 'phone'>): Promise<PatientRecord[]> {
  const phone = normalisePhone(patient.phone);
  return sql.query<PatientRecord>(
    `select ${patientRecordColumns} from patients
     where id <> $1 and identity_status <> 'merged'
       and (lower(email) = lower($2) or ($3 <> '' and right(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 9) = $3))
     order by created_at limit 50`,
    [patient.id, patient.email, phone],
  );
}

/** Self-registered records waiting for staff to verify or merge them, oldest first. */
export async function listSelfRegisteredPatients(sql: Sql, limit = 100): Promise<PatientRecord[]> {
  return sql.query<PatientRecord>(`select ${patientRecordColumns} from patients where identity_status = 'self_registered' order by created_at limit $1`, [
    limit,
  ]);
}

export interface PatientSearchRow extends PatientRecord {
  lastVisit: Date | null;
  nextVisit: Date | null;
}

/** What the desk searches by (clinical/parse-patient-query.ts reads the typed text into one of these). */
export type PatientSearch =
  | { kind: 'recent' }
  | { kind: 'reference'; reference: string }
  | { kind: 'date_of_birth'; date: string }
  | { kind: 'phone'; digits: string }
  | { kind: 'text'; words: readonly string[] };

// The same folding as foldName() in parse-patient-query.ts: no harakat or tatweel, one alif, ي for ى, ه for ة.
const foldedName = `lower(translate(regexp_replace(p.name, '[\u064B-\u065F\u0670\u0640]', '', 'g'), 'أإآٱىةؤئ', 'اااايهوي'))`;

/**
 * Staff search, most recent activity first (the latest of registration, a past visit and a
 * booking made): the patient at the desk is usually one seen or booked lately. Merged records
 * are history and left out; a booking reference finds the record its visit now belongs to.
 * Phones are compared as digits, the query already reduced to the national number.
 */
export async function searchPatients(sql: Sql, search: PatientSearch, now: Date, limit = 20): Promise<PatientSearchRow[]> {
  return sql.query<PatientSearchRow>(
    `select ${patientRecordColumns}, v.last_visit as "lastVisit", v.next_visit as "nextVisit"
     from patients p
     left join lateral (
       select max(a.starts_at) filter (where a.starts_at <= $6 and a.status in ('confirmed', 'completed')) as last_visit,
         min(a.starts_at) filter (where a.starts_at > $6 and a.status = 'confirmed') as next_visit,
         max(a.created_at) filter (where a.status <> 'cancelled') as last_booked
       from appointments a where a.patient_id = p.id and a.kind = 'visit') v on true
     where p.identity_status <> 'merged'
       and case $1::text
         when 'recent' then true
         when 'text' then not exists (select 1 from unnest($2::text[]) w where position(w in ${foldedName} || ' ' || lower(p.email)) = 0)
         when 'phone' then position($3::text in regexp_replace(coalesce(p.phone, ''), '[^0-9]', '', 'g')) > 0
         when 'date_of_birth' then p.date_of_birth = $4::date
         when 'reference' then exists (select 1 from appointments r where r.patient_id = p.id and r.reference = $5)
         else false end
     order by greatest(p.created_at, v.last_visit, v.last_booked) desc, p.name, p.id
     limit $7`,
    [
      search.kind,
      search.kind === 'text' ? [...search.words] : [],
      search.kind === 'phone' ? search.digits : '',
      search.kind === 'date_of_birth' ? search.date : null,
      search.kind === 'reference' ? search.reference : '',
      now.toISOString(),
      limit,
    ],
  );
}

/** The fields staff may write on a patient's record, by their column. */
export const PATIENT_FIELD_COLUMNS = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  preferredLanguage: 'preferred_language',
  preferredChannel: 'preferred_channel',
  emergencyContactName: 'emergency_contact_name',
  emergencyContactPhone: 'emergency_contact_phone',
} as const;
export type PatientField = keyof typeof PATIENT_FIELD_COLUMNS;

export interface NewPatientFields {
  name: string;
  email: string;
  phone?: string | null | undefined;
  dateOfBirth?: string | null | undefined;
  sex?: string | null | undefined;
  preferredLanguage?: 'en' | 'ar' | undefined;
  preferredChannel?: 'email' | 'sms' | 'whatsapp' | undefined;
  emergencyContactName?: string | null | undefined;
  emergencyContactPhone?: string | null | undefined;
}

/**
 * A patient staff register at the desk: verified from the start (they are standing there).
 * created_at is the app's clock, like a booking's, so "recent patients" compares like with like.
 */
export async function insertPatient(sql: Sql, p: NewPatientFields, at: Date): Promise<PatientRecord> {
  const [row] = await sql.query<PatientRecord>(
    `insert into patients (name, email, phone, date_of_birth, sex, preferred_language, emergency_contact_name, emergency_contact_phone, created_at, preferred_channel)
     values ($1, lower($2), $3, $4, $5, $6, $7, $8, $9, $10) returning ${patientRecordColumns}`,
    [
      p.name.trim(),
      p.email.trim(),
      p.phone ?? null,
      p.dateOfBirth ?? null,
      p.sex ?? null,
      p.preferredLanguage ?? 'en',
      p.emergencyContactName ?? null,
      p.emergencyContactPhone ?? null,
      at.toISOString(),
      p.preferredChannel ?? 'email',
    ],
  );
  if (!row) throw new Error('patient insert returned no row');
  return row;
}

/** Writes the given fields, stored as sent (no trimming, as before). */
export async function updatePatientFields(sql: Sql, id: string, fields: readonly (readonly [PatientField, unknown])[]): Promise<PatientRecord | undefined> {
  const [row] = await sql.query<PatientRecord>(
    `update patients set ${fields.map(([k], i) => `${PATIENT_FIELD_COLUMNS[k]} = $${i + 2}`).join(', ')} where id = $1 returning ${patientRecordColumns}`,
    [id, ...fields.map(([, v]) => v)],
  );
  return row;
}

export interface PatientVisitRow {
  id: string;
  reference: string;
  startsAt: Date;
  status: string;
  serviceName: { en: string; ar: string };
  practitionerName: { en: string; ar: string } | null;
}

/** The patient's visits, newest first, with service and practitioner names in both languages. */
export async function listPatientVisits(sql: Sql, patientId: string): Promise<PatientVisitRow[]> {
  const rows = await sql.query<{
    id: string;
    reference: string;
    starts_at: Date;
    status: string;
    service_en: string;
    service_ar: string;
    practitioner_en: string | null;
    practitioner_ar: string | null;
  }>(
    `select a.id, a.reference, a.starts_at, a.status, s.name_en as service_en, s.name_ar as service_ar, p.name_en as practitioner_en, p.name_ar as practitioner_ar
     from appointments a join services s on s.id = a.service_id left join practitioners p on p.id = a.practitioner_id
     where a.patient_id = $1 and a.kind = 'visit' order by a.starts_at desc`,
    [patientId],
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    startsAt: r.starts_at,
    status: r.status,
    serviceName: { en: r.service_en, ar: r.service_ar },
    practitionerName: r.practitioner_en === null ? null : { en: r.practitioner_en, ar: r.practitioner_ar ?? r.practitioner_en },
  }));
}

/** Whether the patient exists (the safety reads answer 404 for an unknown id). */
export async function patientExists(sql: Sql, patientId: string): Promise<boolean> {
  const [row] = await sql.query('select id from patients where id = $1', [patientId]);
  return row !== undefined;
}

export interface PatientVisitSummary {
  id: string;
  reference: string;
  startsAt: Date;
  status: string;
  serviceName: { en: string; ar: string };
}

/** Every visit of the patient, newest first, with its service's name (the merge screen's list). */
export async function listPatientVisitSummaries(sql: Sql, patientId: string): Promise<PatientVisitSummary[]> {
  return sql.query<PatientVisitSummary>(
    `select a.id, a.reference, a.starts_at as "startsAt", a.status, json_build_object('en', s.name_en, 'ar', s.name_ar) as "serviceName"
     from appointments a join services s on s.id = a.service_id where a.patient_id = $1 and a.kind = 'visit' order by a.starts_at desc`,
    [patientId],
  );
}

/** The patient's intakes, newest first: how many are submitted and how many in progress. */
export async function listPatientIntakeStatuses(sql: Sql, patientId: string): Promise<{ status: string; submittedAt: Date | null }[]> {
  return sql.query<{ status: string; submittedAt: Date | null }>(
    'select status, submitted_at as "submittedAt" from intake_responses where patient_id = $1 order by updated_at desc',
    [patientId],
  );
}

/** Tables of a patient's clinical records that the merge screen counts (fixed names: never from input). */
export const PATIENT_RECORD_TABLES = {
  assessments: 'assessments',
  treatmentSessions: 'treatment_sessions',
  treatmentPlans: 'treatment_plans',
  sessionNotes: 'session_notes',
  consents: 'consents',
  screenings: 'screenings',
  physicianReviews: 'physician_reviews',
  waitlistEntries: 'waitlist_entries',
} as const;

/** How many rows of each kind the patient has. */
export async function countPatientRecords(sql: Sql, patientId: string): Promise<Record<keyof typeof PATIENT_RECORD_TABLES, number>> {
  const counts = {} as Record<keyof typeof PATIENT_RECORD_TABLES, number>;
  for (const [key, table] of Object.entries(PATIENT_RECORD_TABLES) as [keyof typeof PATIENT_RECORD_TABLES, string][]) {
    const [row] = await sql.query<{ n: number }>(`select count(*)::int as n from ${table} where patient_id = $1`, [patientId]);
    counts[key] = row?.n ?? 0;
  }
  return counts;
}
