import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from './database.ts';
import { LISTENER_APPLICATION_NAME } from './open-postgres.ts';
import { databaseTargets, openTestDatabase, type TestDatabase } from '../test-support/test-database.ts';

const CHANNEL = 'listen_test';

describe.each(databaseTargets)('listening on %s', (target) => {
  let database: TestDatabase;
  let listening: Listening;
  const heard: string[] = [];
  const states: boolean[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(target);
    listening = await database.db.listen(
      CHANNEL,
      (payload) => heard.push(payload),
      (state) => states.push(state),
    );
  });
  afterAll(async () => {
    await listening.stop();
    await database.drop();
  });

  it('has heard every notification committed before caughtUp(), by the time it resolves', async () => {
    // On a server, a notification reaches the listening connection some time after its commit, so
    // without the catch-up most of these would not have arrived when checked.
    for (let i = 0; i < 50; i++) {
      await database.db.transaction((tx) => tx.query('select pg_notify($1, $2)', [CHANNEL, `change ${i}`]));
      expect(await listening.caughtUp()).toBe(true);
      expect(heard.at(-1)).toBe(`change ${i}`);
    }
  });

  it('shares one round trip among callers waiting together, and passes none of its own notifications on', async () => {
    heard.length = 0;
    await database.db.query('select pg_notify($1, $2)', [CHANNEL, 'before all']);
    const results = await Promise.all(Array.from({ length: 20 }, () => listening.caughtUp()));
    expect(results.every(Boolean)).toBe(true);
    expect(heard).toEqual(['before all']);
  });

  it.runIf(target === 'postgres')('answers false, not never, when the listening connection is lost, and listens again', async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const waiting = listening.caughtUp();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1', [
        LISTENER_APPLICATION_NAME,
      ]);
      // Either the round trip beat the termination (true) or the loss answered it (false): it resolves.
      expect(typeof (await waiting)).toBe('boolean');
      await expect.poll(() => states.at(-1), { timeout: 5_000 }).toBe(true);
      expect(states).toEqual([false, true]);
      await database.db.query('select pg_notify($1, $2)', [CHANNEL, 'after reconnecting']);
      expect(await listening.caughtUp()).toBe(true);
      expect(heard.at(-1)).toBe('after reconnecting');
    } finally {
      await admin.end();
    }
  });
});
