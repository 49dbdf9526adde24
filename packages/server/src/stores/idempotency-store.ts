import type { Sql } from '../database/database.ts';

/**
 * Claims an Idempotency-Key for this request in the booking's transaction. False when the key is
 * already held: ON CONFLICT waits for a concurrent holder to commit, so the prior response is then readable.
 */
export async function claimIdempotencyKey(tx: Sql, key: string, requestHash: string): Promise<boolean> {
  const claimed = await tx.query('insert into idempotency_keys (key, request_hash) values ($1, $2) on conflict do nothing returning key', [key, requestHash]);
  return claimed.length > 0;
}

export interface StoredResponse {
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
}

export async function findIdempotentResponse(tx: Sql, key: string): Promise<StoredResponse | undefined> {
  const [row] = await tx.query<StoredResponse>(
    'select request_hash as "requestHash", response_status as "responseStatus", response_body as "responseBody" from idempotency_keys where key = $1',
    [key],
  );
  return row;
}

/** Idempotency keys (which hold a booking's response) are kept for 24 hours. */
export async function deleteExpiredIdempotencyKeys(sql: Sql, now: Date): Promise<number> {
  const rows = await sql.query(`delete from idempotency_keys where created_at < $1::timestamptz - interval '24 hours' returning 1`, [now.toISOString()]);
  return rows.length;
}
