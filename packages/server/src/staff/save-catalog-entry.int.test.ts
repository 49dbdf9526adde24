import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaffSession } from '../test-support/open-staff-session.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

/** The staff catalogue speaks one `{ en, ar }` shape; the public catalogue keeps its contract's `name` string beside it. */
describe.each(databaseTargets)('staff catalogue text on %s', (target) => {
  let t: TestApp;
  let admin: Headers;

  beforeAll(async () => {
    t = await createTestApp(target);
    admin = await openStaffSession(t.ctx.db, 'admin@demo.myomap.app', t.clock.now());
  });
  afterAll(async () => t?.close());

  it('creates and renames a room with { en, ar } names, stored in both columns', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff/rooms',
      headers: admin,
      payload: { name: { en: 'Room 9', ar: 'غرفة ٩' }, active: true },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/rooms/${id}`,
      headers: admin,
      payload: { name: { en: 'Room Nine', ar: 'غرفة تسعة' } },
    });
    expect(renamed.statusCode).toBe(200);
    const rooms = (await t.app.inject({ method: 'GET', url: '/api/staff/rooms', headers: admin })).json<{ id: string; name: unknown }[]>();
    expect(rooms.find((r) => r.id === id)?.name).toEqual({ en: 'Room Nine', ar: 'غرفة تسعة' });
    const [row] = await t.ctx.db.query<{ name_en: string; name_ar: string }>('select name_en, name_ar from rooms where id = $1', [id]);
    expect(row).toEqual({ name_en: 'Room Nine', name_ar: 'غرفة تسعة' });
  });

  it('refuses the old separate fields and a blank name in either language, changing nothing', async () => {
    const before = await t.ctx.db.query('select * from practitioners order by id');
    for (const payload of [{ titleEn: 'Senior' }, { name: { en: 'Amira', ar: '   ' } }, { name: { en: 'Amira' } }]) {
      const res = await t.app.inject({ method: 'PATCH', url: '/api/staff/practitioners/prac-amira', headers: admin, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    }
    expect(await t.ctx.db.query('select * from practitioners order by id')).toEqual(before);
  });

  it('sends a title and description as { en, ar } to staff, and the public name string beside names', async () => {
    const title = { en: 'Senior neuromuscular therapist', ar: 'معالجة عصبية عضلية أولى' };
    expect((await t.app.inject({ method: 'PATCH', url: '/api/staff/practitioners/prac-amira', headers: admin, payload: { title } })).statusCode).toBe(200);
    const staff = (await t.app.inject({ method: 'GET', url: '/api/staff/practitioners', headers: admin })).json<
      { id: string; name: { en: string }; title: unknown }[]
    >();
    const amira = staff.find((p) => p.id === 'prac-amira');
    expect(amira?.title).toEqual(title);
    const services = (await t.app.inject({ method: 'GET', url: '/api/staff/services', headers: admin })).json<{ description: { en: string; ar: string } }[]>();
    expect(services.every((s) => typeof s.description.en === 'string' && typeof s.description.ar === 'string')).toBe(true);

    const pub = (await t.app.inject({ method: 'GET', url: '/api/practitioners' })).json<{ id: string; name: unknown; names: unknown; title: unknown }[]>();
    const publicAmira = pub.find((p) => p.id === 'prac-amira');
    expect(publicAmira?.name).toBe(amira?.name.en);
    expect(publicAmira?.names).toEqual(amira?.name);
    expect(publicAmira?.title).toEqual(title);
  });
});
