import type { Sql } from '../database/database.ts';

export interface PatientContact {
  name: string;
  email: string;
  phone?: string | undefined;
  preferredLanguage?: 'en' | 'ar' | undefined;
}

/**
 * The patient record for an online booking: the existing one with this email and name, or a
 * new one. Matching on both keeps two family members who share an email apart.
 */
export async function findOrCreatePatient(sql: Sql, contact: PatientContact): Promise<{ id: string; created: boolean }> {
  const email = contact.email.trim().toLowerCase();
  const name = contact.name.trim();
  const [existing] = await sql.query<{ id: string }>(
    'select id from patients where lower(email) = $1 and lower(name) = lower($2) order by created_at limit 1',
    [email, name],
  );
  if (existing) {
    if (contact.phone) await sql.query('update patients set phone = $2 where id = $1', [existing.id, contact.phone]);
    return { id: existing.id, created: false };
  }
  const [row] = await sql.query<{ id: string }>(
    'insert into patients (name, email, phone, preferred_language) values ($1, $2, $3, $4) returning id',
    [name, email, contact.phone ?? null, contact.preferredLanguage ?? 'en'],
  );
  if (!row) throw new Error('patient insert returned no row');
  return { id: row.id, created: true };
}
