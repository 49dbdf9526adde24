import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newReference } from '../lib/tokens.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

// Booking references are six characters of 31 (887 million): drawn blind, a new one can be one on
// file, and the unique index used to turn that booking into a 500 (seen once in the booking bench's
// few thousand bookings). Migration 0032 draws a free one in the database; the online booking, which
// draws its own to put in its messages, plans again on a clash.
vi.mock('../lib/tokens.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../lib/tokens.ts')>();
  return { ...actual, newReference: vi.fn(actual.newReference) };
});

const FOLLOW_UP = 'svc-nmt-follow-60';
const AMIRA = 'prac-amira';

describe.each(databaseTargets)('booking references on %s', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
  }, 120_000);
  afterAll(() => t.close());

  const slots = async () =>
    (await t.app.inject({ method: 'GET', url: `/api/availability?serviceId=${FOLLOW_UP}&practitionerId=${AMIRA}&from=2026-12-07&to=2026-12-07` })).json<{
      slots: { start: string }[];
    }>().slots;
  const bookOnline = (start: string | undefined, email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { serviceId: FOLLOW_UP, practitionerId: AMIRA, start, patient: { name: 'Huda Saeed', email } },
    });

  // Three visits an hour and more apart on Monday 7 December, one per test below.
  const at = async (time: string) => {
    const start = `2026-12-07T${time}:00+04:00`;
    expect(await slots()).toContainEqual(expect.objectContaining({ start }));
    return start;
  };
  let staffReference = '';

  it('gives a staff booking a reference from the database', async () => {
    const headers = await signIn(t.app, 'reception@demo.myomap.app');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments',
      headers,
      payload: { serviceId: FOLLOW_UP, practitionerId: AMIRA, start: await at('09:00'), patient: { name: 'Nadia Karim', email: 'nadia@example.com' } },
    });
    expect(res.statusCode).toBe(201);
    staffReference = res.json<{ reference: string }>().reference;
    expect(staffReference).toMatch(/^MYO-[A-HJKMNP-Z2-9]{6}$/);
  });

  it('draws again in the database while the drawn reference is on file', async () => {
    await t.ctx.db
      .transaction(async (tx) => {
        // setseed makes random() repeat its draws in this session: the same seed, the same reference.
        const draw = async () => {
          await tx.query('select setseed(0.42)');
          return (await tx.query<{ reference: string }>('select new_booking_reference() as reference'))[0]?.reference;
        };
        const first = await draw();
        expect(first).toMatch(/^MYO-[A-HJKMNP-Z2-9]{6}$/);
        expect(await draw()).toBe(first);
        // The staff visit takes that reference (rolled back below): the same draw now meets it and goes on.
        await tx.query('update appointments set reference = $1 where reference = $2', [first, staffReference]);
        const second = await draw();
        expect(second).toMatch(/^MYO-[A-HJKMNP-Z2-9]{6}$/);
        expect(second).not.toBe(first);
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if ((error as Error).message !== 'roll back') throw error;
      });
  });

  it('plans an online booking again, with a new reference, when its reference is on file', async () => {
    const booked = await bookOnline(await at('14:00'), 'huda.saeed@example.com');
    expect(booked.statusCode).toBe(201);
    const taken = booked.json<{ reference: string }>().reference;

    vi.mocked(newReference).mockReturnValueOnce(taken);
    const again = await bookOnline(await at('16:00'), 'huda.saeed.2@example.com');
    expect(again.statusCode).toBe(201);
    const { reference } = again.json<{ reference: string }>();
    expect(reference).not.toBe(taken);
    // The messages carry the reference the visit was booked under, never the one that clashed.
    const messages = await t.ctx.db.query<{ subject: string; body: string }>(
      `select m.subject, m.body_text as body from outbox m join appointments a on a.id = m.appointment_id where a.reference = $1`,
      [reference],
    );
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(`${message.subject}\n${message.body}`).not.toContain(taken);
    expect(messages.some((message) => `${message.subject}\n${message.body}`.includes(reference))).toBe(true);
  });
});
