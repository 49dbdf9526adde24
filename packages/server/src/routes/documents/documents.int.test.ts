import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDocument, type StoredDocument } from '../../documents/store-document.ts';
import { renderClinicLetterPdf } from '../../letters/clinic-letter.ts';
import { createTestApp, signIn, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';

describe.each(databaseTargets)('stored documents over HTTP on %s', (target) => {
  let t: TestApp;
  let patientId: string;
  let letter: StoredDocument;
  let bytes: Uint8Array;
  let physician: Awaited<ReturnType<typeof signIn>>;
  let reception: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    t = await createTestApp(target);
    const [row] = await t.ctx.db.query<{ id: string }>(`insert into patients (name, email) values ('Sara Ahmed', 'sara@example.com') returning id`);
    patientId = row?.id ?? '';
    bytes = await renderClinicLetterPdf({
      language: 'en',
      issuedOn: '2026-11-30',
      clinic: { name: 'Myomap Demo Clinic', phone: '+971 4 555 0100' },
      recipient: { name: 'Dr Layla Haddad' },
      patient: { name: 'Sara Ahmed' },
      subject: 'Thank you for your referral',
      paragraphs: ['We have received your referral and will contact the patient to arrange a first visit.'],
    });
    letter = await storeDocument(t.ctx.db, {
      patientId,
      kind: 'referral_acknowledgement',
      mediaType: 'application/pdf',
      language: 'en',
      title: 'Acknowledgement: Sara Ahmed',
      bytes,
      createdBy: 'user-physician',
    });
    physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
    reception = await signIn(t.app, 'reception@demo.myomap.app');
  });
  afterAll(async () => {
    await t.close();
  });

  it('downloads the stored PDF byte for byte, as an attachment, and audits the read', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/staff/documents/${letter.id}`, headers: physician });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Acknowledgement-Sara-Ahmed.pdf"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(letter.sha256);
    expect(res.rawPayload.equals(Buffer.from(bytes))).toBe(true);
    const audit = await t.ctx.db.query<{ actor_id: string }>(`select actor_id from audit_log where action = 'documents.read' and entity_id = $1`, [letter.id]);
    expect(audit.map((a) => a.actor_id)).toEqual(['user-physician']);
  });

  it("lists a patient's documents without their bytes, audited", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}/documents`, headers: physician });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([expect.objectContaining({ id: letter.id, kind: 'referral_acknowledgement', sha256: letter.sha256, byteLength: bytes.length })]);
    expect(res.json()[0]).not.toHaveProperty('bytes');
    const audit = await t.ctx.db.query(`select 1 from audit_log where action = 'documents.list' and entity_id = $1`, [patientId]);
    expect(audit).toHaveLength(1);
  });

  it('keeps letters from the front desk and answers 404 for what does not exist', async () => {
    for (const url of [`/api/staff/documents/${letter.id}`, `/api/staff/patients/${patientId}/documents`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: reception });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    for (const url of ['/api/staff/documents/no-such-document', '/api/staff/patients/no-such-patient/documents']) {
      const res = await t.app.inject({ method: 'GET', url, headers: physician });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });
});
