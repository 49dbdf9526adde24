import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_SESSION_SECRET } from '../config/load-config.ts';
import { renderReferralLetterPdf } from '../letters/referral-letter.ts';
import { createMailer } from '../lib/mailer.ts';
import { insertOutboxMessage } from '../stores/outbox-store.ts';
import { mimeParts, startSmtp } from '../test-support/read-mail.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { workOutbox } from '../workers/outbox-worker.ts';
import { storeDocument, type StoredDocument } from './store-document.ts';

describe.each(databaseTargets)('a stored letter sent by email on %s', (target) => {
  let t: TestApp;
  let letter: StoredDocument;

  beforeAll(async () => {
    t = await createTestApp(target);
    const [patient] = await t.ctx.db.query<{ id: string }>(
      `insert into patients (name, email, phone, preferred_channel) values ('Sara Ahmed', 'sara@example.com', '+971501234567', 'sms') returning id`,
    );
    const bytes = await renderReferralLetterPdf({
      language: 'ar',
      referralId: 'REF-1',
      issuedOn: '2026-11-30',
      clinic: { name: 'عيادة مايوماب', phone: '+971 4 555 0100' },
      recipient: { name: 'د. ليلى حداد' },
      patient: { name: 'سارة أحمد' },
      urgency: 'routine',
      reason: 'خدر في اليد اليمنى.',
      question: 'هل نحتاج إلى EMG؟',
      testsSuggested: [],
      findings: [],
      outcomes: [],
      signedBy: { name: 'د. يوسف رحمن', role: 'طبيب', signedAt: '2026-11-30T05:00:00Z' },
    });
    letter = await storeDocument(t.ctx.db, {
      patientId: patient?.id ?? null,
      kind: 'referral_letter',
      mediaType: 'application/pdf',
      language: 'ar',
      title: 'Referral letter REF-1',
      bytes,
      createdBy: 'user-physician',
    });
    const message = {
      dedupeKey: `referral-letter:${letter.id}`,
      kind: 'referral_letter',
      recipient: 'layla.haddad@neuro.example',
      subject: 'Referral: Sara Ahmed',
      bodyText: 'Please find the referral letter attached.',
      bodyHtml: null,
      attachments: [],
      sendAfter: t.clock.now(),
      appointmentId: null,
      sealedLinks: null,
      patientId: patient?.id ?? null,
      bodyShort: 'A referral letter was sent for you.',
      documentIds: [letter.id],
    };
    await insertOutboxMessage(t.ctx.db, message);
    // The same message queued again (a retried request) adds nothing, documents included.
    await insertOutboxMessage(t.ctx.db, message);
  });
  afterAll(async () => {
    await t.close();
  });

  it('arrives over SMTP with the PDF attached, byte for byte (same SHA-256), by email even for a patient who prefers SMS', async () => {
    const [{ count } = { count: 0 }] = await t.ctx.db.query<{ count: number }>('select count(*)::int as count from outbox_documents');
    expect(count).toBe(1);
    const smtp = await startSmtp();
    const mailer = createMailer(smtp.url, '"Myomap" <clinic@demo.myomap.app>');
    try {
      // The clinic has SMS (a provider that cannot run here, so one that refuses): the letter must not try it.
      const sms = { name: 'sms' as const, send: () => Promise.reject(new Error('an SMS cannot carry a letter')), close: () => undefined };
      while ((await workOutbox(t.ctx.db, mailer, t.clock, 20, DEVELOPMENT_SESSION_SECRET, { sms })) > 0);
      expect(smtp.messages.map((m) => m.to)).toEqual([['layla.haddad@neuro.example']]);
      const pdfs = mimeParts(smtp.messages[0]?.raw ?? '').filter((p) => p.contentType === 'application/pdf');
      expect(pdfs).toHaveLength(1);
      expect(pdfs[0]?.filename).toBe('Referral-letter-REF-1.pdf');
      expect(
        createHash('sha256')
          .update(pdfs[0]?.bytes ?? Buffer.alloc(0))
          .digest('hex'),
      ).toBe(letter.sha256);
      const [row] = await t.ctx.db.query<{ status: string; channel: string }>(`select status, channel from outbox where kind = 'referral_letter'`);
      expect(row).toEqual({ status: 'sent', channel: 'email' });
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
