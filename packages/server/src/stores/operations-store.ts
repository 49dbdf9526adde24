import type { Sql } from '../database/database.ts';

export interface OutboxBacklog {
  /** Messages due and not yet sent (pending past their send time, or being sent). */
  count: number;
  /** Seconds the oldest of them has been due; 0 when there are none. */
  oldestAgeSeconds: number;
}

/** What the outbox worker still owes: the metrics' backlog gauge reads it on every scrape. */
export async function readOutboxBacklog(sql: Sql, now: Date): Promise<OutboxBacklog> {
  const [row] = await sql.query<{ count: number; oldest: Date | null }>(
    `select count(*)::int as count, min(send_after) as oldest
       from outbox where status = 'sending' or (status = 'pending' and send_after <= $1)`,
    [now.toISOString()],
  );
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : undefined;
  return { count: row?.count ?? 0, oldestAgeSeconds: oldest === undefined ? 0 : Math.max(0, (now.getTime() - oldest) / 1000) };
}
