import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { markDropOuts } from './mark-drop-outs.ts';

/**
 * Episodes, measures, drop-outs and the outcome report on a real database. The report is checked
 * against a hand-computed fixture built through the API, with the clock moving through the weeks:
 *   A  NPRS 7 → 4, discharged            responder (3 ≥ MCID 2 and MDC 2)
 *   B  NPRS 6 → 5, discharged            non-responder
 *   C  NPRS 5, discharged, no follow-up  no follow-up
 *   D  NPRS 8 → 5, then silence          dropped out (improved, not credited)
 *   E  LEFS 40 → 45, still in care       in care
 * Success rate 1/5 = 20%, Wilson 95% 3.6%–62.4%.
 */
const DAY = 86_400_000;
const SIX_WEEKS = 42 * DAY;
const config = { sessionIdleMinutes: 7 * 24 * 60 * 20, sessionMaxHours: 24 * 7 * 20 };

describe.each(databaseTargets)('outcomes on %s', (target) => {
  let test: TestApp;
  let therapist: Awaited<ReturnType<typeof signIn>>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let reception: Awaited<ReturnType<typeof signIn>>;
  const patients: string[] = [];

  beforeAll(async () => {
    test = await createTestApp(target, { now: '2026-09-01T06:00:00Z', config });
    therapist = await signIn(test.app, 'amira@demo.myomap.app');
    admin = await signIn(test.app, 'admin@demo.myomap.app');
    reception = await signIn(test.app, 'reception@demo.myomap.app');
    for (const name of ['Patient A', 'Patient B', 'Patient C', 'Patient D', 'Patient E', 'Patient F']) {
      const [row] = await test.ctx.db.query<{ id: string }>(`insert into patients (name, email) values ($1, $2) returning id`, [
        name,
        `${name.replace(' ', '.').toLowerCase()}@example.com`,
      ]);
      patients.push((row as { id: string }).id);
    }
    // Three sign-ins hash passwords with argon2 on a fresh database: slow on a loaded machine.
  }, 180_000);
  afterAll(() => test.close());

  const post = (url: string, payload: object, headers = therapist) => test.app.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = therapist) => test.app.inject({ method: 'GET', url, headers });
  const open = async (patient: string, primaryInstrumentId = 'nprs', region = 'cervical') => {
    const response = await post(`/api/staff/patients/${patient}/episodes`, {
      complaint: 'neck pain',
      region,
      primaryInstrumentId,
      practitionerId: 'prac-amira',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const nprs = (episode: string, pain: number | null) =>
    post(`/api/staff/episodes/${episode}/measurements`, { instrumentId: 'nprs', language: 'en', answers: { pain_24h: pain } });
  const count = async () => Number((await test.ctx.db.query<{ n: string }>('select count(*) as n from measurements'))[0]?.n);

  it('builds the fixture through the API, refusing bad answers without storing them', async () => {
    const [a, b, c, d] = [
      await open(patients[0] as string),
      await open(patients[1] as string),
      await open(patients[2] as string),
      await open(patients[3] as string),
    ];
    const e = await open(patients[4] as string, 'lefs', 'thigh_knee');
    for (const [episode, pain] of [
      [a, 7],
      [b, 6],
      [c, 5],
      [d, 8],
    ] as const)
      expect((await nprs(episode, pain)).statusCode).toBe(201);
    const items = await get('/api/staff/instruments');
    const lefsItems =
      items
        .json<{ id: string; items: { id: string }[] }[]>()
        .find((i) => i.id === 'lefs')
        ?.items.map((i) => i.id) ?? [];
    const lefsAnswers = (total: number) => Object.fromEntries(lefsItems.map((id, i) => [id, i < total % 20 ? Math.ceil(total / 20) : Math.floor(total / 20)]));
    expect((await post(`/api/staff/episodes/${e}/measurements`, { instrumentId: 'lefs', language: 'ar', answers: lefsAnswers(40) })).statusCode).toBe(201);

    const before = await count();
    const offScale = await nprs(a, 11);
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json().error.code).toBe('validation_failed');
    const unknownItem = await post(`/api/staff/episodes/${a}/measurements`, { instrumentId: 'nprs', language: 'en', answers: { mood: 3 } });
    expect(unknownItem.json().error.code).toBe('validation_failed');
    const licensed = await post(`/api/staff/episodes/${a}/measurements`, { instrumentId: 'quickdash', language: 'en', answers: { item_1: 3 } });
    expect(licensed.statusCode).toBe(422);
    expect(licensed.json().error.code).toBe('instrument_not_licensed');
    expect(await count()).toBe(before);

    test.clock.advance(21 * DAY);
    expect((await nprs(a, 4)).statusCode).toBe(201);
    expect((await nprs(b, 5)).statusCode).toBe(201);
    expect((await nprs(d, 5)).statusCode).toBe(201);
    expect((await post(`/api/staff/episodes/${e}/measurements`, { instrumentId: 'lefs', language: 'en', answers: lefsAnswers(45) })).statusCode).toBe(201);
    for (const episode of [a, b, c]) expect((await post(`/api/staff/episodes/${episode}/discharge`, { reason: 'goals_met' })).statusCode).toBe(200);

    const closed = await nprs(a, 2);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('episode_closed');
    expect((await post(`/api/staff/episodes/${a}/discharge`, { reason: 'plateau' })).json().error.code).toBe('episode_closed');
  });

  it('stores an answered but unscorable measure with its answers and no score: never a 0', async () => {
    const episode = await open(patients[5] as string, 'lefs', 'leg_foot');
    const response = await post(`/api/staff/episodes/${episode}/measurements`, { instrumentId: 'lefs', language: 'en', answers: { hopping: 2, stairs: null } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ score: null, missingHandling: null, answers: { hopping: 2, stairs: null } });
    expect(response.json().missingItems).toHaveLength(19);
    const progress = await get(`/api/staff/episodes/${episode}`);
    expect(progress.json().progress.status).toBe('no_baseline');
    await post(`/api/staff/episodes/${episode}/discharge`, { reason: 'patient_choice' });
  });

  it('lets a clinic that holds a licence use a licensed instrument', async () => {
    await test.ctx.db.query(`update clinic set licensed_instruments = '{quickdash}'`);
    const episode = await open(patients[5] as string, 'quickdash', 'shoulder_upper_extremity');
    const answers = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`item_${i + 1}`, 3]));
    const response = await post(`/api/staff/episodes/${episode}/measurements`, { instrumentId: 'quickdash', language: 'en', answers });
    expect(response.json()).toMatchObject({ score: 50, missingHandling: 'complete' });
    await post(`/api/staff/episodes/${episode}/discharge`, { reason: 'referred_on' });
    await test.ctx.db.query(`update clinic set licensed_instruments = '{}'`);
  });

  it('shows one episode’s progress: series, change from baseline, and the re-assessment prompt', async () => {
    const list = await get(`/api/staff/patients/${patients[3]}/episodes`);
    expect(list.statusCode).toBe(200);
    const [episode] = list.json<{ id: string }[]>();
    const progress = await get(`/api/staff/episodes/${episode?.id}`);
    expect(progress.statusCode).toBe(200);
    const body = progress.json();
    expect(body.series[0].measurements.map((m: { score: number }) => m.score)).toEqual([8, 5]);
    expect(body.series[0].measurements[1].changeFromBaseline).toMatchObject({ improvement: 3, direction: 'improved' });
    expect(body.progress).toMatchObject({ status: 'improving', weeks: 3 });
    expect(body.goals).toEqual([]);
    const audited = await test.ctx.db.query(`select 1 from audit_log where action = 'episodes.read' and entity_id = $1`, [episode?.id]);
    expect(audited).toHaveLength(1);
  });

  /** A visit with a session and a note naming techniques, written directly: the treatment flow has its own tests. */
  const visit = async (patient: string, startsAt: string, techniques: object[]) => {
    const end = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
    const [appointment] = await test.ctx.db.query<{ id: string }>(
      `insert into appointments (reference, kind, service_id, practitioner_id, patient_id, starts_at, ends_at, occupied, source)
       values ($1, 'visit', 'svc-nmt-follow-60', 'prac-amira', $2, $3, $4, tstzrange($3::timestamptz, $4::timestamptz, '[)'), 'staff') returning id`,
      [`OUT-${startsAt}`, patient, startsAt, end],
    );
    const [session] = await test.ctx.db.query<{ id: string }>(
      `insert into treatment_sessions (appointment_id, patient_id, therapist_id, started_at) values ($1, $2, 'user-amira', $3) returning id`,
      [appointment?.id, patient, startsAt],
    );
    await test.ctx.db.query(`insert into session_notes (session_id, patient_id, author_id, data) values ($1, $2, 'user-amira', $3)`, [
      session?.id,
      patient,
      JSON.stringify({ techniques }),
    ]);
    return session?.id as string;
  };

  it('puts the episode’s visits and the techniques done on the progress view’s time axis', async () => {
    const patient = patients[3] as string;
    // Before the episode started (1 September): not part of it.
    await visit(patient, '2026-08-25T06:00:00Z', [{ techniqueId: 'ischemic_compression', done: true }]);
    // 21:00 UTC on 7 September is 01:00 on the 8th in Dubai: the clinic's date is what counts.
    const inside = await visit(patient, '2026-09-07T21:00:00Z', [
      { techniqueId: 'ischemic_compression', muscleId: 'upper_trapezius', done: true },
      { techniqueId: 'spray_and_stretch', muscleId: 'upper_trapezius', done: false },
      { techniqueId: 'ischemic_compression', muscleId: 'levator_scapulae', done: true },
      // Written before the `done` flag existed: done.
      { techniqueId: 'muscle_energy', muscleId: 'scalenes' },
    ]);
    const episode = (await get(`/api/staff/patients/${patient}/episodes`)).json<{ id: string }[]>()[0];
    const progress = (await get(`/api/staff/episodes/${episode?.id}`)).json();
    expect(progress.visits).toEqual([{ on: '2026-09-08', sessionId: inside, techniques: ['ischemic_compression', 'muscle_energy'] }]);
    // Another patient's episode does not show D's visits.
    const other = (await get(`/api/staff/patients/${patients[1]}/episodes`)).json<{ id: string }[]>()[0];
    expect((await get(`/api/staff/episodes/${other?.id}`)).json().visits).toEqual([]);
  });

  it('ends silent episodes as drop-outs after the clinic’s number of weeks, on read and by the task', async () => {
    test.clock.advance(SIX_WEEKS - DAY);
    expect(await markDropOuts(test.ctx)).toBe(0);
    test.clock.advance(DAY);
    // D and E were last heard from on 22 September: six weeks later, on 3 November, both drop out.
    const e = (await get(`/api/staff/patients/${patients[4]}/episodes`)).json<{ id: string }[]>()[0]?.id;
    expect(e).toBeDefined();
    const d = (await get(`/api/staff/patients/${patients[3]}/episodes`)).json<{ id: string; status: string }[]>()[0];
    expect((await get(`/api/staff/episodes/${d?.id}`)).json().effectiveStatus).toBe('dropped_out');
    expect(await markDropOuts(test.ctx)).toBe(2);
    expect((await get(`/api/staff/patients/${patients[3]}/episodes`)).json()[0]).toMatchObject({ status: 'dropped_out', endedOn: '2026-11-03' });
  });

  it('reports the success rate over every episode started, with each other group shown', async () => {
    // A fresh episode for F stays in care.
    const f = await open(patients[5] as string, 'nprs', 'lumbar');
    expect((await nprs(f, 6)).statusCode).toBe(201);
    const report = await get('/api/staff/reports/outcomes?from=2026-09-01&to=2026-12-31', admin);
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    // A responder; B non-responder; C, the unscorable LEFS and the QuickDASH episodes had no follow-up;
    // D and E dropped out (D had improved: reported, not credited); F is in care.
    expect(body.groups).toEqual({ responder: 1, non_responder: 1, no_follow_up: 3, dropped_out: 2, in_care: 1 });
    expect(body.started).toBe(8);
    expect(body.successRate).toMatchObject({ numerator: 1, denominator: 8, rate: 0.125 });
    expect(body.successRate.ci95.low).toBeCloseTo(0.0224, 3);
    expect(body.successRate.ci95.high).toBeCloseTo(0.4709, 3);
    expect(body.droppedOutImprovedAtLastMeasure).toBe(1);
    expect(body.medianImprovement).toEqual([
      { instrumentId: 'lefs', n: 1, median: 5 },
      { instrumentId: 'nprs', n: 3, median: 3 },
    ]);
    expect(body.daysToMeaningfulChange).toEqual({ n: 2, median: 21 });
  });

  it('exports the report as CSV', async () => {
    const csv = await get('/api/staff/reports/outcomes.csv?from=2026-09-01&to=2026-12-31', admin);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, clinic] = csv.body.split('\r\n');
    expect(header).toBe('breakdown,group,started,responders,non_responders,no_follow_up,dropped_out,in_care,success_rate,ci95_low,ci95_high');
    expect(clinic).toMatch(/^clinic,2026-09-01\.\.2026-12-31,8,1,1,3,2,1,0\.125,0\.022\d,0\.470\d$/);
  });

  it('keeps the figures to the roles the permission table names, and refuses a bad period', async () => {
    expect((await get(`/api/staff/patients/${patients[0]}/episodes`, reception)).statusCode).toBe(403);
    expect((await get('/api/staff/reports/outcomes?from=2026-09-01&to=2026-12-31', therapist)).statusCode).toBe(403);
    expect(
      (await post(`/api/staff/patients/${patients[0]}/episodes`, { complaint: 'x', region: 'cervical', primaryInstrumentId: 'nprs' }, admin)).statusCode,
    ).toBe(403);
    const backwards = await get('/api/staff/reports/outcomes?from=2026-12-31&to=2026-09-01', admin);
    expect(backwards.json().error.code).toBe('invalid_range');
    const badRegion = await post(`/api/staff/patients/${patients[0]}/episodes`, { complaint: 'neck pain', region: 'moon', primaryInstrumentId: 'nprs' });
    expect(badRegion.statusCode).toBe(400);
    const noPatient = await post('/api/staff/patients/nobody/episodes', { complaint: 'neck pain', region: 'cervical', primaryInstrumentId: 'nprs' });
    expect(noPatient.statusCode).toBe(404);
    // Opened by Amira without naming a practitioner: the episode is hers (after the report's figures above).
    const own = await post(`/api/staff/patients/${patients[5]}/episodes`, { complaint: 'calf pain', region: 'leg_foot', primaryInstrumentId: 'nprs' });
    expect(own.json()).toMatchObject({ practitionerId: 'prac-amira' });
  });
});
