import type { Sql } from '../database/database.ts';

export interface ConsentRow {
  version: string;
  signedAt: Date;
  typedName: string;
}

/** The patient's latest signed consent. */
export async function findLatestConsent(sql: Sql, patientId: string | null): Promise<ConsentRow | undefined> {
  const [row] = await sql.query<ConsentRow>(
    'select version, signed_at as "signedAt", typed_name as "typedName" from consents where patient_id = $1 order by signed_at desc limit 1',
    [patientId],
  );
  return row;
}

export interface NewConsent {
  patientId: string | null;
  appointmentId: string;
  version: string;
  language: string;
  typedName: string;
  signature: string;
  at: Date;
  ip: string | null;
}

/** Consents are append-only (a trigger refuses UPDATE and DELETE). */
export async function insertConsent(sql: Sql, c: NewConsent): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>(
    `insert into consents (patient_id, appointment_id, version, language, typed_name, signature_png, signed_at, ip) values ($1,$2,$3,$4,$5,$6,$7,$8) returning id`,
    [c.patientId, c.appointmentId, c.version, c.language, c.typedName, c.signature, c.at.toISOString(), c.ip],
  );
  return row?.id;
}

/**
 * How many consents were signed through one visit's link in the day before `now`. The advisory
 * lock (held to the end of the transaction) makes concurrent signatures through one link count in turn.
 */
export async function countRecentConsentsForLink(tx: Sql, appointmentId: string, now: Date): Promise<number> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('consent-link:' || $1))`, [appointmentId]);
  const [row] = await tx.query<{ n: number }>(
    `select count(*)::int as n from consents where appointment_id = $1 and signed_at > $2::timestamptz - interval '1 day'`,
    [appointmentId, now.toISOString()],
  );
  return row?.n ?? 0;
}
