import type { Database } from '../database/database.ts';
import { listServices, type ServiceRow } from '../stores/catalog-store.ts';
import { loadClinic, type ClinicSettings } from '../stores/clinic-store.ts';
import { loadScheduleCatalogData, type ScheduleCatalogData } from '../stores/schedule-store.ts';
import { BusyTimes } from './busy-times.ts';
import { ScheduleVersion } from './schedule-version.ts';

/** What availability and booking read besides appointments: the clinic, its services and the schedule data. */
export interface ScheduleCatalogSnapshot extends ScheduleCatalogData {
  clinic: ClinicSettings;
  services: ReadonlyMap<string, ServiceRow>;
}

async function loadSnapshot(db: Database): Promise<ScheduleCatalogSnapshot> {
  const clinic = await loadClinic(db);
  const services = new Map((await listServices(db, false)).map((s) => [s.id, s]));
  return { clinic, services, ...(await loadScheduleCatalogData(db)) };
}

/**
 * The catalog, read once per catalog version (schedule-version.ts: every change but a booking's
 * moves it) and shared by every availability miss and booking under that version, so a miss
 * reads only the busy times (one query) besides, and a booking reads nothing before its transaction. Concurrent readers share one load.
 * While the listener is down (version unknown) every call reads the database afresh.
 * A change during a load has already advanced the version, so that load is never used after it.
 */
export class ScheduleCatalog {
  private entry: { version: number; snapshot: Promise<ScheduleCatalogSnapshot> } | undefined;

  constructor(
    private readonly db: Database,
    private readonly version: ScheduleVersion,
  ) {}

  read(): Promise<ScheduleCatalogSnapshot> {
    const version = this.version.catalog();
    if (version === undefined) return loadSnapshot(this.db);
    if (this.entry?.version === version) return this.entry.snapshot;
    const snapshot = loadSnapshot(this.db);
    const entry = { version, snapshot };
    this.entry = entry;
    // A failed load is not kept: the next reader tries again.
    snapshot.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return snapshot;
  }
}

export interface ScheduleCaches {
  version: ScheduleVersion;
  catalog: ScheduleCatalog;
  busy: BusyTimes;
  /** Starts the version's listener: until then nothing is cached (build-app.ts calls it once the database is migrated). */
  listen(onProblem: (message: string, error?: unknown) => void): Promise<void>;
  close(): Promise<void>;
}

/** The schedule version (one listener per app) and the catalog and busy-times caches over it. */
export function scheduleCaches(db: Database): ScheduleCaches {
  const version = new ScheduleVersion();
  return {
    version,
    catalog: new ScheduleCatalog(db, version),
    busy: new BusyTimes(db, version),
    listen: (onProblem) => version.listen(db, onProblem),
    close: () => version.close(),
  };
}
