import type { Database, Listening } from '../database/database.ts';

/** The channel migration 0020's trigger notifies on every change availability depends on. */
export const SCHEDULE_CHANGED = 'schedule_changed';

/**
 * This instance's view of the schedule version, known without a database round trip: a counter
 * advanced by each `schedule_changed` notification, which the database sends at commit of any
 * change to appointments, hours, breaks, exceptions, services, practitioners, their services,
 * rooms or the clinic's settings (0005's statement triggers, 0020's NOTIFY). Every instance on
 * the same database hears every commit, so caches keyed by it stay correct across instances.
 *
 * A notification reaches the listener a little after its commit, so a request that changed
 * something waits for `caughtUp()` before it answers (build-app.ts): its client's next question is
 * then answered from caches that include its change. Other clients and instances see it a moment later.
 *
 * While the listening connection is down a change can go unheard, so `current()` is undefined
 * and callers must not serve cached results; reconnecting advances the counter once (whatever
 * changed in between is then newer than every cached entry).
 *
 * A second counter, the catalog version, moves on every change except to appointments alone
 * (0021's notification names the table; an unnamed one counts as a catalog change): the clinic,
 * services, practitioners, hours, exceptions and rooms cached by schedule-catalog.ts stay valid
 * across bookings.
 */
export class ScheduleVersion {
  private counter = 0;
  private catalogCounter = 0;
  private listening = false;
  private listener: Listening | undefined;

  /**
   * Starts listening (once the database is migrated: build-app.ts). Until then, as while the listener
   * is down, `current()` is undefined and nothing is cached.
   */
  async listen(db: Database, onProblem: (message: string, error?: unknown) => void): Promise<void> {
    try {
      this.listener = await db.listen(
        SCHEDULE_CHANGED,
        (table) => {
          this.counter++;
          if (table !== 'appointments') this.catalogCounter++;
        },
        (listening) => {
          this.counter++;
          this.catalogCounter++;
          this.listening = listening;
          onProblem(
            listening
              ? 'Listening for schedule changes again; availability is cached again.'
              : 'Lost the schedule-change listener; availability is not cached until it is back.',
          );
        },
      );
      this.listening = true;
    } catch (error) {
      onProblem('Could not listen for schedule changes; availability is computed for every request.', error);
    }
  }

  /** The version to file a result under, or undefined when changes could be missed. */
  current(): number | undefined {
    return this.listening ? this.counter : undefined;
  }

  /** The catalog's version (everything but appointments), or undefined when changes could be missed. */
  catalog(): number | undefined {
    return this.listening ? this.catalogCounter : undefined;
  }

  /**
   * Resolves once this instance has heard every change committed before the call, so whoever made
   * a change reads it back from the caches at once (a server's notification arrives some time after
   * the commit). When that cannot be confirmed, both versions move: nothing cached before is served.
   */
  async caughtUp(): Promise<void> {
    if (!this.listening || !this.listener) return;
    if (await this.listener.caughtUp()) return;
    this.counter++;
    this.catalogCounter++;
  }

  async close(): Promise<void> {
    this.listening = false;
    await this.listener?.stop();
  }
}
