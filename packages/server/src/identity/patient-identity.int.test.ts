import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { SIGNATURE } from '../test-support/clinical-fixtures.ts';

type Booking = { id: string; reference: string; manageToken: string };
type Headers = { cookie: string; 'x-csrf-token': string };

describe.each(databaseTargets)('patient identity: online bookings and merges on %s', (target) => {
  let t: TestApp;
  let reception: Headers;
  let therapist: Headers;
  let physician: Headers;
  let original: Booking;
  let keptId = '';

  const book = async (start: string, practitionerId: string, patient: Record<string, string>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/bookings', payload: { serviceId: 'svc-nmt-initial', practitionerId, start, patient } });
    expect(res.statusCode).toBe(201);
    return res.json<Booking>();
  };
  const patientOf = async (appointmentId: string) =>
    (await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [appointmentId]))[0]?.patient_id ?? '';
  const patientRow = async (id: string) => (await t.ctx.db.query('select * from patients where id = $1', [id]))[0];
  const completeIntake = async (booking: Booking, answers: ReturnType<typeof intake>, name: string) => {
    const url = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;
    expect((await t.app.inject({ method: 'PUT', url: url(), payload: { response: intakeResponse(answers), language: 'en' } })).statusCode).toBe(200);
    const submitted = await t.app.inject({ method: 'POST', url: url('/submit') });
    expect(submitted.statusCode).toBe(200);
    const consent = await t.app.inject({
      method: 'POST',
      url: url('/consent'),
      payload: { version: currentConsentVersion, language: 'en', typedName: name, signature: SIGNATURE },
    });
    expect(consent.statusCode).toBe(201);
    return submitted.json<{ outcome: string }>().outcome;
  };
  const startSession = (appointmentId: string) =>
    t.app.inject({ method: 'POST', url: `/api/staff/appointments/${appointmentId}/sessions`, headers: therapist });

  beforeAll(async () => {
    // One family books several visits with one email; sessions outlast the moving clock.
    t = await createTestApp(target, { config: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 7 * 24, onlineBookingsPerContact: 100 } });
    reception = await signIn(t.app, 'reception@demo.myomap.app');
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
    // An established patient: booked online, checked in by reception, screened, referred on by a physician.
    original = await book('2026-12-01T09:00:00+04:00', 'prac-amira', { name: 'Khalid Omar', email: 'khalid@example.com', phone: '050 111 2222' });
    keptId = await patientOf(original.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/patients/${keptId}/verify`, headers: reception })).statusCode).toBe(200);
    t.clock.advance(60_000);
    const outcome = await completeIntake(
      original,
      intake({ 'full-name': 'Khalid Omar', 'nmd-weakness-main': true, 'nmd-progressive': true, 'nmd-twitching': true, 'nmd-rapid': false }),
      'Khalid Omar',
    );
    expect(outcome).toBe('refer_before_treatment');
    t.clock.advance(60_000);
    const refer = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${keptId}/reviews`,
      headers: physician,
      payload: { decision: 'refer', notes: 'Progressive weakness with fasciculations.', referral: { to: 'Neurology', tests: ['EMG'], urgency: 'soon' } },
    });
    expect(refer.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('never changes an existing patient from a public booking or waitlist request, even with their name and email', async () => {
    const before = await patientRow(keptId);
    const second = await book('2026-12-01T09:00:00+04:00', 'prac-omar', { name: 'khalid omar', email: 'KHALID@example.com', phone: '+971 55 999 8888' });
    const waitlist = await t.app.inject({
      method: 'POST',
      url: '/api/waitlist',
      payload: {
        serviceId: 'svc-nmt-initial',
        dateFrom: '2026-12-09',
        dateTo: '2026-12-11',
        patient: { name: 'Khalid Omar', email: 'khalid@example.com', phone: '0559998888' },
      },
    });
    expect(waitlist.statusCode).toBe(201);
    expect(await patientRow(keptId)).toEqual(before);
    const newId = await patientOf(second.id);
    expect(newId).not.toBe(keptId);
    expect(await patientRow(newId)).toMatchObject({ identity_status: 'self_registered', phone: '+971 55 999 8888' });
    expect(await t.ctx.db.query('select id from appointments where patient_id = $1', [keptId])).toEqual([{ id: original.id }]);
  });

  it('keeps the physician referral in force through a self-reported intake, a clearance on the duplicate and a merge', async () => {
    const second = await book('2026-12-01T11:00:00+04:00', 'prac-amira', { name: 'Khalid Omar', email: 'khalid@example.com', phone: '055 444 3333' });
    const duplicateId = await patientOf(second.id);
    t.clock.advance(60_000);
    expect(await completeIntake(second, intake({ 'full-name': 'Khalid Omar' }), 'Khalid Omar')).toBe('proceed');

    // Unmerged, the new record may hide the referral: nobody treats until staff check who it is.
    const refused = await startSession(second.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('identity_check_required');

    const duplicates = await t.app.inject({ method: 'GET', url: '/api/staff/patient-duplicates', headers: reception });
    expect(duplicates.statusCode).toBe(200);
    const entry = duplicates.json().find((d: { patient: { id: string } }) => d.patient.id === duplicateId);
    // The submitted intake filled the new record's date of birth, so that matches too.
    expect(entry.matches[0]).toMatchObject({ patientId: keptId, strength: 'strong', reasons: ['email', 'name', 'date_of_birth'] });

    // A physician who sees only the duplicate clears it; that must not lift the referral on the kept record.
    t.clock.advance(60_000);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/staff/patients/${duplicateId}/reviews`,
          headers: physician,
          payload: { decision: 'clear', notes: 'Screen clear.' },
        })
      ).statusCode,
    ).toBe(201);

    const previewUrl = `/api/staff/patients/${keptId}/merge-preview?duplicateId=${duplicateId}`;
    const asReception = (await t.app.inject({ method: 'GET', url: previewUrl, headers: reception })).json();
    expect(asReception.kept.safety).toBeNull();
    expect(asReception.duplicate.counts).toMatchObject({ screenings: 1, consents: 1, physicianReviews: 1 });
    const asTherapist = (await t.app.inject({ method: 'GET', url: previewUrl, headers: therapist })).json();
    expect(asTherapist.kept.safety.physicianDecision.decision).toBe('refer');
    expect(asTherapist.duplicate.safety.physicianDecision.decision).toBe('clear');

    const mergeUrl = `/api/staff/patients/${keptId}/merge`;
    expect((await t.app.inject({ method: 'POST', url: mergeUrl, headers: therapist, payload: { duplicateId, identityChecked: true } })).statusCode).toBe(403);
    const unchecked = await t.app.inject({ method: 'POST', url: mergeUrl, headers: reception, payload: { duplicateId } });
    expect(unchecked.json().error.code).toBe('validation_failed');
    expect(await patientRow(duplicateId)).toMatchObject({ identity_status: 'self_registered' });

    t.clock.advance(60_000);
    const merged = await t.app.inject({
      method: 'POST',
      url: mergeUrl,
      headers: reception,
      payload: { duplicateId, identityChecked: true, keep: { phone: 'duplicate' } },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().patient).toMatchObject({ id: keptId, phone: '055 444 3333', name: 'Khalid Omar', identityStatus: 'verified' });
    expect(merged.json().moved).toMatchObject({ appointments: 1, intake_responses: 1, screenings: 1, consents: 1, physician_reviews: 1 });
    expect(await patientRow(duplicateId)).toMatchObject({ identity_status: 'merged', merged_into_id: keptId });
    expect(await patientOf(second.id)).toBe(keptId);

    // The newest screen (proceed) and the newest review (clear) came from the duplicate; the referral stands.
    const safety = (await t.app.inject({ method: 'GET', url: `/api/staff/patients/${keptId}/safety`, headers: therapist })).json();
    expect(safety.screening.outcome).toBe('proceed');
    expect(safety.gate.blocks).toEqual(['referred_by_physician']);
    const stillRefused = await startSession(second.id);
    expect(stillRefused.json().error.code).toBe('referred_by_physician');

    const [audit] = await t.ctx.db.query<{
      before: { kept: { phone: string }; duplicate: { id: string } };
      after: { kept: { phone: string }; moved: Record<string, number> };
    }>(`select before, after from audit_log where action = 'patients.merge' and entity_id = $1`, [keptId]);
    expect(audit?.before.kept.phone).toBe('050 111 2222');
    expect(audit?.before.duplicate.id).toBe(duplicateId);
    expect(audit?.after.kept.phone).toBe('055 444 3333');

    // Only a physician lifts it.
    t.clock.advance(60_000);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/staff/patients/${keptId}/reviews`,
          headers: physician,
          payload: { decision: 'clear_with_precautions', notes: 'EMG normal.', precautions: ['Light pressure'] },
        })
      ).statusCode,
    ).toBe(201);
    const started = await startSession(second.id);
    expect(started.statusCode).toBe(201);
    expect(started.json().precautions).toContainEqual({ en: 'Light pressure', ar: 'Light pressure' });

    // Merging the same record again is refused; the append-only records stay append-only outside a merge.
    const again = await t.app.inject({ method: 'POST', url: mergeUrl, headers: reception, payload: { duplicateId, identityChecked: true } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('patient_merged');
    await expect(t.ctx.db.query('update screenings set patient_id = $1 where patient_id = $2', [duplicateId, keptId])).rejects.toMatchObject({ code: 'P0001' });
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await tx.query(`select set_config('myomap.merging_patient_id', $1, true)`, [keptId]);
        await tx.query(`update physician_reviews set decision = 'clear' where patient_id = $1`, [keptId]);
      }),
    ).rejects.toMatchObject({ code: 'P0001' });
  });

  it('lets reception confirm a self-registered record is a different person, which lifts the identity block', async () => {
    const sibling = await book('2026-12-01T09:00:00+04:00', 'prac-sara', { name: 'Mona Omar', email: 'khalid@example.com' });
    const siblingId = await patientOf(sibling.id);
    t.clock.advance(60_000);
    await completeIntake(sibling, intake({ 'full-name': 'Mona Omar' }), 'Mona Omar');
    expect((await startSession(sibling.id)).json().error.code).toBe('identity_check_required');
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/patients/${siblingId}/verify`, headers: therapist })).statusCode).toBe(403);
    const verified = await t.app.inject({ method: 'POST', url: `/api/staff/patients/${siblingId}/verify`, headers: reception });
    expect(verified.json().identityStatus).toBe('verified');
    expect((await startSession(sibling.id)).statusCode).toBe(201);
  });

  it.each([
    ['itself', () => keptId, 400, 'validation_failed'],
    ['an unknown patient', () => 'no-such-patient', 404, 'not_found'],
  ])('refuses to merge a patient into %s and changes nothing', async (_name, duplicateId, status, code) => {
    const before = await t.ctx.db.query('select * from patients order by id');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${keptId}/merge`,
      headers: reception,
      payload: { duplicateId: duplicateId(), identityChecked: true },
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await t.ctx.db.query('select * from patients order by id')).toEqual(before);
  });
});
