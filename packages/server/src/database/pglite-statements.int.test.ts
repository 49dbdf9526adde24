import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { PG_ERROR, pgErrorCode } from './database.ts';
import { openPglite } from './open-pglite.ts';

/** Named statements this session holds, as PostgreSQL lists them. */
async function prepared(db: Database): Promise<string[]> {
  const rows = await db.query<{ statement: string }>('select statement from pg_prepared_statements order by prepare_time');
  return rows.map((row) => row.statement);
}

describe('queries on PGlite as named prepared statements', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(undefined);
    await db.exec(`create table item (id int primary key, name text not null check (name <> ''), tags text[] not null default '{}', at timestamptz)`);
  });
  afterAll(() => db.close());

  it('prepares a text once and runs it with each call’s values and types', async () => {
    const insert = 'insert into item (id, name, tags, at) values ($1, $2, $3, $4) returning id, name, tags, at';
    for (let id = 1; id <= 8; id++) {
      const [row] = await db.query(insert, [id, `item ${id}`, ['a', `t${id}`], new Date(Date.UTC(2026, 11, id))]);
      expect(row).toEqual({ id, name: `item ${id}`, tags: ['a', `t${id}`], at: new Date(Date.UTC(2026, 11, id)) });
    }
    expect((await prepared(db)).filter((text) => text === insert)).toHaveLength(1);
    expect(await db.query('select count(*)::int as n from item where at >= $1', [new Date(Date.UTC(2026, 11, 5))])).toEqual([{ n: 4 }]);
  });

  it('gives each of a transaction’s queries started together its own rows', async () => {
    const results = await db.transaction((tx) =>
      Promise.all([
        tx.query<{ name: string }>('select name from item where id = $1', [2]),
        tx.query<{ n: number }>('select count(*)::int as n from item'),
        tx.query<{ id: number; tag: string }>('select id, unnest(tags) as tag from item where id = $1 order by tag', [3]),
      ]),
    );
    expect(results).toEqual([
      [{ name: 'item 2' }],
      [{ n: 8 }],
      [
        { id: 3, tag: 'a' },
        { id: 3, tag: 't3' },
      ],
    ]);
  });

  it('keeps the error’s code and constraint, and prepares nothing for a text that does not parse', async () => {
    const error: unknown = await db.query('insert into item (id, name) values ($1, $2)', [1, 'again']).catch((e: unknown) => e);
    expect(pgErrorCode(error)).toBe(PG_ERROR.uniqueViolation);
    expect((error as { constraint?: string }).constraint).toBe('item_pkey');
    await expect(db.query('selec 1')).rejects.toThrow(/syntax error/);
    expect(await prepared(db)).not.toContain('selec 1');
  });

  it('prepares a statement again when its table changed shape, and answers with the new columns', async () => {
    const text = 'select * from item where id = $1';
    expect(Object.keys((await db.query(text, [1]))[0] ?? {})).toEqual(['id', 'name', 'tags', 'at']);
    await db.exec('alter table item add column note text');
    expect((await db.query(text, [1]))[0]).toMatchObject({ id: 1, note: null });
    expect((await prepared(db)).filter((t) => t === text)).toHaveLength(1);
  });

  it('rolls back a transaction that failed, and refuses to commit one whose failure was caught', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into item (id, name) values ($1, $2)', [20, 'rolled back']);
        await tx.query('insert into item (id, name) values ($1, $2)', [21, '']);
      }),
    ).rejects.toThrow(/check constraint/);
    const caught = await db
      .transaction(async (tx) => {
        await tx.query('insert into item (id, name) values ($1, $2)', [22, 'not committed']);
        await tx.query('insert into item (id, name) values ($1, $2)', [1, 'duplicate']).catch(() => undefined);
      })
      .catch((e: unknown) => e);
    expect(pgErrorCode(caught)).toBe('25P02');
    expect(await db.query('select id from item where id >= 20')).toEqual([]);
    // The session is usable again.
    expect(await db.query('select count(*)::int as n from item')).toEqual([{ n: 8 }]);
  });

  it('opens the transaction with its first statement or script, and leaves none open when it sent nothing', async () => {
    // A script (PGlite's own exec) inside the transaction is undone with it.
    await expect(
      db.transaction(async (tx) => {
        await tx.exec(`insert into item (id, name) values (30, 'undone')`);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await db.query('select id from item where id = 30')).toEqual([]);
    // A first statement that fails takes its transaction with it.
    await expect(db.transaction((tx) => tx.query('insert into item (id, name) values ($1, $2)', [31, '']))).rejects.toThrow(/check constraint/);
    expect(await db.transaction(async () => 'nothing sent')).toBe('nothing sent');
    // No transaction is left open: a savepoint outside one is refused.
    await expect(db.query('savepoint outside')).rejects.toThrow(/transaction block/);
    expect(await db.transaction((tx) => tx.query<{ n: number }>('select count(*)::int as n from item'))).toEqual([{ n: 8 }]);
  });

  it('keeps at most 256 statements, closing the least recently used', async () => {
    const keep = 'select name from item where id = $1';
    await db.query(keep, [1]);
    for (let i = 0; i < 300; i++) {
      await db.query(`select $1::int + ${i} as n`, [i]);
      // A statement in use stays.
      if (i % 50 === 0) await db.query(keep, [1]);
    }
    const held = await prepared(db);
    expect(held.length).toBeLessThanOrEqual(256);
    expect(held).toContain(keep);
    expect(held).toContain('select $1::int + 299 as n');
    expect(held).not.toContain('select $1::int + 0 as n');
    expect(await db.query('select $1::int + 0 as n', [5])).toEqual([{ n: 5 }]);
  });
});
