import type { Bundle, DocumentReference, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../documents/store-document.ts';
import { fhirErrors } from '../fhir/validate-fhir.ts';
import { renderClinicLetterPdf } from '../letters/clinic-letter.ts';
import { createMailer } from '../lib/mailer.ts';
import { mimeParts, startSmtp } from '../test-support/read-mail.ts';
import { readPdfRuns } from '../test-support/read-pdf-runs.ts';
import { bookOnline } from '../test-support/book-online.ts';
import { createTestApp, deliverOutbox, signInDemoStaff, type signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

type Headers = Awaited<ReturnType<typeof signIn>>;

/**
 * Issue 14, second part: a result's report PDF (upload, checks, immutability, download, FHIR
 * DocumentReference), the acknowledgement and discharge letters to a referrer as stored PDFs
 * attached to their emails, and inbound referrals sent as a FHIR ServiceRequest.
 */
describe.each(databaseTargets)('referral documents and FHIR ServiceRequest on %s', (target) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: Headers;
  let reception: Headers;
  let therapist: Headers;
  let physician: Headers;
  let patientId = '';
  let providerId = '';
  let reportPdf: Uint8Array;

  const post = (url: string, headers: Headers, payload?: Record<string, unknown>) =>
    payload === undefined ? t.app.inject({ method: 'POST', url, headers }) : t.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
  const count = async (table: string) => (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n ?? 0;
  const upload = (id: string, headers: Headers, bytes: Uint8Array, type = 'application/pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/api/staff/referrals/${id}/result/report`,
      headers: { ...headers, 'content-type': 'multipart/form-data; boundary=b' },
      payload: Buffer.concat([
        Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: ${type}\r\n\r\n`),
        Buffer.from(bytes),
        Buffer.from('\r\n--b--\r\n'),
      ]),
    });
  const deliver = () => deliverOutbox(t, createMailer(smtp.url, '"Myomap" <clinic@demo.myomap.app>'));
  const pdfAttachments = (address: string) =>
    smtp.messages.filter((m) => m.to.includes(address)).flatMap((m) => mimeParts(m.raw).filter((p) => p.contentType === 'application/pdf'));
  const fhirPost = (headers: Headers, resource: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/fhir/R4/ServiceRequest',
      headers: { ...headers, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(resource),
    });

  /** An outbound referral signed and sent by print, ready for a result. */
  const sentReferral = async () => {
    const drafted = await post('/api/staff/referrals', physician, {
      patientId,
      providerId,
      source: 'record',
      urgency: 'routine',
      reason: 'Distal weakness of both hands; please assess.',
      question: 'Is there a neuropathy?',
      testsSuggested: [{ label: 'Nerve conduction studies and EMG' }],
      attachments: [],
      language: 'en',
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const id: string = drafted.json().id;
    expect((await post(`/api/staff/referrals/${id}/sign`, physician)).statusCode).toBe(200);
    expect((await post(`/api/staff/referrals/${id}/send`, physician, { via: 'print' })).json().status).toBe('sent');
    return id;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(target, { config: { sessionIdleMinutes: 60 * 24 * 60, sessionMaxHours: 60 * 24 } });
    ({ admin, reception, therapist, physician } = await signInDemoStaff(t.app));
    ({ patientId } = await bookOnline(t, { name: 'Huda Karim', email: 'huda@example.com', phone: '+971 50 765 4321' }, '2026-12-01T09:00:00+04:00', {
      serviceId: 'svc-nmt-initial',
    }));
    const provider = await post('/api/staff/referral-providers', admin, {
      kind: 'ncs_emg_lab',
      entity: 'organisation',
      name: 'Emirates NCS Lab',
      email: 'ncs@lab.example',
      languages: ['en', 'ar'],
      accepts: 'Physician referrals',
      notes: '',
      active: true,
    });
    expect(provider.statusCode, provider.body).toBe(201);
    providerId = provider.json().id;
    reportPdf = await renderClinicLetterPdf({
      language: 'en',
      issuedOn: '2026-12-05',
      clinic: { name: 'Emirates NCS Lab' },
      recipient: { name: 'Dr. Yousef Rahman' },
      patient: { name: 'Huda Karim' },
      subject: 'Nerve conduction study report',
      paragraphs: ['Median and ulnar nerve conduction normal on both sides. No evidence of neuropathy.'],
    });
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('takes a result report PDF: checked, stored with its hash, linked once, shown, downloadable and immutable', async () => {
    const id = await sentReferral();
    // No result yet: nothing to attach the report to.
    expect((await upload(id, therapist, reportPdf)).json().error.code).toBe('illegal_transition');
    const recorded = await post(`/api/staff/referrals/${id}/result`, therapist, {
      summary: 'NCS normal; no neuropathy.',
      findings: [{ label: 'NCS', value: 'normal' }],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);

    const before = await count('documents');
    // Reception may not attach clinical results; a JSON body, an image and an oversize file are refused.
    expect((await upload(id, reception, reportPdf)).statusCode).toBe(403);
    const json = await post(`/api/staff/referrals/${id}/result/report`, therapist, { file: 'x' });
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'unsupported_media_type']);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const notPdf = await upload(id, therapist, png, 'application/pdf');
    expect([notPdf.statusCode, notPdf.json().error.code]).toEqual([415, 'unsupported_media_type']);
    expect(notPdf.json().error.message).toContain('PDF');
    const tooBig = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(8 * 1024 * 1024)]);
    const big = await upload(id, therapist, tooBig);
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'payload_too_large']);
    expect(await count('documents')).toBe(before);

    const attached = await upload(id, therapist, reportPdf);
    expect(attached.statusCode, attached.body).toBe(200);
    const documentId: string = attached.json().result.documentId;
    expect(documentId).toEqual(expect.any(String));
    expect(attached.json().documents).toContainEqual(
      expect.objectContaining({ id: documentId, kind: 'referral_result', mediaType: 'application/pdf', sha256: sha256Hex(reportPdf), referralId: id }),
    );
    // A second report, or a change by direct SQL, is refused.
    expect((await upload(id, therapist, reportPdf)).json().error.code).toBe('conflict');
    await expect(t.ctx.db.query(`update referral_results set document_id = null where referral_id = $1`, [id])).rejects.toMatchObject({ code: 'P0001' });
    await expect(t.ctx.db.query(`update referral_results set document_id = 'nope' where referral_id = $1`, [id])).rejects.toMatchObject({
      code: expect.stringMatching(/P0001|23503/),
    });
    // Another result may not claim the same report.
    const other = await sentReferral();
    const claim = await post(`/api/staff/referrals/${other}/result`, therapist, { summary: 'Same report?', findings: [], documentId });
    expect(claim.json().error.code).toBe('validation_failed');

    // The patient's record lists it; the download is the exact bytes, checked against the hash; both audited.
    const list = (await get(`/api/staff/patients/${patientId}/documents`, therapist)).json<{ id: string; kind: string }[]>();
    expect(list.map((d) => d.kind)).toEqual(expect.arrayContaining(['referral_result', 'referral_letter']));
    const download = await get(`/api/staff/documents/${documentId}`, physician);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-sha256']).toBe(sha256Hex(reportPdf));
    expect(sha256Hex(download.rawPayload)).toBe(sha256Hex(reportPdf));
    const audit = await t.ctx.db.query<{ action: string }>(`select action from audit_log where entity_id in ($1, $2) order by id`, [id, documentId]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['referral.result_report', 'documents.read']));

    // The physician's review: "change the plan" says which plan to open (none yet for this patient).
    const reviewed = await post(`/api/staff/referrals/${id}/result/review`, physician, {
      decision: 'change_plan',
      notes: 'Add nerve glides; avoid the carpal tunnel.',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ referral: { status: 'closed', result: { reviewDecision: 'change_plan', documentId } }, planToChangeId: null });
    expect((await upload(id, therapist, reportPdf)).json().error.code).toBe('conflict');
  });

  it('serves letters and reports as FHIR DocumentReferences that pass the R4 validator', async () => {
    const search = await get(`/api/fhir/R4/DocumentReference?patient=${patientId}`, physician);
    expect(search.statusCode, search.body).toBe(200);
    const bundle = search.json<Bundle<DocumentReference>>();
    const stored = (bundle.entry ?? []).map((e) => e.resource as DocumentReference).filter((r) => r.id?.startsWith('doc-'));
    expect(stored.map((r) => r.type?.coding?.find((c) => c.system === 'http://loinc.org')?.code)).toEqual(expect.arrayContaining(['57133-1', '11488-4']));
    for (const resource of stored) expect(fhirErrors(resource), JSON.stringify(resource)).toEqual([]);
    const report = stored.find((r) => r.type?.coding?.some((c) => c.code === 'referral_result'));
    expect(report?.identifier?.[0]?.value).toBe(sha256Hex(reportPdf));
    expect(report?.content[0]?.attachment.url).toMatch(/^\/api\/staff\/documents\//);
    const read = await get(`/api/fhir/R4/DocumentReference/${report?.id}`, physician);
    expect(read.json().id).toBe(report?.id);
    // Reception reads no clinical documents, through FHIR or otherwise.
    expect((await get(`/api/fhir/R4/DocumentReference?patient=${patientId}`, reception)).statusCode).toBe(403);
  });

  it('sends the referrer an acknowledgement and a discharge summary, each a stored PDF letter attached to the email', async () => {
    const form = {
      referrer: { name: 'د. ليلى حسن', organisation: 'عيادة القاسمية', email: 'layla.ack@familyclinic.example' },
      patient: { name: 'نورة سعيد', phone: '+971 50 123 9999', email: 'noura.ack@example.com', language: 'ar', dateOfBirth: '1980-04-02' },
      urgency: 'routine',
      reason: 'ألم مزمن في الرقبة والكتف.',
      language: 'ar',
      consent: true,
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/referrals/inbound', payload: form })).statusCode).toBe(201);
    const inbound = (await get('/api/staff/referrals?direction=in', reception))
      .json<{ id: string; patientName: string }[]>()
      .find((r) => r.patientName === 'نورة سعيد');
    const [ack] = await t.ctx.db.query<{ kind: string; language: string; patient_id: string | null; bytes: Uint8Array }>(
      `select kind, language, patient_id, bytes from documents where referral_id = $1`,
      [inbound?.id],
    );
    expect(ack).toMatchObject({ kind: 'referral_acknowledgement', language: 'ar', patient_id: null });
    await deliver();
    const [attachment] = pdfAttachments('layla.ack@familyclinic.example');
    expect(attachment?.bytes && sha256Hex(attachment.bytes)).toBe(sha256Hex(new Uint8Array(ack?.bytes ?? [])));

    const accepted = await post(`/api/staff/referrals/${inbound?.id}/accept`, reception, {
      practitionerId: 'prac-sara',
      serviceId: 'svc-nmt-initial',
      start: '2026-12-02T10:00:00+04:00',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const newPatient: string = accepted.json().patientId;
    // The acknowledgement was written before there was a patient; the record finds it through the referral.
    expect((await get(`/api/staff/patients/${newPatient}/documents`, physician)).json().map((d: { kind: string }) => d.kind)).toEqual([
      'referral_acknowledgement',
    ]);

    const episode = (
      await post(`/api/staff/patients/${newPatient}/episodes`, therapist, { complaint: 'neck pain', region: 'cervical', primaryInstrumentId: 'nprs' })
    ).json();
    expect((await post(`/api/staff/episodes/${episode.id}/discharge`, therapist, { reason: 'goals_met' })).statusCode).toBe(200);
    const [discharge] = await t.ctx.db.query<{ kind: string; language: string; patient_id: string; bytes: Uint8Array }>(
      `select kind, language, patient_id, bytes from documents where referral_id = $1 and kind = 'discharge_summary'`,
      [inbound?.id],
    );
    expect(discharge).toMatchObject({ language: 'ar', patient_id: newPatient });
    const pages = await readPdfRuns(new Uint8Array(discharge?.bytes ?? []));
    expect(pages.pageCount).toBe(1);
    await deliver();
    expect(pdfAttachments('layla.ack@familyclinic.example')).toHaveLength(2);
  });

  it('receives a FHIR ServiceRequest as an inbound referral, once per identifier, refusing what it cannot use', async () => {
    const request = (over: Record<string, unknown> = {}) => ({
      resourceType: 'ServiceRequest',
      identifier: [{ system: 'https://hospital.example/referrals', value: 'SR-1001' }],
      status: 'active',
      intent: 'order',
      priority: 'urgent',
      language: 'en',
      contained: [
        {
          resourceType: 'Patient',
          id: 'pat',
          name: [{ given: ['Omar'], family: 'Haddad' }],
          telecom: [
            { system: 'phone', value: '+971 55 222 3333' },
            { system: 'email', value: 'omar@example.com' },
          ],
          birthDate: '1975-06-01',
          communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'ar' }] } }],
        },
        { resourceType: 'Practitioner', id: 'doc', name: [{ text: 'Dr. Sami Aziz' }], telecom: [{ system: 'email', value: 'sami@hospital.example' }] },
        { resourceType: 'Organization', id: 'org', name: 'Sharjah Neurology Centre' },
      ],
      subject: { reference: '#pat' },
      requester: { reference: '#doc' },
      reasonCode: [{ text: 'Myofascial pain of the upper trapezius after whiplash; please assess and treat.' }],
      ...over,
    });
    const before = await count('referrals');
    expect((await fhirPost(therapist, request())).statusCode).toBe(403);
    const invalid = await fhirPost(reception, request({ status: 'not-a-status' }));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<OperationOutcome>().resourceType).toBe('OperationOutcome');
    expect(invalid.json<OperationOutcome>().issue[0]?.details?.coding?.[0]?.code).toBe('validation_failed');
    expect((await fhirPost(reception, request({ identifier: undefined }))).json<OperationOutcome>().issue[0]?.expression).toEqual([
      'ServiceRequest.identifier',
    ]);
    expect((await fhirPost(reception, request({ requester: { display: 'Someone' } }))).statusCode).toBe(400);
    const emergency = await fhirPost(reception, request({ priority: 'stat' }));
    expect([emergency.statusCode, emergency.json<OperationOutcome>().issue[0]?.details?.coding?.[0]?.code]).toEqual([422, 'unprocessable']);
    expect(await count('referrals')).toBe(before);

    const created = await fhirPost(reception, request());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['content-type']).toContain('application/fhir+json');
    const location = String(created.headers.location);
    const id = location.split('/').at(-1) ?? '';
    expect(location).toMatch(/\/api\/fhir\/R4\/ServiceRequest\/.+/);
    const referral = (await get(`/api/staff/referrals/${id}`, physician)).json();
    expect(referral).toMatchObject({
      direction: 'in',
      status: 'received',
      urgency: 'soon',
      patientId: null,
      referrer: { name: 'Dr. Sami Aziz', organisation: 'Sharjah Neurology Centre', email: 'sami@hospital.example' },
      referredPatient: { name: 'Omar Haddad', phone: '+971 55 222 3333', email: 'omar@example.com', dateOfBirth: '1975-06-01', language: 'ar' },
    });
    expect(referral.reason).toContain('upper trapezius');
    // The same identifier again: the first referral, nothing new.
    const again = await fhirPost(reception, request({ reasonCode: [{ text: 'Sent twice' }] }));
    expect([again.statusCode, again.headers.location]).toEqual([200, location]);
    expect(await count('referrals')).toBe(before + 1);
    const [ack] = await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from documents where referral_id = $1 and kind = 'referral_acknowledgement'`, [
      id,
    ]);
    expect(ack?.n).toBe(1);

    // A patient of ours, named by our identifier instead of a contained Patient.
    const ours = await fhirPost(
      physician,
      request({
        identifier: [{ system: 'https://hospital.example/referrals', value: 'SR-1002' }],
        subject: { identifier: { system: 'https://myomap.example/fhir/sid/patient', value: patientId } },
      }),
    );
    expect(ours.statusCode, ours.body).toBe(201);
    const oursId = String(ours.headers.location).split('/').at(-1);
    expect((await get(`/api/staff/referrals/${oursId}`, physician)).json().referredPatient).toMatchObject({ name: 'Huda Karim' });
    const audit = await t.ctx.db.query<{ action: string }>(`select action from audit_log where entity_id = $1`, [id]);
    expect(audit.map((a) => a.action)).toContain('referral.inbound');

    // Odd bodies are refused as OperationOutcomes, never a 5xx, and create nothing.
    const odd: unknown[] = [
      [],
      { resourceType: 'Patient' },
      { resourceType: 'ServiceRequest' },
      request({ contained: [{ resourceType: 'Bogus', id: 'x' }] }),
      request({ contained: 'not a list' }),
      request({ subject: { reference: '#missing' }, identifier: [{ system: 'https://hospital.example/referrals', value: 'SR-odd-1' }] }),
      request({ identifier: [{ system: 'https://hospital.example/referrals', value: 'x'.repeat(500) }] }),
      request({
        identifier: [{ system: 'https://hospital.example/referrals', value: 'SR-odd-2' }],
        subject: { identifier: { system: 'https://myomap.example/fhir/sid/patient', value: 'no-such-patient' } },
      }),
      request({ identifier: [{ system: 'https://hospital.example/referrals', value: 'SR-odd-3' }], reasonCode: [{ text: 'x'.repeat(3000) }] }),
    ];
    const count0 = await count('referrals');
    for (const body of odd) {
      const answer = await fhirPost(reception, body);
      expect(answer.statusCode, JSON.stringify(body).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode, answer.body).toBeLessThan(500);
      expect(answer.json<OperationOutcome>().resourceType).toBe('OperationOutcome');
    }
    expect(await count('referrals')).toBe(count0);
  });
});
