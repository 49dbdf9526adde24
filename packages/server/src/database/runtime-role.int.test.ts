import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { ManualClock } from '../lib/clock.ts';
import { startApp } from '../start-app.ts';
import { DEFAULT_TEST_NOW } from '../test-support/test-app.ts';
import { databaseTargets, openTestDatabase, type TestDatabase } from '../test-support/test-database.ts';
import { pgErrorCode } from './database.ts';
import { migrate } from './migrate.ts';
import { openPostgres } from './open-postgres.ts';
import { grantRuntimeRole, quoteIdent, RuntimeRoleError } from './runtime-role.ts';
import { seedDemoClinic } from './seed-demo-clinic.ts';

const INSUFFICIENT_PRIVILEGE = '42501';
const RAISE_EXCEPTION = 'P0001';

/** A signed note, written as the owner, for the runtime role to try to change. */
async function insertSignedNote(db: TestDatabase['db']): Promise<string> {
  return db.transaction(async (tx) => {
    const [patient] = await tx.query<{ id: string }>(`insert into patients (name, email) values ('Rana Aziz', 'rana@example.com') returning id`);
    const [visit] = await tx.query<{ id: string }>(
      `insert into appointments (reference, kind, service_id, practitioner_id, patient_id, starts_at, ends_at, occupied, source)
       values ('ROLE-1', 'visit', 'svc-nmt-follow-60', 'prac-amira', $1, '2027-01-04T05:00:00Z', '2027-01-04T06:00:00Z',
               tstzrange('2027-01-04T05:00:00Z', '2027-01-04T06:15:00Z', '[)'), 'staff') returning id`,
      [patient?.id],
    );
    const [session] = await tx.query<{ id: string }>(
      `insert into treatment_sessions (appointment_id, patient_id, therapist_id) values ($1, $2, 'user-amira') returning id`,
      [visit?.id, patient?.id],
    );
    const [note] = await tx.query<{ id: string }>(
      `insert into session_notes (session_id, patient_id, author_id, status, data, signed_by, signed_at)
       values ($1, $2, 'user-amira', 'signed', '{"soap":"signed"}', 'user-amira', now()) returning id`,
      [session?.id, patient?.id],
    );
    return note?.id as string;
  });
}

async function errorCodeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return pgErrorCode(error) ?? String(error);
  }
}

// Roles are cluster-wide: random names, dropped afterwards.
const roleName = () => `myomap_rt_${randomBytes(5).toString('hex')}`;

describe.each(databaseTargets)('the runtime role cannot undo the database’s protections (%s)', (target) => {
  let database: TestDatabase;
  let role: string;
  let noteId: string;
  /** Runs `sql` as the runtime role, in a transaction that is rolled back whatever happens. */
  const asRuntime = (sql: string, params: unknown[] = []) =>
    database.db.transaction(async (tx) => {
      await tx.query(`set local role ${quoteIdent(role)}`);
      const rows = await tx.query(sql, params);
      throw Object.assign(new Error('rollback'), { code: 'ok', rows });
    });

  beforeAll(async () => {
    database = await openTestDatabase(target);
    await migrate(database.db);
    await seedDemoClinic(database.db);
    noteId = await insertSignedNote(database.db);
    role = roleName();
    await database.db.exec(`create role ${quoteIdent(role)} nologin`);
    const grants = await grantRuntimeRole(database.db, role);
    expect(grants.appendOnly).toEqual(expect.arrayContaining(['audit_log', 'consents', 'screenings', 'physician_reviews', 'note_addenda']));
    expect(grants.readWrite).toEqual(expect.arrayContaining(['patients', 'appointments', 'session_notes']));
    expect(grants.readOnly).toContain('schema_migrations');
  }, 180_000);

  afterAll(async () => {
    if (role) await database.db.exec(`drop owned by ${quoteIdent(role)}; drop role ${quoteIdent(role)}`);
    await database?.drop();
  });

  it.each([
    ['TRUNCATE the audit log', 'truncate audit_log'],
    ['DELETE from the audit log', 'delete from audit_log'],
    ['UPDATE the audit log', `update audit_log set action = 'x'`],
    ['DELETE a consent', 'delete from consents'],
    ['disable the signed-note trigger', 'alter table session_notes disable trigger session_notes_signed_immutable'],
    ['drop the signed-note trigger', 'drop trigger session_notes_signed_immutable on session_notes'],
    ['drop the audit trigger', 'drop trigger audit_log_append_only on audit_log'],
    ['switch triggers off for the session', 'set session_replication_role = replica'],
    ['create a table', 'create table sneaky (a int)'],
    ['drop a table', 'drop table audit_log'],
    ['rewrite the migration history', `delete from schema_migrations`],
  ])('refuses to %s (insufficient privilege)', async (_label, sql) => {
    expect(await errorCodeOf(asRuntime(sql))).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('refuses to change or delete a signed note (the trigger holds, and cannot be removed)', async () => {
    expect(await errorCodeOf(asRuntime(`update session_notes set data = '{"soap":"rewritten"}' where id = $1`, [noteId]))).toBe(RAISE_EXCEPTION);
    expect(await errorCodeOf(asRuntime('delete from session_notes where id = $1', [noteId]))).toBe(RAISE_EXCEPTION);
    const [note] = await database.db.query<{ data: { soap: string } }>('select data from session_notes where id = $1', [noteId]);
    expect(note?.data.soap).toBe('signed');
  });

  it('still does what the app needs: append to the audit log, write ordinary rows, use sequences', async () => {
    expect(await errorCodeOf(asRuntime(`insert into audit_log (actor_type, action, entity_type) values ('system', 'test', 'test') returning id`))).toBe('ok');
    expect(await errorCodeOf(asRuntime(`update patients set phone = '+971 50 000 0000' where email = 'rana@example.com'`))).toBe('ok');
    expect(await errorCodeOf(asRuntime(`select nextval('schedule_version')`))).toBe('ok');
    expect(await errorCodeOf(asRuntime(`update services set price_aed = price_aed where id = 'svc-nmt-follow-60'`))).toBe('ok');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two roles on PostgreSQL: MIGRATION_DATABASE_URL owns, DATABASE_URL runs', () => {
  it('migrates as the owner and serves as a login role that cannot truncate the audit log', async () => {
    const database = await openTestDatabase('postgres');
    const role = roleName();
    const adminUrl = new URL(database.url as string);
    const runtimeUrl = new URL(database.url as string);
    runtimeUrl.username = role;
    const admin = await openPostgres(adminUrl.toString(), 1);
    // The local test server trusts local connections, so the role needs no password here.
    await admin.exec(`create role ${quoteIdent(role)} login`);
    try {
      const config = {
        ...loadConfig({
          PORT: '0',
          OUTBOX_INTERVAL_MS: '0',
          SEED_DEMO: '1',
          SEED_DEMO_HISTORY: '0',
          DATABASE_URL: runtimeUrl.toString(),
          MIGRATION_DATABASE_URL: adminUrl.toString(),
        }),
      };
      const running = await startApp(config, new ManualClock(new Date(DEFAULT_TEST_NOW)));
      try {
        const health = await fetch(`${running.url}/api/health`);
        expect(health.status).toBe(200);
        const services = await fetch(`${running.url}/api/services`);
        expect(((await services.json()) as unknown[]).length).toBeGreaterThan(0);
        expect(await errorCodeOf(running.ctx.db.query('truncate audit_log'))).toBe(INSUFFICIENT_PRIVILEGE);
        expect(await errorCodeOf(running.ctx.db.query('alter table session_notes disable trigger all'))).toBe(INSUFFICIENT_PRIVILEGE);
        const [who] = await running.ctx.db.query<{ u: string }>('select current_user as u');
        expect(who?.u).toBe(role);
      } finally {
        await running.stop();
      }
      // A superuser (or the owner itself) as DATABASE_URL would make the grants meaningless: refused.
      const unsafe = loadConfig({
        PORT: '0',
        OUTBOX_INTERVAL_MS: '0',
        SEED_DEMO: '0',
        DATABASE_URL: adminUrl.toString(),
        MIGRATION_DATABASE_URL: adminUrl.toString(),
      });
      await expect(startApp(unsafe)).rejects.toBeInstanceOf(RuntimeRoleError);
    } finally {
      await admin.exec(`drop owned by ${quoteIdent(role)}; drop role ${quoteIdent(role)}`);
      await admin.close();
      await database.drop();
    }
  }, 240_000);
});
