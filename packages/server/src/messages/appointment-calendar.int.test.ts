import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../lib/mailer.ts';
import { mimeParts, startSmtp, type MimePart } from '../test-support/read-mail.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { workOutbox } from '../workers/outbox-worker.ts';

const CLINIC_EMAIL = 'clinic@demo.myomap.app';

/** A calendar text parsed by ical.js, the way a calendar app reads it. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error(`no VEVENT in:\n${text}`);
  const value = (name: string) => event.getFirstPropertyValue(name);
  const person = (name: string) => {
    const p = event.getFirstProperty(name);
    return p
      ? {
          value: String(p.getFirstValue()),
          cn: p.getParameter('cn'),
          partstat: p.getParameter('partstat'),
          rsvp: p.getParameter('rsvp'),
          role: p.getParameter('role'),
        }
      : null;
  };
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: String(value('uid')),
    sequence: Number(value('sequence')),
    status: value('status'),
    start: (value('dtstart') as ICAL.Time).toJSDate().toISOString(),
    hasStamp: value('dtstamp') !== null,
    organizer: person('organizer'),
    attendee: person('attendee'),
  };
}

/** The invitation part of a received email: the text/calendar alternative whose Content-Type names a method. */
function invitation(parts: MimePart[]) {
  const calendarPart = parts.find((p) => p.contentType === 'text/calendar');
  if (!calendarPart) throw new Error(`no text/calendar part among ${parts.map((p) => p.contentType).join(', ')}`);
  return { ...parseCalendar(calendarPart.body), mimeMethod: /method=([A-Z]+)/i.exec(calendarPart.contentTypeHeader)?.[1], parentType: calendarPart.parentType };
}

describe.each(databaseTargets)('calendar files: one UID, a rising SEQUENCE, REQUEST and CANCEL on %s', (target) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: ReturnType<typeof createMailer>;

  beforeAll(async () => {
    t = await createTestApp(target);
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, `"Myomap" <${CLINIC_EMAIL}>`);
  }, 240_000);
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await t.close();
  });

  /** Sends what is due and answers the last email the patient received. */
  const deliver = async (email: string) => {
    smtp.received.delete(email);
    while ((await workOutbox(t.ctx.db, mailer, t.clock, 20, t.ctx.config.sessionSecret)) > 0);
    const raw = smtp.received.get(email);
    if (!raw) throw new Error(`nothing sent to ${email}`);
    return mimeParts(raw);
  };
  const book = async (start: string, patient: { name: string; email: string }) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { serviceId: 'svc-nmt-follow-60', practitionerId: 'prac-amira', start, patient },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; reference: string; manageToken: string }>();
  };
  const feed = async () => {
    const [row] = await t.ctx.db.query<{ calendar_token: string }>(`select calendar_token from practitioners where id = 'prac-amira'`);
    const res = await t.app.inject({ method: 'GET', url: `/api/calendar/prac-amira/feed.ics?token=${row?.calendar_token ?? ''}` });
    expect(res.statusCode).toBe(200);
    return new ICAL.Component(ICAL.parse(res.body));
  };

  it('keeps the UID of the booking mail in the download, the feed, the reschedule mail (higher SEQUENCE) and the cancel mail', async () => {
    const patient = { name: 'Huda Saeed', email: 'huda.cal@example.com' };
    const booking = await book('2026-12-01T09:00:00+04:00', patient);
    const uid = `${booking.id}@myomap.test`;

    const bookedParts = await deliver(patient.email);
    const booked = invitation(bookedParts);
    expect(booked).toMatchObject({
      method: 'REQUEST',
      mimeMethod: 'REQUEST',
      uid,
      sequence: 0,
      status: 'CONFIRMED',
      start: '2026-12-01T05:00:00.000Z',
      hasStamp: true,
    });
    // The calendar text and the MIME part agree on the method (RFC 5545 §3.7.2).
    expect(booked.parentType).toBe('multipart/alternative');
    // The same text also travels as a file, for mail clients that show no invitation.
    const file = bookedParts.find((p) => p.filename === 'invite.ics');
    expect(parseCalendar(file?.body ?? '')).toMatchObject({ method: 'REQUEST', uid, sequence: 0 });
    expect(booked.organizer).toMatchObject({ value: `mailto:${CLINIC_EMAIL}`, cn: 'Dr. Amal Al Qedrah Medical Center' });
    expect(booked.attendee).toMatchObject({ value: `mailto:${patient.email}`, cn: patient.name, role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED', rsvp: 'FALSE' });

    const download = await t.app.inject({ method: 'GET', url: `/api/bookings/${booking.reference}/calendar.ics?token=${booking.manageToken}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/calendar/);
    const downloaded = parseCalendar(download.body);
    // A snapshot for the patient's own calendar: no METHOD, no ORGANIZER (RFC 5545 §3.7.2, §3.8.4.3).
    expect(downloaded).toMatchObject({ method: null, uid, sequence: 0, organizer: null, start: '2026-12-01T05:00:00.000Z' });
    expect(download.body).not.toContain(booking.manageToken);
    const wrong = await t.app.inject({ method: 'GET', url: `/api/bookings/${booking.reference}/calendar.ics?token=not-the-right-token` });
    expect(wrong.statusCode).toBe(404);

    const inFeed = (await feed()).getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid);
    expect(inFeed?.getFirstPropertyValue('sequence')).toBe(0);

    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.reference}/reschedule?token=${booking.manageToken}`,
      payload: { start: '2026-12-01T11:00:00+04:00' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const rescheduled = invitation(await deliver(patient.email));
    expect(rescheduled).toMatchObject({ method: 'REQUEST', mimeMethod: 'REQUEST', uid, start: '2026-12-01T07:00:00.000Z', status: 'CONFIRMED' });
    expect(rescheduled.sequence).toBeGreaterThan(booked.sequence);
    const movedInFeed = (await feed()).getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid);
    expect(movedInFeed?.getFirstPropertyValue('sequence')).toBe(rescheduled.sequence);

    const cancel = await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.reference}/cancel?token=${booking.manageToken}` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const cancelled = invitation(await deliver(patient.email));
    expect(cancelled).toMatchObject({ method: 'CANCEL', mimeMethod: 'CANCEL', uid, status: 'CANCELLED' });
    expect(cancelled.organizer?.value).toBe(`mailto:${CLINIC_EMAIL}`);
    expect(cancelled.attendee?.value).toBe(`mailto:${patient.email}`);
    expect(cancelled.sequence).toBeGreaterThan(rescheduled.sequence);
    // A subscription drops a cancelled visit; the download says it is cancelled, at the cancel's SEQUENCE.
    expect((await feed()).getAllSubcomponents('vevent').some((e) => e.getFirstPropertyValue('uid') === uid)).toBe(false);
    const after = await t.app.inject({ method: 'GET', url: `/api/bookings/${booking.reference}/calendar.ics?token=${booking.manageToken}` });
    expect(parseCalendar(after.body)).toMatchObject({ uid, status: 'CANCELLED', sequence: cancelled.sequence });
  });

  it('sends a staff move to another practitioner as an update the patient has not answered, and a staff cancel as CANCEL', async () => {
    const patient = { name: 'Omar Haddad', email: 'omar.cal@example.com' };
    const booking = await book('2026-12-07T09:00:00+04:00', patient);
    const booked = invitation(await deliver(patient.email));
    const headers = await signIn(t.app, 'reception@demo.myomap.app');

    const move = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/appointments/${booking.id}`,
      headers,
      payload: { start: '2026-12-07T09:00:00+04:00', practitionerId: 'prac-omar' },
    });
    expect(move.statusCode, move.body).toBe(200);
    const changed = invitation(await deliver(patient.email));
    expect(changed).toMatchObject({ method: 'REQUEST', mimeMethod: 'REQUEST', uid: booked.uid, start: booked.start });
    expect(changed.sequence).toBeGreaterThan(booked.sequence);
    expect(changed.attendee?.partstat).toBe('NEEDS-ACTION');

    const cancel = await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${booking.id}/cancel`, headers, payload: {} });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const cancelled = invitation(await deliver(patient.email));
    expect(cancelled).toMatchObject({ method: 'CANCEL', mimeMethod: 'CANCEL', uid: booked.uid, status: 'CANCELLED' });
    expect(cancelled.sequence).toBeGreaterThan(changed.sequence);
  });

  it('raises the SEQUENCE in the database for a new time or practitioner and a cancellation, not for a no-show, and never lowers it', async () => {
    const booking = await book('2026-12-08T09:00:00+04:00', { name: 'Lina Aziz', email: 'lina.cal@example.com' });
    const sequence = async () => (await t.ctx.db.query<{ n: number }>('select ical_sequence as n from appointments where id = $1', [booking.id]))[0]?.n;
    expect(await sequence()).toBe(0);
    await t.ctx.db.query(`update appointments set note = 'bring the scan' where id = $1`, [booking.id]);
    expect(await sequence()).toBe(0);
    await t.ctx.db.query(`update appointments set practitioner_id = 'prac-sara' where id = $1`, [booking.id]);
    expect(await sequence()).toBe(1);
    await t.ctx.db.query(`update appointments set status = 'no_show' where id = $1`, [booking.id]);
    expect(await sequence()).toBe(1);
    await expect(t.ctx.db.query('update appointments set ical_sequence = 0 where id = $1', [booking.id])).rejects.toThrow(/may only rise/);
  });
});
