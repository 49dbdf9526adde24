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
  const [row] = await sql.query<{ id: string }>(
    'insert into patients (name, email, phone, preferred_language) values ($1, $2, $3, $4) returning id',
    [name, email, contact.phone ?? null, contact.preferredLanguage ?? 'en'],
  );
  if (!row) throw new Error('patient insert returned no row');
  return { id: row.id, created: true };
}

export interface PatientRecord extends IdentityFields {
  sex: string | null;
  preferredLanguage: 'en' | 'ar';
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  identityStatus: IdentityStatus;
  mergedIntoId: string | null;
  createdAt: Date;
}

export const patientRecordColumns = `id, name, email, phone, date_of_birth::text as "dateOfBirth", sex, preferred_language as "preferredLanguage",
  emergency_contact_name as "emergencyContactName", emergency_contact_phone as "emergencyContactPhone",
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
  return sql.query<PatientRecord>(`select ${patientRecordColumns} from patients where identity_status = 'self_registered' order by created_at limit $1`, [limit]);
}

export async function patientExists(sql: Sql, id: string): Promise<boolean> {
  const [row] = await sql.query('select 1 from patients where id = $1', [id]);
  return row !== undefined;
}
