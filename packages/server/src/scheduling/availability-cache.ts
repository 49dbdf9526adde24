import type { Sql } from '../database/database.ts';

const MAX_ENTRIES = 500;

/**
 * Computed availability, cached per query under the database's schedule version (bumped by
 * triggers in the transaction of any change availability depends on) and the current minute
 * (minimum notice moves with the clock). The version is read first: a result is never filed
 * under a version newer than the data it was computed from. Booking never uses this cache.
 */
export class AvailabilityCache<T> {
  private readonly entries = new Map<string, { version: number; minute: number; value: T }>();

  async get(
    sql: Sql,
    key: string,
    now: Date,
    compute: () => Promise<T>,
  ): Promise<T> {
    const [row] = await sql.query<{ version: number }>('select version from schedule_version');
    const version = Number(row?.version ?? 0);
    const minute = Math.floor(now.getTime() / 60_000);
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.minute === minute) {
      // Refresh recency for the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = await compute();
    this.entries.set(key, { version, minute, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
