import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../lib/app-error.ts';
import type { Database } from './database.ts';
import { openPglite } from './open-pglite.ts';

/** Settles after `promise`, with how many turns this thread's event loop took meanwhile. */
async function turnsWhile(promise: Promise<unknown>): Promise<number> {
  let turns = 0;
  let settled = false;
  const turn = () => {
    turns++;
    if (!settled) setImmediate(turn);
  };
  setImmediate(turn);
  await promise.finally(() => (settled = true));
  return turns;
}

describe('PGlite on its own thread', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(undefined);
    await db.exec('create table t (n int not null); create table u (id int primary key, doc jsonb, bytes bytea)');
  });
  afterAll(() => db.close());

  it('leaves this thread free while a long query runs', async () => {
    // In the app's own thread PGlite computed this without letting the event loop turn (a few turns
    // before it started, then none): every request, even one that needs no database, waited for it.
    // Here the loop turns on and on (each turn takes microseconds, the query many milliseconds).
    expect(await turnsWhile(db.query('select sum(g) from generate_series(1, 1000000) g'))).toBeGreaterThan(100);
  });

  it('runs an operation posted during a transaction after that transaction ends', async () => {
    let outside: Promise<{ n: number }[]> | undefined;
    await db.transaction(async (tx) => {
      await tx.query('insert into t (n) values (1)');
      outside = db.query<{ n: number }>('select count(*)::int as n from t');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.query('insert into t (n) values (2)');
    });
    expect(await outside).toEqual([{ n: 2 }]);
  });

  it('never interleaves transactions started together', async () => {
    await db.query('delete from t');
    const counts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query('insert into t (n) values ($1)', [i]);
          await new Promise((resolve) => setImmediate(resolve));
          const [row] = await tx.query<{ n: number }>('select count(*)::int as n from t');
          return row?.n;
        }),
      ),
    );
    // One after another, each sees the rows of those before it and its own; interleaved, they would repeat.
    expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('rolls back a transaction whose work fails, and goes on with the next', async () => {
    await db.query('delete from t');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t (n) values (1)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.query('select count(*)::int as n from t')).toEqual([{ n: 0 }]);
  });

  it("hands PostgreSQL's errors over with their code and constraint, and without the parameters", async () => {
    await db.query('insert into u (id) values ($1)', [1]);
    const error = (await db.query('insert into u (id, doc) values ($1, $2)', [1, { secret: 'a patient detail' }]).catch((e: unknown) => e)) as Record<
      string,
      unknown
    >;
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('23505');
    expect(error.constraint).toBe('u_pkey');
    expect(JSON.stringify(error)).not.toContain('a patient detail');
    expect(error.params).toBeUndefined();
  });

  it('sends json values as their JSON (toJSON applied) and bytes as bytes', async () => {
    const when = new Date('2026-12-04T10:00:00Z');
    const bytes = Buffer.from([0, 1, 254, 255]);
    await db.query('insert into u (id, doc, bytes) values ($1, $2, $3)', [2, { when, count: 3n, tags: ['a'] }, bytes]);
    const [row] = await db.query<{ doc: unknown; bytes: Uint8Array }>('select doc, bytes from u where id = 2');
    expect(row?.doc).toEqual({ when: '2026-12-04T10:00:00.000Z', count: '3', tags: ['a'] });
    expect([...(row?.bytes ?? [])]).toEqual([0, 1, 254, 255]);
  });

  it("gives a procedure's refusal back as the AppError it threw, and refuses a procedure it does not know", async () => {
    const refusal = await db
      .procedure('bookOnline', { now: new Date(), prepared: undefined, idempotencyKey: undefined, requestHash: 'x', maxUpcomingPerContact: 3 })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('slot_unavailable');
    await expect(db.procedure('noSuchProcedure', {})).rejects.toThrow('No transaction procedure is named noSuchProcedure.');
    // The session is free again after both.
    expect(await db.query('select 1 as one')).toEqual([{ one: 1 }]);
  });
});
