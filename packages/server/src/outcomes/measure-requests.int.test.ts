import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueConfirmationAndReminder } from '../scheduling/enqueue-appointment-messages.ts';
import { findAppointmentById } from '../stores/appointment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { markDropOuts } from './mark-drop-outs.ts';
import { raiseProgressPrompts } from './raise-progress-prompts.ts';

/**
 * The measurement schedule, patients answering from a link, a note's pain becoming the visit's
 * NPRS, one last-activity rule and the re-assessment prompt, on a real database. Visits are
 * written straight into the tables (the safety gate has its own tests); everything else goes
 * through the API as a clinic would use it.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const config = { sessionIdleMinutes: 7 * 24 * 60 * 20, sessionMaxHours: 24 * 7 * 20 };

describe.each(databaseTargets)('measure schedule and patient links on %s', (target) => {
  let test: TestApp;
  let therapist: Awaited<ReturnType<typeof signIn>>;
  let reception: Awaited<ReturnType<typeof signIn>>;
  let amiraUserId: string;
  const patients: string[] = [];
  let visitSeq = 0;

  beforeAll(async () => {
    test = await createTestApp(target, { now: '2026-09-01T06:00:00Z', config });
    therapist = await signIn(test.app, 'amira@demo.myomap.app');
    reception = await signIn(test.app, 'reception@demo.myomap.app');
    for (const [name, language] of [
      ['Layla K', 'ar'],
      ['Omar S', 'en'],
      ['Noor H', 'en'],
      ['Hana M', 'en'],
    ] as const) {
      const [row] = await test.ctx.db.query<{ id: string }>(`insert into patients (name, email, preferred_language) values ($1, $2, $3) returning id`, [
        name,
        `${name.replace(' ', '.').toLowerCase()}@example.com`,
        language,
      ]);
      patients.push((row as { id: string }).id);
    }
    const [user] = await test.ctx.db.query<{ id: string }>(`select id from staff_users where email = 'amira@demo.myomap.app'`);
    amiraUserId = user?.id ?? '';
    // Sign-ins hash passwords with argon2 on a fresh database: slow on a loaded machine.
  }, 180_000);
  afterAll(() => test.close());

  const post = (url: string, payload: object, headers: Record<string, string> = therapist) => test.app.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers: Record<string, string> = therapist) => test.app.inject({ method: 'GET', url, headers });
  const open = async (patient: string, region: string, primaryInstrumentId: string) => {
    const response = await post(`/api/staff/patients/${patient}/episodes`, { complaint: 'pain', region, primaryInstrumentId, practitionerId: 'prac-amira' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const tokenOf = (url: string) => url.split('/measures/')[1] ?? '';
  const measurements = (episode: string) =>
    test.ctx.db.query<{ instrument_id: string; score: number | null; source: string; session_note_id: string | null }>(
      `select instrument_id, score, source, session_note_id from measurements where episode_id = $1 order by created_at`,
      [episode],
    );
  /** A visit that has started: appointment, treatment session and (optionally) a draft note by Amira. */
  const visit = async (patient: string, note?: { pain: number | null; zones?: string[] }) => {
    visitSeq += 1;
    // Ten-minute visits, each earlier than the last on the same day, so none clash on Amira's calendar.
    const start = new Date(test.clock.now().getTime() - visitSeq * 10 * 60_000);
    const end = new Date(start.getTime() + 10 * 60_000);
    const [appointment] = await test.ctx.db.query<{ id: string }>(
      `insert into appointments (reference, service_id, practitioner_id, patient_id, starts_at, ends_at, occupied, source, status)
       values ($1, 'svc-nmt-follow-60', 'prac-amira', $2, $3, $4, tstzrange($3, $4, '[)'), 'staff', 'confirmed') returning id`,
      [`MYO-T${String(visitSeq).padStart(5, '0')}`, patient, start.toISOString(), end.toISOString()],
    );
    const [session] = await test.ctx.db.query<{ id: string }>(
      `insert into treatment_sessions (appointment_id, patient_id, therapist_id, started_at) values ($1, $2, $3, $4) returning id`,
      [appointment?.id, patient, amiraUserId, start.toISOString()],
    );
    if (!note) return { sessionId: session?.id ?? '' };
    const data = {
      subjective: { report: 'Better this week.', pain: note.pain },
      objective: { findings: '', painMap: (note.zones ?? []).map((zone) => ({ zone, intensity: 5 })), triggerPointsTreated: [] },
      assessment: 'Improving.',
      plan: 'Continue.',
      techniques: [],
      response: '',
      adverseEvent: null,
    };
    const [row] = await test.ctx.db.query<{ id: string }>(
      `insert into session_notes (session_id, patient_id, author_id, data) values ($1, $2, $3, $4) returning id`,
      [session?.id, patient, amiraUserId, JSON.stringify(data)],
    );
    return { sessionId: session?.id ?? '', noteId: row?.id ?? '' };
  };

  let knee: string;
  let tabletToken: string;

  it('schedules the region measure, PSFS and NPRS at baseline, skipping a licensed measure the clinic has not enabled', async () => {
    knee = await open(patients[0] as string, 'thigh_knee', 'lefs');
    const schedule = (await get(`/api/staff/episodes/${knee}`)).json().schedule;
    expect(schedule.regionInstrumentId).toBe('lefs');
    expect(schedule.due.map((d: { instrumentId: string; reason: string }) => `${d.instrumentId}:${d.reason}`)).toEqual([
      'lefs:baseline',
      'psfs:baseline',
      'nprs:baseline',
    ]);
    expect(schedule.due.find((d: { instrumentId: string }) => d.instrumentId === 'psfs').patientCanAnswer).toBe(false);
    expect(schedule.atDischarge).toEqual(['groc']);

    const back = await open(patients[1] as string, 'lumbar', 'nprs');
    const lumbar = (await get(`/api/staff/episodes/${back}`)).json().schedule;
    expect(lumbar.regionInstrumentId).toBeNull();
    expect(lumbar.skipped).toEqual([{ instrumentId: 'odi', reason: 'not_licensed' }]);
  });

  it('makes a tablet link with what is due, which shows the questions in both languages and no patient', async () => {
    const created = await post(`/api/staff/episodes/${knee}/measure-requests`, {}, reception);
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json<{ url: string; expiresAt: string; instruments: string[] }>();
    // PSFS has no baseline activities yet: the clinician takes it, the link does not ask it.
    expect(body.instruments).toEqual(['lefs', 'nprs']);
    expect(new Date(body.expiresAt).getTime() - test.clock.now().getTime()).toBe(4 * HOUR);
    tabletToken = tokenOf(body.url);
    expect(await test.ctx.db.query(`select 1 from measure_requests where token_hash = $1`, [tabletToken])).toHaveLength(0);
    expect(await test.ctx.db.query(`select 1 from audit_log where action = 'measure_requests.create'`)).toHaveLength(1);

    const form = await test.app.inject({ method: 'GET', url: `/api/measures/${tabletToken}` });
    expect(form.statusCode).toBe(200);
    const page = form.json();
    expect(page).toMatchObject({ status: 'open', language: 'ar' });
    expect(page.instruments.map((i: { id: string }) => i.id)).toEqual(['lefs', 'nprs']);
    expect(page.instruments[1].items[0]).toMatchObject({ id: 'pain_24h', min: 0, max: 10 });
    expect(page.instruments[1].items[0].text.ar).toMatch(/[\u0600-\u06FF]/);
    expect(form.body).not.toContain('Layla');
    expect(form.body).not.toContain('@example.com');
  });

  it('refuses answers off the scale or not asked, storing nothing', async () => {
    for (const answers of [{ nprs: { pain_24h: 11 } }, { groc: { change: 3 } }, { nprs: { mood: 2 } }]) {
      const response = await post(`/api/measures/${tabletToken}`, { language: 'ar', answers }, {});
      expect(response.statusCode, JSON.stringify(answers)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect(await measurements(knee)).toHaveLength(0);
    expect((await test.app.inject({ method: 'GET', url: `/api/measures/${tabletToken}` })).json().status).toBe('open');
  });

  it('stores the answers once, scored, as the tablet’s; a second submit is a 409', async () => {
    // Every LEFS item skipped: not stored (not measured), never a 0.
    const answered = await post(`/api/measures/${tabletToken}`, { language: 'ar', answers: { nprs: { pain_24h: 6 }, lefs: { usual_activities: null } } }, {});
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toEqual({ status: 'completed', recorded: ['nprs'] });
    expect(await measurements(knee)).toEqual([{ instrument_id: 'nprs', score: 6, source: 'clinic_tablet', session_note_id: null }]);

    const again = await post(`/api/measures/${tabletToken}`, { language: 'ar', answers: { nprs: { pain_24h: 2 } } }, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('measures_already_answered');
    expect(await measurements(knee)).toHaveLength(1);
    const page = (await test.app.inject({ method: 'GET', url: `/api/measures/${tabletToken}` })).json();
    expect(page).toMatchObject({ status: 'completed', instruments: [] });
  });

  it('answers an expired or unknown link with the same 404, and never touches another patient', async () => {
    const other = await open(patients[2] as string, 'cervical', 'nprs');
    const created = (await post(`/api/staff/episodes/${other}/measure-requests`, { instrumentIds: ['nprs'] })).json<{ url: string }>();
    test.clock.advance(4 * HOUR);
    const expired = tokenOf(created.url);
    expect((await test.app.inject({ method: 'GET', url: `/api/measures/${expired}` })).json().status).toBe('expired');
    const late = await post(`/api/measures/${expired}`, { language: 'en', answers: { nprs: { pain_24h: 3 } } }, {});
    const unknown = await post(`/api/measures/${'x'.repeat(43)}`, { language: 'en', answers: { nprs: { pain_24h: 3 } } }, {});
    expect([late.statusCode, late.json().error.code]).toEqual([404, 'not_found']);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'not_found']);
    expect(late.json().error.message).toBe(unknown.json().error.message);
    expect(await measurements(other)).toHaveLength(0);
    // The knee episode's answers stayed in the knee episode.
    expect(await measurements(knee)).toHaveLength(1);
    // A staff route stays a staff route.
    expect((await post(`/api/staff/episodes/${other}/measure-requests`, {}, {})).statusCode).toBe(401);
  });

  it('records a signed note’s pain as the visit’s NPRS, once; a note with pain not measured records nothing', async () => {
    const { noteId } = await visit(patients[0] as string, { pain: 5, zones: ['anterior_thigh'] });
    const signed = await post(`/api/staff/notes/${noteId}/sign`, {});
    expect(signed.statusCode, signed.body).toBe(200);
    const rows = await measurements(knee);
    expect(rows.at(-1)).toEqual({ instrument_id: 'nprs', score: 5, source: 'clinician', session_note_id: noteId });
    expect((await post(`/api/staff/notes/${noteId}/sign`, {})).json().error.code).toBe('note_signed');
    expect(await measurements(knee)).toHaveLength(rows.length);

    const { noteId: unmeasured } = await visit(patients[0] as string, { pain: null });
    expect((await post(`/api/staff/notes/${unmeasured}/sign`, {})).statusCode).toBe(200);
    expect(await measurements(knee)).toHaveLength(rows.length);
    // The database itself refuses a pain that is not an NPRS score (a draft, which may otherwise change).
    const { noteId: draft } = await visit(patients[0] as string, { pain: null });
    for (const pain of ['"none"', '0.5', '11']) {
      await expect(
        test.ctx.db.query(`update session_notes set data = jsonb_set(data, '{subjective,pain}', $2::jsonb) where id = $1`, [draft, pain]),
      ).rejects.toThrow();
    }
    await test.ctx.db.query(`update session_notes set data = jsonb_set(data, '{subjective,pain}', '3') where id = $1`, [draft]);
  });

  it('re-rates the same PSFS activities every N visits, from the check-in message’s link', async () => {
    const psfs = await post(`/api/staff/episodes/${knee}/measurements`, {
      instrumentId: 'psfs',
      language: 'en',
      answers: { 'climbing stairs': 3, kneeling: 2 },
    });
    expect(psfs.statusCode).toBe(201);
    // Visits 1–3 were today (two signed notes and a draft), the PSFS baseline at visit 3; with N = 4 the review is due at visit 7.
    test.clock.advance(DAY);
    await visit(patients[0] as string);
    await visit(patients[0] as string);
    test.clock.advance(DAY);
    await visit(patients[0] as string);
    let schedule = (await get(`/api/staff/episodes/${knee}`)).json().schedule;
    expect(schedule.due.map((d: { instrumentId: string }) => d.instrumentId)).not.toContain('psfs');
    const { noteId } = await visit(patients[0] as string, { pain: 4 });
    schedule = (await get(`/api/staff/episodes/${knee}`)).json().schedule;
    const due = schedule.due.find((d: { instrumentId: string }) => d.instrumentId === 'psfs');
    expect(due).toMatchObject({ reason: 'review', activities: ['kneeling', 'climbing stairs'], patientCanAnswer: true });

    // Signing the note records the NPRS and sends the check-in with a link for what is still due.
    expect((await post(`/api/staff/notes/${noteId}/sign`, {})).statusCode).toBe(200);
    const [request] = await test.ctx.db.query<{ instrument_ids: string[]; psfs_activities: string[]; channel: string }>(
      `select instrument_ids, psfs_activities, channel from measure_requests where purpose = 'checkin' order by created_at desc limit 1`,
    );
    expect(request).toMatchObject({ channel: 'patient_link', psfs_activities: ['kneeling', 'climbing stairs'] });
    expect(request?.instrument_ids).toContain('psfs');
    expect(request?.instrument_ids).not.toContain('nprs');
    const [invite] = await test.ctx.db.query<{ body_text: string }>(`select body_text from outbox where kind = 'checkin' order by created_at desc limit 1`);
    expect(invite?.body_text).toMatch(/وحان وقت بضعة أسئلة قصيرة/);
  });

  it('asks for the next visit’s measures in the appointment reminder', async () => {
    const [row] = await test.ctx.db.query<{ id: string }>(
      `insert into appointments (reference, service_id, practitioner_id, patient_id, starts_at, ends_at, occupied, source)
       values ('MYO-REMIND', 'svc-nmt-follow-60', 'prac-amira', $1, $2, $3, tstzrange($2, $3, '[)'), 'staff') returning id`,
      [patients[0], new Date(test.clock.now().getTime() + 3 * DAY).toISOString(), new Date(test.clock.now().getTime() + 3 * DAY + HOUR).toISOString()],
    );
    const appointment = await findAppointmentById(test.ctx.db, row?.id ?? '');
    if (!appointment) throw new Error('appointment');
    await test.ctx.db.transaction(async (tx) => enqueueConfirmationAndReminder(tx, test.ctx, await loadClinic(tx), appointment, 'token-abc', test.clock.now()));
    const [reminder] = await test.ctx.db.query<{ body_text: string }>(`select body_text from outbox where kind = 'reminder' and appointment_id = $1`, [
      row?.id,
    ]);
    expect(reminder?.body_text).toMatch(/قبل زيارتك/);
    // The link's token is sealed, never readable in the stored body.
    expect(reminder?.body_text).not.toMatch(/\/measures\/[A-Za-z0-9_-]{20,}/);
    const [request] = await test.ctx.db.query<{ instrument_ids: string[] }>(`select instrument_ids from measure_requests where purpose = 'reminder'`);
    expect(request?.instrument_ids).toContain('nprs');
  });

  it('prompts the therapist once when the primary measure has not improved by the MCID after the clinic’s weeks', async () => {
    const neck = await open(patients[3] as string, 'cervical', 'nprs');
    await post(`/api/staff/episodes/${neck}/measurements`, { instrumentId: 'nprs', language: 'en', answers: { pain_24h: 7 } });
    test.clock.advance(5 * 7 * DAY);
    await visit(patients[3] as string);
    await post(`/api/staff/episodes/${neck}/measurements`, { instrumentId: 'nprs', language: 'en', answers: { pain_24h: 6 } });
    expect(await raiseProgressPrompts(test.ctx)).toBe(0);
    test.clock.advance(7 * DAY);
    expect(await raiseProgressPrompts(test.ctx)).toBe(1);
    expect(await raiseProgressPrompts(test.ctx)).toBe(0);
    const alerts = (await get('/api/staff/alerts')).json<{ kind: string; patientName: string; message: string }[]>();
    const prompt = alerts.filter((a) => a.kind === 'outcome_reassess');
    expect(prompt).toHaveLength(1);
    expect(prompt[0]).toMatchObject({ patientName: 'Hana M' });
    expect(prompt[0]?.message).toMatch(/Re-assess/);
  });

  it('counts a visit as activity in the progress view, as the report and the drop-out task do', async () => {
    // Hana's last measure is from week 5. A visit in week 10 keeps her episode open in week 13,
    // where the measures alone (8 weeks of silence) would have dropped it out.
    test.clock.advance(4 * 7 * DAY);
    await visit(patients[3] as string);
    test.clock.advance(3 * 7 * DAY);
    const neck = (await get(`/api/staff/patients/${patients[3]}/episodes`)).json<{ id: string }[]>()[0]?.id;
    expect((await get(`/api/staff/episodes/${neck}`)).json().effectiveStatus).toBe('open');
    // The task agrees: Noor's episode (no visit, nothing since week 0) drops out, Hana's does not.
    await markDropOuts(test.ctx);
    expect((await get(`/api/staff/patients/${patients[3]}/episodes`)).json()[0]).toMatchObject({ status: 'open' });
    expect((await get(`/api/staff/patients/${patients[2]}/episodes`)).json()[0]).toMatchObject({ status: 'dropped_out' });
  });
});
