import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaffSession } from '../test-support/open-staff-session.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

type Headers = { cookie: string; 'x-csrf-token': string };
interface Entry {
  id: number | string;
  action: string;
  actorId: string | null;
  patientId?: string | null;
  patientName?: string | null;
  at: string;
}

/** Issue 12 item 4: the audit log filtered and paged on the server; item 3: the mailbox's filters. */
describe.each(databaseTargets)('audit log and mailbox filters on %s', (target) => {
  let t: TestApp;
  let admin: Headers;
  let rana: string;
  let other: string;
  let amira: string;
  let reception: string;
  const audit = async (query: string) => t.app.inject({ method: 'GET', url: `/api/staff/audit?${query}`, headers: admin });
  const entries = async (query: string): Promise<Entry[]> => {
    const response = await audit(query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Entry[]>();
  };
  const auditReads = async () => (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'audit.read'`))[0]?.n;

  beforeAll(async () => {
    t = await createTestApp(target);
    admin = await openStaffSession(t.ctx.db, 'admin@demo.myomap.app', t.clock.now());
    const ids = async (sql: string, params: unknown[]) => (await t.ctx.db.query<{ id: string }>(sql, params))[0]!.id;
    rana = await ids(`insert into patients (name, email, phone) values ('Rana Aziz', 'rana@example.com', '0501234567') returning id`, []);
    other = await ids(`insert into patients (name, email) values ('Omar 100% Khalil', 'omar.k@example.com') returning id`, []);
    amira = await ids(`select id from staff_users where email = 'amira@demo.myomap.app'`, []);
    reception = await ids(`select id from staff_users where email = 'reception@demo.myomap.app'`, []);
    // Rows at known instants (Asia/Dubai is UTC+4): 1 Mar 21:30 UTC is already 2 March in the clinic.
    const row = (at: string, actor: string, action: string, entityType: string, entityId: string | null, after: unknown = null) =>
      t.ctx.db.query(
        `insert into audit_log (at, actor_type, actor_id, actor_role, action, entity_type, entity_id, after) values ($1, 'staff', $2, 'therapist', $3, $4, $5, $6)`,
        [at, actor, action, entityType, entityId, after === null ? null : JSON.stringify(after)],
      );
    await row('2026-03-01T10:00:00Z', reception, 'patients.update', 'patient', rana, { phone: '0551234567' });
    await row('2026-03-01T21:30:00Z', amira, 'patients.read', 'patient', rana);
    await row('2026-03-02T08:00:00Z', amira, 'assessments.read', 'assessment', 'no-such-assessment', { patientId: rana });
    await row('2026-03-02T19:59:00Z', amira, 'patients.read', 'patient', other);
    await row('2026-03-02T20:00:00Z', reception, 'patients.search', 'patient', null, { q: 'rana' });
  });
  afterAll(async () => t?.close());

  it('finds what happened to one patient by part of the name, whatever the entity, and names the patient', async () => {
    const found = await entries('patient=aziz');
    expect(found.map((e) => e.action)).toEqual(['assessments.read', 'patients.read', 'patients.update']);
    expect(new Set(found.map((e) => e.patientName))).toEqual(new Set(['Rana Aziz']));
    expect((await entries(`patient=${rana}`)).length).toBe(3);
  });

  it('reads % and _ in a name as characters, not wildcards', async () => {
    expect((await entries('patient=100%25')).map((e) => e.patientId)).toEqual([other]);
    expect(await entries('patient=%25')).toHaveLength(1);
    expect(await entries('patient=_')).toHaveLength(0);
  });

  it('filters by staff member and by action', async () => {
    const byReception = await entries(`actorId=${reception}&from=2026-03-01&to=2026-03-03`);
    expect(byReception.map((e) => e.action)).toEqual(['patients.search', 'patients.update']);
    expect((await entries('action=patients.read')).map((e) => e.patientId)).toEqual([other, rana]);
  });

  it('counts whole days in the clinic time zone', async () => {
    expect((await entries('from=2026-03-02&to=2026-03-02')).map((e) => e.action)).toEqual(['patients.read', 'assessments.read', 'patients.read']);
    expect((await entries('from=2026-03-01&to=2026-03-01')).map((e) => e.action)).toEqual(['patients.update']);
  });

  it('pages newest first without overlap', async () => {
    const filter = 'from=2026-03-01&to=2026-03-03';
    const first = await entries(`${filter}&limit=2`);
    const second = await entries(`${filter}&limit=2&offset=2`);
    const third = await entries(`${filter}&limit=2&offset=4`);
    expect([first.length, second.length, third.length]).toEqual([2, 2, 1]);
    const ids = [...first, ...second, ...third].map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(5);
  });

  it('refuses bad filters with a coded 400 and writes nothing', async () => {
    const before = await auditReads();
    for (const query of [
      'from=2026-02-30',
      'from=2026-03-03&to=2026-03-01',
      'to=yesterday',
      'limit=0',
      'offset=-1',
      'limit=ten',
      `patient=${'x'.repeat(201)}`,
    ]) {
      const response = await audit(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code, query).toBe('validation_failed');
    }
    expect(await auditReads()).toBe(before);
  });

  it('audits each read with the filters used', async () => {
    await entries(`patient=rana&action=patients.read`);
    const [last] = await t.ctx.db.query<{ after: { patient: string; action: string; count: number } }>(
      `select after from audit_log where action = 'audit.read' order by id desc limit 1`,
    );
    expect(last?.after).toMatchObject({ patient: 'rana', action: 'patients.read', count: 1 });
  });

  it('lets reception and therapists no nearer the audit log than before', async () => {
    const asReception = await openStaffSession(t.ctx.db, 'reception@demo.myomap.app', t.clock.now());
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/audit?patient=rana', headers: asReception })).statusCode).toBe(403);
  });

  it('filters the mailbox by kind and status, names the patient, and pages', async () => {
    const booking = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        serviceId: 'svc-nmt-initial',
        practitionerId: 'prac-amira',
        start: '2026-12-01T09:00:00+04:00',
        patient: { name: 'Lina Saad', email: 'lina@example.com' },
      },
    });
    expect(booking.statusCode, booking.body).toBe(201);
    const mailbox = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/staff/mailbox?${query}`, headers: admin });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ kind: string; status: string; patientName?: string | null }[]>();
    };
    const confirmations = await mailbox('kind=confirmation');
    expect(confirmations.length).toBeGreaterThan(0);
    expect(confirmations.every((m) => m.kind === 'confirmation')).toBe(true);
    expect(confirmations[0]?.patientName).toBe('Lina Saad');
    expect(await mailbox('kind=confirmation&status=failed')).toEqual([]);
    const all = await mailbox('limit=200');
    expect(await mailbox(`limit=1&offset=${all.length}`)).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/staff/mailbox?status=lost', headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });
});
