import type { BusyInterval } from '@myomap/domain/scheduling/scheduling-types';
import type { Database } from '../database/database.ts';
import { afterAnyLocalDay, beforeAnyLocalDay } from '../lib/zoned-time.ts';
import { loadBusy, loadBusyBetween } from '../stores/schedule-store.ts';
import type { ScheduleVersion } from './schedule-version.ts';

const MS_PER_DAY = 86_400_000;
/** Read this much wider than today..horizon, so a query's window (a day wider each side) fits. */
const MARGIN_DAYS = 3;

export type BusyQuery = Parameters<typeof loadBusy>[1];

/**
 * The busy intervals of every practitioner and room from a few days ago to past the booking horizon,
 * read in one query per schedule version (schedule-version.ts: every commit that touches
 * appointments moves it) and shared by every availability miss under that version, so a miss
 * makes no database round trip: on PGlite its one query was a third of a miss's CPU, and every
 * miss queued behind the others' queries (issue 13). A question outside the snapshot's window,
 * or asked while the version is unknown, reads its own window as before.
 *
 * Filed under the version read before the load, as the catalog is: a change during the load has
 * already advanced the version, so the snapshot is never used after it. The first miss after a
 * booking pays one wider read (a clinic's next months are a few hundred rows).
 */
export class BusyTimes {
  private entry: { version: number; startMs: number; endMs: number; intervals: Promise<readonly BusyInterval[]> } | undefined;

  constructor(
    private readonly db: Database,
    private readonly version: ScheduleVersion,
  ) {}

  async read(query: BusyQuery, nowMs: number, horizonDays: number): Promise<readonly BusyInterval[]> {
    const version = this.version.current();
    if (version === undefined) return loadBusy(this.db, query);
    let entry = this.entry;
    // Read again when the version moved, or when the clock has carried the horizon past the snapshot.
    if (entry?.version !== version || entry.endMs < nowMs + (horizonDays + 1) * MS_PER_DAY) {
      const startMs = nowMs - MARGIN_DAYS * MS_PER_DAY;
      const endMs = nowMs + (horizonDays + MARGIN_DAYS) * MS_PER_DAY;
      const loaded = { version, startMs, endMs, intervals: loadBusyBetween(this.db, startMs, endMs) };
      this.entry = entry = loaded;
      // A failed load is not kept: the next reader tries again.
      loaded.intervals.catch(() => {
        if (this.entry === loaded) this.entry = undefined;
      });
    }
    const { startMs, endMs } = entry;
    const intervals = await entry.intervals;
    // The window loadBusy would read; the engine (indexBusyIntervals) keeps only the intervals of the
    // query's practitioners and rooms inside it, so the whole snapshot is passed as it is.
    if (beforeAnyLocalDay(query.fromDate, -1).getTime() < startMs || afterAnyLocalDay(query.toDate, 1).getTime() > endMs) return loadBusy(this.db, query);
    return intervals;
  }
}
