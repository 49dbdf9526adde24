import type { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

/** Issue 12: the desk finds an existing patient by name, phone, email, date of birth or booking reference, recent first. */
describe.each(databaseTargets)('patient search on %s', (target) => {
  let t: TestApp;
  let desk: Record<string, string>;
  const ids: Record<string, string> = {};
  let laylaReference = '';
  let duplicateReference = '';

  async function register(key: string, at: string, body: Record<string, string>) {
    t.clock.set(at);
    const res = await t.app.inject({ method: 'POST', url: '/api/staff/patients', headers: desk, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json<{ id: string }>().id;
  }
  async function search(q: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/staff/patients?q=${encodeURIComponent(q)}`, headers: desk });
    expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    return res.json<PatientOut[]>();
  }
  const names = async (q: string) => (await search(q)).map((p) => p.name);

  beforeAll(async () => {
    t = await createTestApp(target, { config: { sessionIdleMinutes: 24 * 60, sessionMaxHours: 24 } });
    desk = await signIn(t.app, 'reception@demo.myomap.app');
    await register('layla', '2026-11-20T06:00:00Z', { name: 'Layla Haddad', email: 'layla.h@example.com', phone: '+971501234567', dateOfBirth: '1988-04-09' });
    await register('mohammed', '2026-11-21T06:00:00Z', { name: 'مُحَمَّد أحمد', email: 'm.ahmad@example.com', phone: '050 765 4321', dateOfBirth: '1975-12-01' });
    await register('omar', '2026-11-22T06:00:00Z', { name: 'Omar Khalil', email: 'omar.k@example.com' });
    await register('fatima', '2026-11-23T06:00:00Z', { name: 'فاطمة الزهراء', email: 'fatima@example.com', phone: '04 555 0101' });
    // Layla, registered first, books last: her activity is the newest.
    t.clock.set('2026-11-30T04:00:00Z');
    const visit = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments',
      headers: desk,
      payload: { serviceId: 'svc-nmt-initial', practitionerId: 'prac-amira', start: '2026-12-01T09:00:00+04:00', patientId: ids.layla },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    laylaReference = visit.json<{ reference: string }>().reference;
    // Omar books online as a new record with his own email; reception merges it into his record.
    t.clock.set('2026-11-24T06:00:00Z');
    const online = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        serviceId: 'svc-nmt-initial',
        practitionerId: 'prac-omar',
        start: '2026-12-01T11:00:00+04:00',
        patient: { name: 'Omar K', email: 'omar.k@example.com' },
      },
    });
    expect(online.statusCode, online.body).toBe(201);
    duplicateReference = online.json<{ reference: string }>().reference;
    const [dup] = await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where reference = $1', [duplicateReference]);
    ids.duplicate = dup?.patient_id ?? '';
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${ids.omar}/merge`,
      headers: desk,
      payload: { duplicateId: ids.duplicate, identityChecked: true },
    });
    expect(merged.statusCode, merged.body).toBeLessThan(300);
    t.clock.set('2026-11-30T05:00:00Z');
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists recent patients first when nothing is typed, without merged records', async () => {
    const recent = await search('');
    expect(recent.map((p) => p.id)).toEqual([ids.layla, ids.omar, ids.fatima, ids.mohammed]);
    expect(recent.map((p) => p.id)).not.toContain(ids.duplicate);
    expect(recent[0]).toMatchObject({ lastVisit: null, nextVisit: '2026-12-01T09:00:00+04:00' });
  });

  it('finds a name in any case, in part and in any word order, Latin and Arabic', async () => {
    expect(await names('layla')).toEqual(['Layla Haddad']);
    expect(await names('HADD')).toEqual(['Layla Haddad']);
    expect(await names('haddad layla')).toEqual(['Layla Haddad']);
    expect(await names('haddad omar')).toEqual([]);
    // Without harakat, with a bare alif, and in the other order.
    expect(await names('احمد محمد')).toEqual(['مُحَمَّد أحمد']);
    // ة typed as ه, as people often do.
    expect(await names('فاطمه')).toEqual(['فاطمة الزهراء']);
  });

  it('finds a phone number however it is written', async () => {
    for (const q of ['050 123 4567', '+971 50 123 4567', '00971501234567', '0501234567', '123-4567']) expect(await names(q), q).toEqual(['Layla Haddad']);
    expect(await names('+971 50 765 4321')).toEqual(['مُحَمَّد أحمد']);
    expect(await names('045550101')).toEqual(['فاطمة الزهراء']);
    expect(await names('050 999 9999')).toEqual([]);
  });

  it('finds an email, a date of birth in both spellings, and the patient of a booking reference', async () => {
    expect(await names('layla.h@exa')).toEqual(['Layla Haddad']);
    for (const q of ['1988-04-09', '09/04/1988', '9/4/1988', '09.04.1988']) expect(await names(q), q).toEqual(['Layla Haddad']);
    expect(await names(laylaReference.toLowerCase())).toEqual(['Layla Haddad']);
    // The online booking moved to Omar's record in the merge: its reference finds him, never the merged copy.
    expect((await search(duplicateReference)).map((p) => p.id)).toEqual([ids.omar]);
    expect((await search('Omar K')).map((p) => p.id)).toEqual([ids.omar]);
  });

  it('returns at most 20 patients', async () => {
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/patients',
        headers: desk,
        payload: { name: `Bulk Person ${i}`, email: `bulk${i}@example.com` },
      });
      expect(res.statusCode).toBe(201);
    }
    expect(await search('bulk')).toHaveLength(20);
    expect(await search('')).toHaveLength(20);
  });

  it('refuses a date that cannot exist and takes odd text as text, never a 5xx, and audits every search', async () => {
    const audited = async () => (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'patients.search'`))[0]?.n ?? 0;
    const before = await audited();
    for (const q of ['31/02/1990', '2026-13-01']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/staff/patients?q=${encodeURIComponent(q)}`, headers: desk });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const tooLong = await t.app.inject({ method: 'GET', url: `/api/staff/patients?q=${'a'.repeat(101)}`, headers: desk });
    expect(tooLong.statusCode).toBe(400);
    for (const q of ['%', '_', '\\', "'; drop table patients; --", '0000', '+', '()', 'MYO-', '١٢٣٤', '😀', '   ']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/staff/patients?q=${encodeURIComponent(q)}`, headers: desk });
      expect(res.statusCode, q).toBeLessThan(500);
    }
    expect(await names('%')).toEqual([]);
    expect(await audited()).toBe(before + 12);
    const [patients] = await t.ctx.db.query<{ n: number }>('select count(*)::int as n from patients');
    expect(patients?.n).toBeGreaterThan(20);
  });
});
