import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../lib/mailer.ts';
import { startSmtp } from '../test-support/read-mail.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { workOutbox } from './outbox-worker.ts';

describe('the outbox over real SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('delivers the confirmation with its calendar file once, and marks it sent', async () => {
    const smtp = await startSmtp();
    const mailer = createMailer(smtp.url, '"Myomap" <clinic@demo.myomap.app>');
    try {
      const booking = await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          serviceId: 'svc-nmt-follow-60',
          practitionerId: 'prac-amira',
          start: '2026-12-01T09:00:00+04:00',
          patient: { name: 'Huda Saeed', email: 'huda@example.com' },
        },
      });
      expect(booking.statusCode).toBe(201);
      while ((await workOutbox(t.ctx.db, mailer, t.clock)) > 0);
      while ((await workOutbox(t.ctx.db, mailer, t.clock)) > 0);
      expect(smtp.messages).toHaveLength(1);
      const [message] = smtp.messages;
      expect(message?.to).toEqual(['huda@example.com']);
      expect(message?.raw).toContain(booking.json().reference);
      expect(message?.raw).toMatch(/Content-Type: text\/calendar/i);
      const [row] = await t.ctx.db.query<{ status: string; transport: string }>(`select status, transport from outbox where kind = 'confirmation'`);
      expect(row).toEqual({ status: 'sent', transport: 'smtp' });
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it('keeps a message pending with back-off when the SMTP server refuses it', async () => {
    const smtp = await startSmtp({ refuse: true });
    const mailer = createMailer(smtp.url, '"Myomap" <clinic@demo.myomap.app>');
    try {
      await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          serviceId: 'svc-nmt-follow-60',
          practitionerId: 'prac-omar',
          start: '2026-12-01T09:00:00+04:00',
          patient: { name: 'Ali Noor', email: 'ali@example.com' },
        },
      });
      await workOutbox(t.ctx.db, mailer, t.clock);
      const [row] = await t.ctx.db.query<{ status: string; attempts: number; last_error: string; send_after: Date }>(
        `select status, attempts, last_error, send_after from outbox where recipient = 'ali@example.com' and kind = 'confirmation'`,
      );
      expect(row?.status).toBe('pending');
      expect(row?.attempts).toBe(1);
      expect(row?.last_error).toMatch(/try again/);
      expect(row?.send_after.getTime()).toBeGreaterThan(t.clock.now().getTime());
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
