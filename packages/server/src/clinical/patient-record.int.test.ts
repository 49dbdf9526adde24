import { answersFromQuestionnaireResponse } from '@myomap/domain/screening/screen-patient';
import { intakeQuestionnaire } from '@myomap/domain/screening/intake-questionnaire-data';
import { intake, painMap } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import type { PatientRecordOut } from '@myomap/contract/clinical/patients.schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

const CLINICAL_PARTS = ['screening', 'referrals', 'notes', 'plans', 'episodes'] as const;

describe.each(databaseTargets)('one patient record on %s', (target) => {
  let t: TestApp;
  let booking: { id: string; reference: string; manageToken: string };
  let patientId: string;
  let reception: Awaited<ReturnType<typeof signIn>>;
  let therapist: Awaited<ReturnType<typeof signIn>>;
  const intakeUrl = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;
  const record = async (headers: Record<string, string>): Promise<PatientRecordOut> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}`, headers });
    expect(res.statusCode).toBe(200);
    return res.json<PatientRecordOut>();
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        serviceId: 'svc-nmt-initial',
        practitionerId: 'prac-amira',
        start: '2026-12-01T09:00:00+04:00',
        patient: { name: 'Layla Haddad', email: 'layla@example.com', phone: '+971 50 123 4567', preferredLanguage: 'en' },
      },
    });
    expect(res.statusCode).toBe(201);
    booking = res.json();
    const [row] = await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booking.id]);
    patientId = row?.patient_id ?? '';
    reception = await signIn(t.app, 'reception@demo.myomap.app');
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
  });
  afterAll(async () => {
    await t.close();
  });

  it("opens an intake not started yet with the booking's name, phone and email", async () => {
    const view = await t.app.inject({ method: 'GET', url: intakeUrl() });
    expect(view.json().status).toBe('not_started');
    const answers = answersFromQuestionnaireResponse(view.json().response, intakeQuestionnaire);
    expect(answers).toMatchObject({ 'full-name': 'Layla Haddad', phone: '+971 50 123 4567', email: 'layla@example.com', 'preferred-language': 'en' });
    expect(answers['birth-date']).toBeUndefined();
  });

  it('fills empty fields from the submitted intake and keeps a different one for staff to accept', async () => {
    // The desk already took an emergency contact by phone: the intake must not overwrite it silently.
    const desk = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/patients/${patientId}`,
      headers: reception,
      payload: { emergencyContactName: 'Sami Haddad' },
    });
    expect(desk.statusCode).toBe(200);
    const answers = intake({
      'full-name': 'Layla Haddad',
      phone: '+971 50 123 4567',
      'birth-date': '1988-05-14',
      sex: 'female',
      'preferred-language': 'ar',
      'emergency-contact-name': 'Rana Haddad',
      'emergency-contact-phone': '+971 50 765 4321',
      'pain-map': painMap(['posterior_neck', 'right', 5], ['upper_trapezius_ridge', 'right', 6]),
    });
    const saved = await t.app.inject({ method: 'PUT', url: intakeUrl(), payload: { response: intakeResponse(answers), language: 'en' } });
    expect(saved.statusCode).toBe(200);
    // Progressive saves leave the record alone: only a submitted intake speaks for the patient.
    expect((await record(reception)).patient.dateOfBirth).toBeNull();
    const submitted = await t.app.inject({ method: 'POST', url: intakeUrl('/submit') });
    expect(submitted.statusCode).toBe(200);

    const after = await record(reception);
    expect(after.patient).toMatchObject({
      dateOfBirth: '1988-05-14',
      sex: 'female',
      emergencyContactPhone: '+971 50 765 4321',
      emergencyContactName: 'Sami Haddad',
      preferredLanguage: 'en',
    });
    expect(after.intakeSuggestions.map((s) => [s.field, s.value]).sort()).toEqual([
      ['emergencyContactName', 'Rana Haddad'],
      ['preferredLanguage', 'ar'],
    ]);
    const [audit] = await t.ctx.db.query<{ actor_type: string; actor_id: string; after: { intakeId: string } }>(
      `select actor_type, actor_id, after from audit_log where action = 'patients.intake_fill' and entity_id = $1`,
      [patientId],
    );
    expect(audit).toMatchObject({ actor_type: 'patient', actor_id: patientId });
    expect(
      after.changes
        .filter((c) => c.source === 'intake')
        .map((c) => c.field)
        .sort(),
    ).toEqual(['dateOfBirth', 'emergencyContactPhone', 'sex']);

    // One click accepts the intake's value: a PATCH, audited with before and after.
    const accept = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/patients/${patientId}`,
      headers: reception,
      payload: { emergencyContactName: 'Rana Haddad' },
    });
    expect(accept.statusCode).toBe(200);
    const accepted = await record(reception);
    expect(accepted.intakeSuggestions.map((s) => s.field)).toEqual(['preferredLanguage']);
    expect(accepted.changes[0]).toMatchObject({
      field: 'emergencyContactName',
      before: 'Sami Haddad',
      after: 'Rana Haddad',
      source: 'staff',
      by: expect.any(String),
    });
  });

  it('gives a therapist every section and leaves the clinical parts out for reception', async () => {
    const full = await record(therapist);
    for (const part of CLINICAL_PARTS) expect(full).toHaveProperty(part);
    expect(full.screening).toMatchObject({ outcome: 'proceed', referred: false, review: null });
    expect(full.intakes).toEqual([expect.objectContaining({ appointmentId: booking.id, status: 'submitted' })]);
    expect(full.upcomingAppointments.map((a) => a.id)).toEqual([booking.id]);
    expect(full.pastAppointments).toEqual([]);
    expect(full.messages.length).toBeGreaterThan(0);
    expect(full.messages[0]).not.toHaveProperty('bodyText');

    const desk = await record(reception);
    for (const part of CLINICAL_PARTS) expect(desk).not.toHaveProperty(part);
    expect(desk.assessments).toEqual([]);
    expect(desk.canSeeClinical).toBe(false);
    expect(desk.messages.map((m) => m.id)).toEqual(full.messages.map((m) => m.id));

    const reads = await t.ctx.db.query<{ actor_role: string; after: { sections: string[] } }>(
      `select actor_role, after from audit_log where action = 'patients.read' and entity_id = $1 order by id desc limit 2`,
      [patientId],
    );
    expect(reads.map((r) => [r.actor_role, r.after.sections.length > 0])).toEqual([
      ['reception', false],
      ['therapist', true],
    ]);
  });

  it('gives the name and contact alone, audited as a contact read rather than a record read', async () => {
    const contact = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}/contact`, headers: therapist });
    expect(contact.statusCode).toBe(200);
    const body = contact.json<Record<string, unknown>>();
    expect(body).toMatchObject({ id: patientId, name: expect.any(String) });
    expect(body).not.toHaveProperty('assessments');
    const [read] = await t.ctx.db.query<{ after: { sections: string[] } }>(
      `select after from audit_log where action = 'patients.read' and entity_id = $1 order by id desc limit 1`,
      [patientId],
    );
    expect(read?.after.sections).toEqual(['contact']);
    const missing = await t.app.inject({ method: 'GET', url: '/api/staff/patients/no-such-patient/contact', headers: therapist });
    expect(missing.statusCode).toBe(404);
  });

  it('shows a physician referral as a referral and flags the record referred', async () => {
    const physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
    const refer = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${patientId}/reviews`,
      headers: physician,
      payload: { decision: 'refer', notes: 'Needs imaging first.', referral: { to: 'Orthopaedics', tests: [], urgency: 'soon' } },
    });
    expect(refer.statusCode).toBe(201);
    const full = await record(therapist);
    expect(full.screening).toMatchObject({ referred: true, review: { decision: 'refer', physicianName: expect.any(String) } });
    expect(full.referrals).toEqual([expect.objectContaining({ source: 'physician', urgency: 'soon' })]);
  });

  it("seeds the first assessment's body chart from the intake's pain map, and only the first", async () => {
    const first = await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: therapist, payload: {} });
    expect(first.statusCode).toBe(201);
    const seeded = await t.app.inject({ method: 'GET', url: `/api/staff/assessments/${first.json().id}`, headers: therapist });
    expect(seeded.json().data.painMap).toEqual([
      { zone: 'posterior_neck', side: 'right', intensity: 5 },
      { zone: 'upper_trapezius_ridge', side: 'right', intensity: 6 },
    ]);
    expect(seeded.json().painMapFromIntake).toMatchObject({ intakeId: expect.any(String) });
    const zones = await t.ctx.db.query('select zone, side, intensity from assessment_pain_zones where assessment_id = $1 order by zone', [first.json().id]);
    expect(zones).toEqual([
      { zone: 'posterior_neck', side: 'right', intensity: 5 },
      { zone: 'upper_trapezius_ridge', side: 'right', intensity: 6 },
    ]);

    const second = await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: therapist, payload: {} });
    const plain = await t.app.inject({ method: 'GET', url: `/api/staff/assessments/${second.json().id}`, headers: therapist });
    expect(plain.json().data.painMap).toEqual([]);
    expect(plain.json().painMapFromIntake).toBeNull();
  });

  it('starts an empty chart when the intake has no usable pain map', async () => {
    const desk = await t.app.inject({
      method: 'POST',
      url: '/api/staff/patients',
      headers: reception,
      payload: { name: 'Nour Saleh', email: 'nour@example.com' },
    });
    const created = await t.app.inject({ method: 'POST', url: `/api/staff/patients/${desk.json().id}/assessments`, headers: therapist, payload: {} });
    const view = await t.app.inject({ method: 'GET', url: `/api/staff/assessments/${created.json().id}`, headers: therapist });
    expect(view.json()).toMatchObject({ data: { painMap: [] }, painMapFromIntake: null });
  });
});
