import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../../safety/intake-service.ts';
import { enqueue } from '../../scheduling/enqueue-appointment-messages.ts';
import { openStaffSession } from '../../test-support/open-staff-session.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';
import { SIGNATURE } from '../../test-support/clinical-fixtures.ts';

const NOTE = {
  subjective: { report: 'Right shoulder ache.', pain: 6 },
  objective: { findings: 'Active TrP right infraspinatus.', painMap: [], triggerPointsTreated: [] },
  assessment: 'Myofascial pain, infraspinatus.',
  plan: 'Weekly for 4 weeks.',
  techniques: [],
  response: 'Pain 6 → 3.',
  adverseEvent: null,
};
type Headers = { cookie: string; 'x-csrf-token': string };

/** The rules of issue 8 items 6 and 7 that a role table alone cannot express, on real routes. */
describe.each(databaseTargets)('permission rules on %s', (target) => {
  let t: TestApp;
  let appointmentId: string;
  let patientId: string;
  let sessionId: string;
  const as = (email: string): Promise<Headers> => openStaffSession(t.ctx.db, email, t.clock.now());
  const auditActions = async (action: string) =>
    await t.ctx.db.query<{ action: string; after: unknown }>('select action, after from audit_log where action = $1 order by id', [action]);

  beforeAll(async () => {
    t = await createTestApp(target);
    const booking = (
      await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          serviceId: 'svc-nmt-initial',
          practitionerId: 'prac-amira',
          start: '2026-12-01T09:00:00+04:00',
          patient: { name: 'Sara Hamdan', email: 'sara.h@example.com' },
        },
      })
    ).json();
    appointmentId = booking.id;
    const url = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;
    await t.app.inject({ method: 'PUT', url: url(), payload: { response: intakeResponse(intake()), language: 'en' } });
    await t.app.inject({ method: 'POST', url: url('/submit') });
    await t.app.inject({
      method: 'POST',
      url: url('/consent'),
      payload: { version: currentConsentVersion, language: 'en', typedName: 'Sara Hamdan', signature: SIGNATURE },
    });
    t.clock.set('2026-12-01T04:00:00Z'); // 08:00 in Sharjah, an hour before the visit
    const session = await t.app.inject({
      method: 'POST',
      url: `/api/staff/appointments/${appointmentId}/sessions`,
      headers: await as('amira@demo.myomap.app'),
    });
    expect(session.statusCode).toBe(201);
    sessionId = session.json().id;
    patientId = (await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [appointmentId]))[0]?.patient_id ?? '';
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('shows reception the intake status and consent but not the medical answers', async () => {
    const desk = await t.app.inject({ method: 'GET', url: `/api/staff/appointments/${appointmentId}/intake`, headers: await as('reception@demo.myomap.app') });
    expect(desk.statusCode).toBe(200);
    expect(desk.json()).toMatchObject({ status: 'submitted', response: null, answersHidden: true, consent: { signed: true } });
    const clinician = await t.app.inject({ method: 'GET', url: `/api/staff/appointments/${appointmentId}/intake`, headers: await as('amira@demo.myomap.app') });
    expect(clinician.json().response.resourceType).toBe('QuestionnaireResponse');
    expect(clinician.json().answersHidden).toBe(false);
    expect((await auditActions('intake.status_read')).length).toBe(1);
  });

  it('refuses to start a note before its visit, then lets its author write it from the visit on', async () => {
    const amira = await as('amira@demo.myomap.app');
    const early = await t.app.inject({ method: 'POST', url: `/api/staff/sessions/${sessionId}/note`, headers: amira });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('visit_in_future');
    expect(await t.ctx.db.query('select 1 from session_notes where session_id = $1', [sessionId])).toHaveLength(0);

    t.clock.set('2026-12-01T05:00:00Z'); // the visit's start
    const created = await t.app.inject({ method: 'POST', url: `/api/staff/sessions/${sessionId}/note`, headers: amira });
    expect(created.statusCode).toBe(201);
    const noteId = created.json().id;
    expect((await t.app.inject({ method: 'PUT', url: `/api/staff/notes/${noteId}`, headers: amira, payload: { data: NOTE } })).statusCode).toBe(200);

    // Another therapist: refused unless they co-sign explicitly, and the co-sign is audited.
    const omar = await as('omar@demo.myomap.app');
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/notes/${noteId}`,
      headers: omar,
      payload: { data: { ...NOTE, plan: 'Changed by Omar' } },
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe('not_author');
    const sign = await t.app.inject({ method: 'POST', url: `/api/staff/notes/${noteId}/sign`, headers: omar });
    expect(sign.json().error.code).toBe('not_author');
    const view = await t.app.inject({ method: 'GET', url: `/api/staff/notes/${noteId}`, headers: omar });
    expect(view.json()).toMatchObject({ status: 'draft', data: { plan: 'Weekly for 4 weeks.' } });
    expect(await auditActions('note.cosign')).toHaveLength(0);

    const coEdit = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/notes/${noteId}`,
      headers: omar,
      payload: { data: { ...NOTE, plan: 'Fortnightly.' }, coSign: true },
    });
    expect(coEdit.statusCode).toBe(200);
    expect(coEdit.json().data.plan).toBe('Fortnightly.');
    expect((await auditActions('note.cosign')).map((r) => r.after)).toEqual([{ step: 'update', authorId: expect.any(String) }]);

    // Signing is also refused while the clock says the visit has not begun.
    t.clock.set('2026-12-01T04:30:00Z');
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/notes/${noteId}/sign`, headers: amira })).json().error.code).toBe('visit_in_future');
    t.clock.set('2026-12-01T06:00:00Z');
    const signed = await t.app.inject({ method: 'POST', url: `/api/staff/notes/${noteId}/sign`, headers: amira });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().status).toBe('signed');
  });

  it('lets only the author approve a draft plan, or a clinician who co-signs it', async () => {
    const amira = await as('amira@demo.myomap.app');
    const assessment = (await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: amira })).json();
    const plan = await t.app.inject({ method: 'POST', url: `/api/staff/assessments/${assessment.id}/plan`, headers: amira });
    expect(plan.statusCode).toBe(201);
    expect(plan.json().authorId).toEqual(expect.any(String));
    const doctor = await as('dr.yousef@demo.myomap.app');
    const refused = await t.app.inject({ method: 'POST', url: `/api/staff/plans/${plan.json().id}/approve`, headers: doctor });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('not_author');
    const coSigned = await t.app.inject({ method: 'POST', url: `/api/staff/plans/${plan.json().id}/approve`, headers: doctor, payload: { coSign: true } });
    expect(coSigned.statusCode).toBe(200);
    expect(coSigned.json().status).toBe('approved');
    expect((await auditActions('plan.cosign_draft')).map((r) => r.after)).toEqual([{ step: 'approve', authorId: expect.any(String) }]);
  });

  it('keeps alerts to clinicians and audits reading them', async () => {
    const reception = await t.app.inject({ method: 'GET', url: '/api/staff/alerts', headers: await as('reception@demo.myomap.app') });
    expect(reception.statusCode).toBe(403);
    expect(reception.json().error.code).toBe('forbidden');
    const therapist = await t.app.inject({ method: 'GET', url: '/api/staff/alerts', headers: await as('amira@demo.myomap.app') });
    expect(therapist.statusCode).toBe(200);
    expect(await auditActions('alerts.read')).toHaveLength(1);
  });

  it('audits the mailbox and hides symptom alerts in it from reception', async () => {
    await t.ctx.db.transaction((tx) =>
      enqueue(
        tx,
        {
          dedupeKey: 'test-alert',
          kind: 'staff_alert',
          recipient: 'amira@demo.myomap.app',
          subject: 'Same-day follow-up: Sara Hamdan',
          body: 'Sara reported chest pain.',
          attachments: [],
          sendAfter: t.clock.now(),
        },
        t.ctx.config.sessionSecret,
      ),
    );
    const desk = await t.app.inject({ method: 'GET', url: '/api/staff/mailbox', headers: await as('reception@demo.myomap.app') });
    expect(desk.statusCode).toBe(200);
    const alert = desk.json().find((m: { kind: string }) => m.kind === 'staff_alert');
    expect(alert).toMatchObject({ body: '', bodyHidden: true });
    const admin = await t.app.inject({ method: 'GET', url: '/api/staff/mailbox', headers: await as('admin@demo.myomap.app') });
    expect(admin.json().find((m: { kind: string }) => m.kind === 'staff_alert').body).toContain('chest pain');
    expect(await auditActions('mailbox.read')).toHaveLength(2);
  });

  it('audits reading the audit log and never shows a calendar-feed token in it', async () => {
    const admin = await as('admin@demo.myomap.app');
    const [{ calendar_token: token } = { calendar_token: '' }] = await t.ctx.db.query<{ calendar_token: string }>(
      "select calendar_token from practitioners where id = 'prac-amira'",
    );
    expect(token.length).toBeGreaterThan(10);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/staff/practitioners/prac-amira',
          headers: admin,
          payload: { title: { en: 'Senior NMT therapist', ar: 'معالج أول' } },
        })
      ).statusCode,
    ).toBe(200);
    // A row written before redaction at write time (the log is append-only, so such rows stay).
    await t.ctx.db.query(
      `insert into audit_log (actor_type, action, entity_type, entity_id, after) values ('system', 'practitioners.update', 'practitioner', 'prac-amira', $1)`,
      [JSON.stringify({ id: 'prac-amira', calendar_token: token, nested: { manageToken: 'abc' } })],
    );
    const stored = await t.ctx.db.query<{ after: unknown }>("select after from audit_log where action = 'practitioners.update' and actor_type = 'staff'");
    expect(JSON.stringify(stored)).not.toContain(token);
    const res = await t.app.inject({ method: 'GET', url: '/api/staff/audit?entityType=practitioner', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().length).toBeGreaterThanOrEqual(2);
    expect(res.body).not.toContain(token);
    expect(res.body).toContain('[redacted]');
    const reads = await auditActions('audit.read');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.after).toMatchObject({ entityType: 'practitioner', count: res.json().length });
  });
});
