import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../packages/server/src/safety/intake-service.ts';
import { readSentMessages } from '../packages/server/src/test-support/read-outbox.ts';
import { launchBrowser, openPage, screenshotFromTop, type Viewport } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { signInThroughRedirect, staffRequest as staffRequestAs } from './support/staff.ts';

// "Treatment plans, signed session notes, aftercare check-ins and home programs", end to end:
// a patient books their first visit and fills in the intake (a blood thinner, so screening
// lists precautions); the therapist records shoulder pain, the plan builder proposes the
// shoulder and upper extremity protocol, the therapist edits and approves, a physician
// co-signs, the therapist books a weekly series of four around the National Day closure,
// treats, signs the SOAP note, corrects it by addendum, and cannot change it any more. The
// patient then answers the next-day check-in on a phone, reporting a swollen calf, and the
// therapist sees the alert.
//
// Server clock: Monday 30 Nov 2026, 08:00 in Sharjah. 2–3 Dec are the seeded closure.

const THERAPIST = 'amira@demo.myomap.app';
const PHYSICIAN = 'dr.yousef@demo.myomap.app';
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='.padEnd(120, 'A')}`;

let server: TestServer & { clock: { set(to: string): void } };
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // The clock jumps a day to the check-in; the therapist's session must outlive it.
  const env = { SESSION_IDLE_MINUTES: '2880', SESSION_MAX_HOURS: '48' };
  [server, browser] = await Promise.all([startTestServer({ now: '2026-11-30T04:00:00Z', env }) as Promise<typeof server>, launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

/** A page on the clinic's clock (fixed at Monday 30 November, 08:00), closed after the file. */
async function newPage(options: { viewport?: Viewport; mobile?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, {
    viewport: options.viewport ?? { width: 1366, height: 900 },
    mobile: options.mobile ?? false,
    fixedTime: '2026-11-30T04:00:00Z',
  });
  contexts.push(opened.context);
  return opened;
}

const signIn = (page: Page, email: string, path: string) => signInThroughRedirect(page, server.baseUrl, email, path);
const staffRequest = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  staffRequestAs<T>(page, server.baseUrl, method, path, body);

async function publicRequest<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, data: (await response.json()) as T };
}

describe('treatment plan to signed note in a browser', () => {
  let visit: { id: string; reference: string; manageToken: string };
  let patientId = '';
  let planId = '';
  let noteId = '';
  let therapist: Page;
  let therapistErrors: string[];

  it('prepares a booked, screened and consented patient with a shoulder assessment', async () => {
    const booked = await publicRequest<{ id: string; reference: string; manageToken: string }>('POST', '/api/bookings', {
      serviceId: 'svc-nmt-initial',
      practitionerId: 'prac-amira',
      start: '2026-11-30T11:00:00+04:00',
      patient: { name: 'Layla Haddad', email: 'layla.haddad@example.com', preferredLanguage: 'en' },
    });
    expect(booked.status).toBe(201);
    visit = booked.data;
    const intakeUrl = (suffix = '') => `/api/intake/${visit.reference}${suffix}?token=${visit.manageToken}`;
    const saved = await publicRequest('PUT', intakeUrl(), {
      response: intakeResponse(intake({ 'full-name': 'Layla Haddad', 'med-anticoagulant': true })),
      language: 'en',
    });
    expect(saved.status).toBe(200);
    const submitted = await publicRequest<{ outcome: string }>('POST', intakeUrl('/submit'));
    expect(submitted.data.outcome).toBe('proceed_with_precautions');
    const consent = await publicRequest('POST', intakeUrl('/consent'), {
      version: currentConsentVersion,
      language: 'en',
      typedName: 'Layla Haddad',
      signature: SIGNATURE,
    });
    expect(consent.status).toBe(201);
    patientId = (await server.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [visit.id]))[0]?.patient_id ?? '';
    expect(patientId).not.toBe('');

    ({ page: therapist, errors: therapistErrors } = await newPage());
    await signIn(therapist, THERAPIST, '/staff/alerts');
    const assessment = await staffRequest<{ id: string }>(therapist, 'POST', `/api/staff/patients/${patientId}/assessments`, { appointmentId: visit.id });
    expect(assessment.status).toBe(201);
    const data = {
      painMap: [
        { zone: 'anterior_shoulder', side: 'right', intensity: 7 },
        { zone: 'lateral_shoulder', side: 'right', intensity: 5 },
      ],
      triggerPoints: [{ muscleId: 'infraspinatus', side: 'right', activity: 'active', reproducesFamiliarPain: true }],
      tautBands: [],
      tenderAreas: [],
      nerveFindings: [],
      posture: [],
      gait: [],
      biomechanics: [],
      perpetuatingFactors: { biomechanical: ['workstation'], biochemical: [], psychosocial: [] },
      problems: [],
    };
    expect((await staffRequest(therapist, 'PUT', `/api/staff/assessments/${assessment.data.id}`, { data })).status).toBe(200);

    const plan = await staffRequest<{
      id: string;
      status: string;
      requiresCosign: boolean;
      data: { protocolIds: string[]; targets: { muscleId: string }[]; precautions: string[]; goals: { measure: string; baseline: number; target: number }[] };
    }>(therapist, 'POST', `/api/staff/assessments/${assessment.data.id}/plan`);
    expect(plan.status).toBe(201);
    planId = plan.data.id;
    expect(plan.data).toMatchObject({ status: 'draft', requiresCosign: true });
    expect(plan.data.data.protocolIds[0]).toBe('shoulder_upper_extremity');
    expect(plan.data.data.targets[0]?.muscleId).toBe('infraspinatus');
    expect(plan.data.data.precautions.length).toBeGreaterThan(0);
    expect(plan.data.data.goals[0]).toEqual({ measure: 'nprs', baseline: 7, target: 4 });
  });

  it('edits and approves the plan; a physician co-signs it', async () => {
    const page = therapist;
    await page.goto(`${server.baseUrl}/staff/plans/${planId}`);
    await page.getByRole('heading', { level: 1, name: 'Layla Haddad' }).waitFor();
    expect(await page.getByTestId('plan-status').textContent()).toBe('Draft');
    await page.getByRole('heading', { name: 'A physician co-signs this plan' }).or(page.getByText('A physician co-signs this plan')).first().waitFor();
    // The shoulder protocol leads, the active trigger point is first, with its reason.
    expect(await page.locator('.tr-chip').first().textContent()).toContain('Shoulder');
    const first = page.locator('.tr-target').first();
    expect(await first.getAttribute('data-muscle')).toBe('infraspinatus');
    expect(await first.textContent()).toContain('reproduces the familiar pain');

    // On a blood thinner the precautions cap pressure at 3/10, and the plan shows why.
    const pressure = first.getByLabel(/Ischemic compression.*: Pressure/);
    expect(await pressure.inputValue()).toBe('3');
    await page.getByText('Light pressure only: no stripping or deep compression; watch for bruising.').first().waitFor();
    // Within the technique's range only.
    await pressure.fill('14');
    await pressure.blur();
    expect(await pressure.inputValue()).toBe('10');
    // Above the patient's cap only with a reason, which the co-signing physician will see.
    await pressure.fill('4');
    await pressure.blur();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('dialog', { name: 'This contradicts the patient’s precautions' });
    await conflict.getByText(/pressure 4 → 3\/10/).waitFor();
    await screenshotFromTop(page, 'treatment-plan-override');
    await conflict.getByLabel('Reason for keeping it').fill('Tolerated 4/10 last visit without bruising; INR in range this week.');
    await conflict.getByRole('button', { name: 'Keep, with these reasons' }).click();
    await page.getByText('Plan saved.').waitFor();
    await page
      .getByTestId('precaution-overrides')
      .getByText(/INR in range/)
      .waitFor();
    await screenshotFromTop(page, 'treatment-plan-editor');

    await page.getByRole('button', { name: 'Approve plan' }).click();
    await page.getByTestId('plan-status').filter({ hasText: 'Awaiting co-signature' }).waitFor();
    expect(await page.getByRole('button', { name: 'Co-sign as physician' }).count()).toBe(0);

    const { page: physician, errors } = await newPage();
    await signIn(physician, PHYSICIAN, `/staff/plans/${planId}`);
    await physician
      .getByTestId('precaution-overrides')
      .getByText(/INR in range this week/)
      .waitFor();
    await physician.getByRole('button', { name: 'Co-sign as physician' }).click();
    await physician.getByTestId('plan-status').filter({ hasText: 'Approved' }).waitFor();
    expect(await physician.getByText(/Co-signed by Dr\. Yousef Rahman/).count()).toBe(1);
    expect(errors).toEqual([]);

    const saved = await staffRequest<{ status: string; data: { targets: { techniques: { techniqueId: string; parameters: Record<string, number> }[] }[] } }>(
      page,
      'GET',
      `/api/staff/plans/${planId}`,
    );
    expect(saved.data.status).toBe('approved');
    expect(saved.data.data.targets[0]?.techniques.find((d) => d.techniqueId === 'ischemic_compression')?.parameters.pressure).toBe(4);
  });

  it('books a weekly series of four, choosing an alternative for the visit on the closure day', async () => {
    const page = therapist;
    await page.reload();
    await page.getByRole('heading', { name: 'Book the series' }).waitFor();
    await page.getByLabel('Number of visits').fill('4');
    await page.getByLabel('Days between visits').fill('7');
    await page.getByLabel('First visit').fill('2026-12-02');
    await page.getByLabel('Time').fill('10:00');
    await page.getByRole('button', { name: 'Check availability' }).click();
    const visits = page.locator('.tr-visits .tr-visit');
    await visits.first().waitFor();
    expect(await visits.count()).toBe(4);
    expect(await visits.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual(['clash', 'free', 'free', 'free']);
    const alternatives = visits.first().getByRole('radio');
    expect(await alternatives.count()).toBeGreaterThan(0);
    expect(await alternatives.count()).toBeLessThanOrEqual(3);
    expect(await page.getByRole('button', { name: 'Book all 4 visits' }).isDisabled()).toBe(true);
    await alternatives.first().check();
    await screenshotFromTop(page, 'treatment-series-preview');
    await page.getByRole('button', { name: 'Book all 4 visits' }).click();
    await page.getByRole('heading', { name: 'Booked visits' }).waitFor();
    expect(await page.locator('.tr-visit--booked').count()).toBe(4);

    const plan = await staffRequest<{ appointments: { start: string; status: string }[] }>(page, 'GET', `/api/staff/plans/${planId}`);
    expect(plan.data.appointments).toHaveLength(4);
    // The alternative avoided the closure; the rest kept Wednesday 10:00.
    expect((plan.data.appointments[0]?.start ?? '').slice(0, 10) >= '2026-12-04').toBe(true);
    expect(plan.data.appointments.slice(1).map((a) => a.start)).toEqual([
      '2026-12-09T10:00:00+04:00',
      '2026-12-16T10:00:00+04:00',
      '2026-12-23T10:00:00+04:00',
    ]);
  });

  it('writes the SOAP note from the plan, signs it, adds an addendum, and the note stays locked', async () => {
    const page = therapist;
    // A note is written from the visit's start on (11:00 in Sharjah), never ahead of it.
    server.clock.set('2026-11-30T07:00:00Z');
    const session = await staffRequest<{ id: string }>(page, 'POST', `/api/staff/appointments/${visit.id}/sessions`);
    expect(session.status).toBe(201);
    const note = await staffRequest<{ id: string }>(page, 'POST', `/api/staff/sessions/${session.data.id}/note`);
    expect(note.status).toBe(201);
    noteId = note.data.id;

    await page.goto(`${server.baseUrl}/staff/notes/${noteId}`);
    await page.getByText('The techniques planned for this visit are listed as not done.').waitFor();
    expect(await page.getByTestId('note-status').textContent()).toBe('Draft');
    // Prefilled from the plan, with the edited dose.
    const infraspinatus = page.locator('.tr-soap .tr-target[data-muscle="infraspinatus"]');
    expect(await infraspinatus.getByLabel(/Ischemic compression.*: Pressure/).inputValue()).toBe('4');

    // The planned rows, not yet done, on a phone in both languages.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const language of ['ar', 'en'] as const) {
      await page.goto(`${server.baseUrl}/staff/notes/${noteId}?lang=${language}`);
      await page.getByTestId('note-status').waitFor();
      await screenshotFromTop(page, `treatment-note-planned-${language}-390`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByLabel('Patient’s report').fill('Right shoulder ache, worse reaching overhead and at the desk. Slept better this week.');
    await page.getByLabel('Pain today (0–10)').selectOption('6');
    // Only the rows the therapist ticks are recorded as done.
    await infraspinatus.getByRole('checkbox', { name: /Ischemic compression/ }).check();
    await page.getByLabel('Findings').fill('Active trigger point in right infraspinatus reproduces the familiar front-of-shoulder pain.');
    await page
      .getByRole('checkbox', { name: /^Front of the shoulder, right/ })
      .first()
      .click();
    await page.getByLabel('Assessment', { exact: true }).fill('Myofascial pain, right infraspinatus and deltoid; improving.');
    await page.getByLabel('Plan', { exact: true }).fill('Weekly for 4 weeks; doorway and cross-body stretches daily.');
    await page.getByLabel('Patient’s response').fill('Pain 6 → 3 after treatment; fuller reach overhead.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await screenshotFromTop(page, 'treatment-note-draft');

    await page.getByRole('button', { name: 'Sign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
    await dialog.getByText('Signing locks the note.').waitFor();
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await page.getByTestId('note-status').filter({ hasText: 'Signed' }).waitFor();
    await page.getByText('Signed by Amira Saleh').waitFor();
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);

    await page.getByLabel('Add addendum').fill('Correction: ischemic compression pressure was 4/10 throughout, as planned.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByText('Addendum added.').waitFor();
    expect(await page.locator('.tr-addendum').count()).toBe(1);
    expect(await page.locator('.tr-addendum').textContent()).toContain('Amira Saleh');
    await screenshotFromTop(page, 'treatment-note-signed');

    // The signed note cannot be changed through the API either.
    const current = await staffRequest<{ data: { assessment: string } }>(page, 'GET', `/api/staff/notes/${noteId}`);
    const edit = await staffRequest<{ error: { code: string } }>(page, 'PUT', `/api/staff/notes/${noteId}`, {
      data: { ...current.data.data, assessment: 'changed after signing' },
    });
    expect(edit.status).toBe(409);
    expect(edit.data.error.code).toBe('note_signed');
    const after = await staffRequest<{ data: { assessment: string }; addenda: unknown[] }>(page, 'GET', `/api/staff/notes/${noteId}`);
    expect(after.data.data.assessment).toBe('Myofascial pain, right infraspinatus and deltoid; improving.');
    expect(after.data.addenda).toHaveLength(1);
  });

  it('prints the note and the visit summary on A4, and the home-program handout in Arabic', async () => {
    const page = therapist;
    await page.goto(`${server.baseUrl}/staff/notes/${noteId}/print`);
    await page.getByRole('heading', { level: 1, name: 'Treatment session note' }).waitFor();
    await page.getByText(/Electronically signed by Amira Saleh/).waitFor();
    await screenshotFromTop(page, 'treatment-note-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.tr-print-toolbar').isVisible()).toBe(false);
    await screenshotFromTop(page, 'treatment-note-print-media');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Visit summary' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visit summary' }).waitFor();
    await page.getByRole('heading', { name: 'Your next visits' }).waitFor();
    await screenshotFromTop(page, 'treatment-visit-summary');

    await page.goto(`${server.baseUrl}/staff/plans/${planId}/handout?lang=ar`);
    await page.getByRole('heading', { level: 1, name: 'برنامجك المنزلي' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('.tr-handout__item svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    await page.getByText('اطلب رعاية عاجلة فورًا إذا لاحظت').waitFor();
    await screenshotFromTop(page, 'treatment-handout-ar');

    await page.goto(`${server.baseUrl}/staff/notes/${noteId}/print?lang=ar`);
    await page.getByRole('heading', { level: 1, name: 'ملاحظة جلسة علاج' }).waitFor();
    await screenshotFromTop(page, 'treatment-note-print-ar');
    await page.goto(`${server.baseUrl}/staff/plans/${planId}?lang=ar`);
    await page.getByRole('heading', { name: 'الزيارات المحجوزة' }).waitFor();
    await screenshotFromTop(page, 'treatment-plan-ar');
    // The plan with its precautions applied and the override, on a phone and a laptop, in both languages.
    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const language of ['en', 'ar'] as const) {
        await page.goto(`${server.baseUrl}/staff/plans/${planId}?lang=${language}`);
        await page.getByTestId('precaution-overrides').waitFor();
        await screenshotFromTop(page, `treatment-plan-precautions-${language}-${width}`);
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.baseUrl}/staff/notes/${noteId}?lang=en`);
    await page.getByTestId('note-status').waitFor();
    expect(therapistErrors).toEqual([]);
  });

  it('takes the next-day check-in on a phone, shows urgent guidance, and alerts the therapist', async () => {
    const [message] = await readSentMessages(server.ctx, 'aftercare');
    const token = /\/aftercare\/([A-Za-z0-9_-]+)/.exec(message?.body ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    server.clock.set('2026-12-01T08:00:00Z'); // the check-in opens 24 h after the note was signed

    // In Arabic, right to left, with the urgent guidance for dark urine (not sent).
    const { page: arabic, errors: arabicErrors } = await newPage({ viewport: { width: 390, height: 844 }, mobile: true });
    await arabic.goto(`${server.baseUrl}/aftercare/${token}?lang=ar`);
    await arabic.getByRole('heading', { level: 1, name: 'بعد جلستك' }).waitFor();
    await arabic.getByLabel('بول داكن (بني أو بلون الكولا)').check();
    await arabic.getByTestId('urgent-guidance').getByText('اتصل بالرقم 998 الآن').waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshotFromTop(arabic, 'treatment-aftercare-phone-ar');
    expect(arabicErrors).toEqual([]);

    const { page, errors } = await newPage({ viewport: { width: 390, height: 844 }, mobile: true });
    await page.goto(`${server.baseUrl}/aftercare/${token}`);
    await page.getByRole('heading', { level: 1, name: 'After your session' }).waitFor();
    await page.getByText('Hello Layla Haddad').waitFor();
    await page.getByLabel('Soreness 4 out of 10').check();
    await page.getByLabel('Somewhat').check();
    await page.getByLabel('Swelling, pain or warmth in a calf').check();
    const urgent = page.getByTestId('urgent-guidance');
    await urgent.waitFor();
    expect(await urgent.textContent()).toContain('Call 998 now');
    expect(await urgent.getByRole('link', { name: 'Call 998' }).getAttribute('href')).toBe('tel:998');
    await screenshotFromTop(page, 'treatment-aftercare-phone');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('your therapist has been alerted to contact you today').waitFor();
    await screenshotFromTop(page, 'treatment-aftercare-phone-sent');
    expect(errors).toEqual([]);

    const staff = therapist;
    await staff.goto(`${server.baseUrl}/staff/alerts`);
    const alert = staff.locator('.tr-alert-item').first();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Layla Haddad');
    expect(await alert.textContent()).toMatch(/swelling, pain or warmth in a calf/i);
    await staff.getByRole('main').getByText('1 unread alert').waitFor();
    await screenshotFromTop(staff, 'treatment-alerts');
    await alert.getByRole('button', { name: 'Mark as read' }).click();
    await staff.getByText('Nothing unread.').waitFor();
    expect(therapistErrors).toEqual([]);
  });
});
