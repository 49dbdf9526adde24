import type { Sql } from '../database/database.ts';
import { readScheduleVersion } from '../stores/schedule-store.ts';

const MAX_ENTRIES = 500;
/**
 * A sequence value is visible before the transaction that drew it commits, so a result computed
 * in that instant can be filed under the new version without the change. Entries therefore also
 * expire after a few seconds: at worst a just-booked slot shows that long and booking answers 409.
 */
const MAX_AGE_MS = 5_000;

/**
 * Computed availability, cached per query under the database's schedule version (a sequence
 * that triggers advance on any change availability depends on) and the current minute (minimum
 * notice moves with the clock). Booking never uses this cache: it re-checks in its transaction.
 */
export class AvailabilityCache<T> {
  private readonly entries = new Map<string, { version: number; minute: number; computedAt: number; value: T }>();

  async get(sql: Sql, key: string, now: Date, compute: () => Promise<T>): Promise<T> {
    const version = await readScheduleVersion(sql);
    const minute = Math.floor(now.getTime() / 60_000);
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.minute === minute && performance.now() - hit.computedAt < MAX_AGE_MS) {
      // Refresh recency for the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = await compute();
    this.entries.set(key, { version, minute, computedAt: performance.now(), value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
