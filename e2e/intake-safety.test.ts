import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake } from '../packages/domain/src/screening/screening-case-builder.ts';
import { intakeResponse } from '../packages/domain/src/screening/intake-questionnaire-data.ts';
import { launchBrowser, screenshot, screenshotFromTop, withPage as withBrowserPage, type Viewport } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { signInThroughRedirect } from './support/staff.ts';
import { drawSignature } from './support/consent.ts';

// The acceptance test of "Intake, consent and safety screening before the first treatment": a
// patient books, fills the intake in Arabic on a phone (progressive weakness with twitching),
// signs the consent on the canvas and submits; the therapist sees "Refer before treatment" and
// cannot start a session; the physician reviews and refers; the audit log holds every step.

// Monday 30 November 2026, 08:00 in Sharjah.
const NOW = '2026-11-30T04:00:00Z';
const PASSWORD = 'myomap-demo';
const PATIENT = 'خالد عمر';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

interface Booked {
  id: string;
  reference: string;
  manageToken: string;
}

async function book(practitionerId: string, start: string, name: string, email: string): Promise<Booked> {
  const booked = await api<Booked>('/api/bookings', {
    method: 'POST',
    body: { serviceId: 'svc-nmt-initial', practitionerId, start, patient: { name, email, preferredLanguage: 'ar' } },
  });
  expect(booked.status).toBe(201);
  return booked.body;
}

async function patientOf(appointmentId: string): Promise<string> {
  const [row] = await server.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [appointmentId]);
  return row?.patient_id ?? '';
}

/** A page on the server's clock; on failure it is saved as screenshots/intake-<name>-failure.png. */
const withPage = (name: string, viewport: Viewport, run: (page: Page, context: BrowserContext) => Promise<void>) =>
  withBrowserPage(browser, `intake-${name}`, { viewport, now: NOW, timeout: 20_000 }, run);
const signIn = (page: Page, email: string, path: string) => signInThroughRedirect(page, server.baseUrl, email, path);

const question = (page: Page, linkId: string) => page.locator(`[data-link-id="${linkId}"]`).first();
const answerRadio = (page: Page, linkId: string, label: string) => question(page, linkId).getByRole('radio', { name: label, exact: true });
const saveStatus = (page: Page) => page.locator('.ik-save');

/** Moves forward with "Next" until the step with this heading is open. */
async function goToStep(page: Page, heading: string): Promise<void> {
  const title = page.locator('#ik-step-title');
  for (let i = 0; i < 8; i += 1) {
    const current = (await title.textContent())?.trim();
    if (current === heading) return;
    await page.locator('.ik-nav').getByRole('button').last().click();
    await expect.poll(async () => (await title.textContent())?.trim()).not.toBe(current);
  }
  throw new Error(`no step called ${heading}`);
}

async function auditActions(): Promise<{ action: string; actorType: string; actorRole: string | null }[]> {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.myomap.app', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const audit = await api<{ action: string; actorType: string; actorRole: string | null }[]>('/api/staff/audit?limit=500', { headers: { cookie } });
  expect(audit.status).toBe(200);
  return audit.body;
}

describe('intake, consent and safety screening in a browser', () => {
  it('refers a patient with progressive weakness and twitching, and holds treatment until a physician decides', async () => {
    const booking = await book('prac-amira', '2026-12-01T09:00:00+04:00', PATIENT, 'khalid.omar@example.com');
    const patientId = await patientOf(booking.id);
    const link = `/intake/${booking.reference}?token=${encodeURIComponent(booking.manageToken)}&lang=ar`;

    // Most answers are prefilled as if typed earlier; the neuromuscular answers and the pain map are left for the UI
    // ("over days?" counts as asked while weakness is unanswered, as the server errs towards asking).
    const prefill = intake({
      'full-name': PATIENT,
      'nmd-weakness-main': undefined,
      'nmd-progressive': undefined,
      'nmd-twitching': undefined,
      'pain-map': undefined,
    });
    const saved = await api<{ missingRequired: string[] }>(`/api/intake/${booking.reference}?token=${encodeURIComponent(booking.manageToken)}`, {
      method: 'PUT',
      body: { response: intakeResponse(prefill), language: 'ar' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.missingRequired.sort()).toEqual(['nmd-progressive', 'nmd-rapid', 'nmd-twitching', 'nmd-weakness-main', 'pain-map']);

    await withPage('patient-ar', { width: 390, height: 844 }, async (page, context) => {
      await page.goto(`${server.baseUrl}${link}`);
      await page.getByRole('heading', { level: 1, name: 'قبل زيارتك الأولى' }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.getByRole('heading', { level: 2, name: 'معلومات عنك' }).waitFor();
      await expect.poll(() => question(page, 'full-name').locator('input').inputValue()).toBe(PATIENT);
      await screenshotFromTop(page, 'intake-ar-phone-about-you');

      // The pain map on the body chart: the front of the right thigh, 4 out of 10.
      await goToStep(page, 'ألمك');
      const thigh = page.locator('.body-chart__view.is-current [data-zone="anterior_thigh"][data-side="right"]');
      await thigh.click();
      const row = page.locator('.pain-map__row[data-zone="anterior_thigh"][data-side="right"]');
      await row.waitFor();
      await row.locator('.intensity__level').nth(4).click();
      await expect.poll(() => row.locator('input:checked').getAttribute('value')).toBe('4');
      await expect.poll(() => saveStatus(page).getAttribute('data-status')).toBe('saved');
      await screenshotFromTop(page, 'intake-ar-phone-pain-map');

      // The neuromuscular screen: weakness is the main problem, getting worse, with twitching.
      await goToStep(page, 'أسئلة السلامة');
      await answerRadio(page, 'nmd-weakness-main', 'نعم').click();
      await answerRadio(page, 'nmd-progressive', 'نعم').click();
      // "Over days?" is asked only once weakness is reported (enableWhen).
      await answerRadio(page, 'nmd-rapid', 'لا').click();

      // A dropped connection: the answer stays on the phone and goes up once the network is back.
      await expect.poll(() => saveStatus(page).getAttribute('data-status')).toBe('saved');
      await context.setOffline(true);
      await answerRadio(page, 'nmd-twitching', 'نعم').click();
      await expect.poll(() => saveStatus(page).textContent(), { timeout: 15_000 }).toBe('غير متصل – ستُعاد المحاولة');
      const local = await page.evaluate((key) => window.localStorage.getItem(key), `myomap.intake.${booking.reference}`);
      expect(JSON.parse(local ?? '{}')).toMatchObject({ dirty: true, answers: { 'nmd-twitching': true } });
      await context.setOffline(false);
      await expect.poll(() => saveStatus(page).textContent(), { timeout: 20_000 }).toBe('تم الحفظ');
      const stored = await server.ctx.db.query<{ link_id: string; value: unknown }>(
        `select a.link_id, a.value from intake_answers a join intake_responses r on r.id = a.intake_id
         where r.appointment_id = $1 and a.link_id in ('nmd-weakness-main', 'nmd-progressive', 'nmd-twitching', 'nmd-rapid') order by a.link_id`,
        [booking.id],
      );
      expect(Object.fromEntries(stored.map((a) => [a.link_id, a.value]))).toEqual({
        'nmd-weakness-main': true,
        'nmd-progressive': true,
        'nmd-twitching': true,
        'nmd-rapid': false,
      });
      await screenshot(page, 'intake-ar-phone-safety');

      // A reload keeps everything, from the server.
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'معلومات عنك' }).waitFor();
      await goToStep(page, 'أسئلة السلامة');
      expect(await answerRadio(page, 'nmd-twitching', 'نعم').isChecked()).toBe(true);

      // Consent: typed name plus a drawn signature, then send.
      await page.locator('.ik-nav').getByRole('button', { name: 'المتابعة إلى الموافقة' }).click();
      await page.getByRole('heading', { level: 2, name: 'الموافقة على العلاج' }).waitFor();
      await page.getByText('تمت الإجابة عن جميع الأسئلة المطلوبة.').waitFor();
      await page.getByText('الموافقة على العلاج العصبي العضلي').waitFor();
      expect(await page.getByLabel('اسمك الكامل').inputValue()).toBe(PATIENT);
      await drawSignature(page);
      await page.getByLabel(/أوافق على العلاج/).check();
      await screenshotFromTop(page, 'intake-ar-phone-consent');
      await page.getByRole('button', { name: 'وقّع وأرسل إجاباتي' }).click();
      await page.getByText('سيراجع طبيب إجاباتك قبل جلسة علاجك الأولى، وستتواصل معك العيادة.').waitFor();
      expect(await page.locator('.ik-result').getAttribute('data-outcome')).toBe('refer_before_treatment');
      expect(await page.locator('.ik-emergency').count()).toBe(0);
      expect(await page.evaluate((key) => window.localStorage.getItem(key), `myomap.intake.${booking.reference}`)).toBeNull();
      await screenshotFromTop(page, 'intake-ar-phone-result');
    });

    const [consent] = await server.ctx.db.query<{ typed_name: string; language: string; signature_png: string }>(
      'select typed_name, language, signature_png from consents where patient_id = $1',
      [patientId],
    );
    expect(consent).toMatchObject({ typed_name: PATIENT, language: 'ar' });
    expect(consent?.signature_png).toMatch(/^data:image\/png;base64,/);
    const [screening] = await server.ctx.db.query<{ outcome: string }>('select outcome from screenings where patient_id = $1', [patientId]);
    expect(screening?.outcome).toBe('refer_before_treatment');

    // The therapist sees the referral and is refused a session.
    await withPage('therapist', { width: 1280, height: 900 }, async (page) => {
      await signIn(page, 'amira@demo.myomap.app', `/staff/patients/${patientId}/safety`);
      await page.getByRole('heading', { level: 1, name: PATIENT }).waitFor();
      const gate = page.locator('.sf-gate');
      await expect.poll(() => gate.locator('.sf-gate__title').textContent()).toBe('Refer before treatment');
      expect(await gate.getAttribute('data-gate')).toBe('blocked');
      await page.locator('[data-flag="RF_NMD"]').getByText('Nerve conduction studies and EMG').waitFor();
      await page
        .locator('[data-flag="RF_NMD"]')
        .getByText(/Genetic testing where indicated: SMN1/)
        .waitFor();
      expect(await page.getByRole('heading', { name: 'Physician review' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Start treatment session' }).click();
      const refusal = page.locator('.sf-refusal');
      await refusal.getByText('Refer before treatment: a physician must clear this patient.').waitFor();
      expect(await refusal.getAttribute('data-code')).toBe('physician_clearance_required');
      await screenshotFromTop(page, 'safety-therapist-refused');

      // The same page in Arabic, with the answers unfolded.
      await page.getByRole('button', { name: 'العربية' }).click();
      await page.locator('.sf-gate__title').getByText('إحالة قبل العلاج').waitFor();
      await page.getByText('عرض كل الإجابات').click();
      await page.locator('[data-link-id="nmd-twitching"] dd').getByText('نعم').waitFor();
      await screenshotFromTop(page, 'safety-therapist-ar');
    });
    expect(await server.ctx.db.query('select id from treatment_sessions where appointment_id = $1', [booking.id])).toEqual([]);

    // The physician finds the patient in the queue, reviews and refers.
    await withPage('physician', { width: 1280, height: 900 }, async (page) => {
      await signIn(page, 'dr.yousef@demo.myomap.app', '/staff/reviews');
      const row = page.locator(`tr[data-patient-id="${patientId}"]`);
      await row.waitFor();
      await row.getByText('Refer before treatment').waitFor();
      await row.getByText('Neuromuscular disease screen positive').waitFor();
      await row.getByText('Soon', { exact: true }).waitFor();
      await screenshotFromTop(page, 'safety-review-queue');

      await row.getByRole('link', { name: PATIENT }).click();
      await page.waitForURL(`**/staff/patients/${patientId}/safety`);
      await page.getByRole('heading', { name: 'Physician review' }).waitFor();
      await page.getByRole('radio', { name: 'Refer', exact: true }).check();
      await page.getByLabel('Refer to', { exact: true }).fill('Neurology (neuromuscular clinic)');
      await page.getByRole('checkbox', { name: 'Nerve conduction studies and EMG' }).check();
      await page.getByRole('checkbox', { name: 'Creatine kinase (CK)' }).check();
      await page.getByLabel('Notes').fill('Progressive weakness with fasciculations: neuromuscular assessment before any treatment.');
      await screenshotFromTop(page, 'safety-physician-review-form');
      await page.getByRole('button', { name: 'Save review' }).click();
      await page.getByText('Review saved: Referred.').waitFor();
      await page
        .locator('.sf-history')
        .getByText(/Referred to \u2068?Neurology \(neuromuscular clinic\)\u2069? \(Soon\)/)
        .waitFor();
      await page
        .locator('.sf-gate')
        .getByText(/Referred to Neurology \(neuromuscular clinic\) \(Soon\) · Dr\. Yousef Rahman/)
        .waitFor();
      await page.locator('.sf-gate [data-block="referred_by_physician"]').waitFor();
      await screenshotFromTop(page, 'safety-physician-referred');

      await page.getByRole('link', { name: 'Review queue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Physician review queue' }).waitFor();
      await page.getByText('No patients are waiting for review.').waitFor();
    });

    const [review] = await server.ctx.db.query<{ decision: string; referral: { to: string; tests: string[]; urgency: string } }>(
      'select decision, referral from physician_reviews where patient_id = $1',
      [patientId],
    );
    expect(review).toMatchObject({ decision: 'refer', referral: { to: 'Neurology (neuromuscular clinic)', urgency: 'soon' } });
    expect(review?.referral.tests.sort()).toEqual(['Creatine kinase (CK)', 'Nerve conduction studies and EMG']);

    // Every step is in the audit log, by whom it was done.
    const audit = await auditActions();
    const by = (action: string) => audit.filter((a) => a.action === action).map((a) => a.actorRole ?? a.actorType);
    expect(by('intake.save').length).toBeGreaterThan(3);
    expect(new Set(by('intake.save'))).toEqual(new Set(['patient']));
    expect(by('intake.submit')).toEqual(['patient']);
    expect(by('consent.sign')).toEqual(['patient']);
    expect(by('session.start_refused')).toEqual(['therapist']);
    expect(by('review.refer')).toEqual(['physician']);
  });

  // Finishing a half-answered intake shows the saved answers, which are medical history: a
  // clinician holds the tablet here. Reception's tablet shows none of them (permission
  // intake.clinical.read; see routes/auth/permission-rules.int.test.ts).
  it('on the desk tablet, lists the unanswered questions with links to them', async () => {
    const booking = await book('prac-sara', '2026-12-01T11:00:00+04:00', 'Mariam Yousef', 'mariam@example.com');
    const answers = intake({ 'full-name': 'Mariam Yousef', phone: undefined, 'psfs-2-activity': undefined });
    await api(`/api/intake/${booking.reference}?token=${encodeURIComponent(booking.manageToken)}`, {
      method: 'PUT',
      body: { response: intakeResponse(answers), language: 'en' },
    });
    await withPage('tablet', { width: 820, height: 1180 }, async (page) => {
      const path = `/staff/appointments/${booking.id}/intake`;
      await signIn(page, 'sara@demo.myomap.app', path);
      await page.getByRole('heading', { level: 1, name: 'Patient intake' }).waitFor();
      await goToStep(page, 'Consent to treatment');
      const missing = page.getByTestId('missing-required');
      await missing.getByRole('link', { name: 'Mobile phone number' }).waitFor();
      await missing.getByRole('link', { name: 'Activity 2', exact: true }).waitFor();
      await screenshotFromTop(page, 'intake-reception-missing');

      // A link opens the question's step with the question focused.
      await missing.getByRole('link', { name: 'Mobile phone number' }).click();
      await page.getByRole('heading', { level: 2, name: 'About you' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-link-id]')?.getAttribute('data-link-id'))).toBe('phone');
      await page.keyboard.type('+971 50 123 4567');
      await goToStep(page, 'Consent to treatment');
      await missing.getByRole('link', { name: 'Activity 2', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Your goals' }).waitFor();
      await question(page, 'psfs-2-activity').locator('input').fill('Carrying the shopping');
      await goToStep(page, 'Consent to treatment');
      await page.getByText('All the questions that need an answer are answered.').waitFor();
      await drawSignature(page);
      await page.getByLabel(/I agree to treatment/).check();
      await page.getByRole('button', { name: 'Sign and send my answers' }).click();
      await page.getByText('Thank you, see you at your visit').waitFor();
      await page.getByText('Please hand the tablet back to reception.').waitFor();
      await screenshotFromTop(page, 'intake-reception-result');
    });
    const audit = await auditActions();
    expect(audit.filter((a) => a.action === 'intake.submit').map((a) => a.actorRole)).toContain('therapist');
  });

  it('tells a patient with an emergency red flag to call 998 now', async () => {
    const booking = await book('prac-omar', '2026-12-01T10:00:00+04:00', 'Huda Saeed', 'huda@example.com');
    const answers = intake({ 'full-name': 'Huda Saeed', 'rf-saddle-numbness': true, 'rf-bladder-bowel': true });
    await api(`/api/intake/${booking.reference}?token=${encodeURIComponent(booking.manageToken)}`, {
      method: 'PUT',
      body: { response: intakeResponse(answers), language: 'en' },
    });
    await withPage('emergency', { width: 390, height: 844 }, async (page) => {
      await page.goto(`${server.baseUrl}/intake/${booking.reference}?token=${encodeURIComponent(booking.manageToken)}&lang=en`);
      await page.getByRole('heading', { level: 2, name: 'About you' }).waitFor();
      await goToStep(page, 'Consent to treatment');
      await page.getByText('All the questions that need an answer are answered.').waitFor();
      await page.getByRole('button', { name: 'I cannot draw: sign with my typed name' }).click();
      await page.getByLabel(/I agree to treatment/).check();
      await page.getByRole('button', { name: 'Sign and send my answers' }).click();
      const emergency = page.locator('.ik-emergency');
      await emergency.getByText('Get medical help now').waitFor();
      expect(await emergency.getByRole('link', { name: 'Call 998' }).getAttribute('href')).toBe('tel:998');
      expect(await page.locator('.ik-result').getAttribute('data-urgent-care')).toBe('emergency');
      await screenshotFromTop(page, 'intake-en-phone-emergency');
    });
  });
});
