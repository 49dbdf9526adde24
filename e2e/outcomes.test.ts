import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, withPage as withBrowserPage, type Viewport } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { SIGN_IN_AR, signInThroughRedirect, type SignInLabels } from './support/staff.ts';

// Issue 11's screens end to end: a therapist opens an episode of care in English on a desktop and
// records a baseline pain score; two weeks later, in Arabic on a phone, records the follow-up and
// sees the chart, the meaningful-change flag and each goal's status; the administrator opens the
// clinic's outcome report in both languages and sees the success rate with its denominator and the
// sentence that says what it means.

// Monday 2 November 2026, 09:00 in Sharjah; the follow-up is two weeks later.
const NOW = '2026-11-02T05:00:00Z';
const FOLLOW_UP = '2026-11-16T05:00:00Z';
const DAY = 86_400_000;

let server: TestServer & { clock: { advance(ms: number): void } };
let browser: Browser;
let patientId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
  const db = server.ctx.db;
  const [patient] = await db.query<{ id: string }>(`insert into patients (name, email) values ('Layla Haddad', 'layla.haddad@example.com') returning id`);
  patientId = patient?.id as string;
  // An approved plan with a pain goal (7 → 5) and an activity goal not yet re-rated: "met" and "not yet measured".
  const [assessment] = await db.query<{ id: string }>(
    `insert into assessments (patient_id, author_id, status) values ($1, 'user-amira', 'final') returning id`,
    [patientId],
  );
  await db.query(
    `insert into treatment_plans (patient_id, assessment_id, status, data, created_by, approved_by, approved_at) values ($1, $2, 'approved', $3, 'user-amira', 'user-amira', now())`,
    [
      patientId,
      assessment?.id,
      JSON.stringify({
        goals: [
          { measure: 'nprs', baseline: 7, target: 5 },
          { measure: 'psfs', activity: 'Reversing the car', baseline: 3, target: 5 },
        ],
      }),
    ],
  );
  // A visit between the two measures, with the techniques its note records as done.
  const [visit] = await db.query<{ id: string }>(
    `insert into appointments (reference, kind, service_id, practitioner_id, patient_id, starts_at, ends_at, occupied, source)
     values ('OUT-E2E-1', 'visit', 'svc-nmt-follow-60', 'prac-amira', $1, '2026-11-09T15:00:00Z', '2026-11-09T16:00:00Z',
             tstzrange('2026-11-09T15:00:00Z', '2026-11-09T16:15:00Z', '[)'), 'staff') returning id`,
    [patientId],
  );
  const [session] = await db.query<{ id: string }>(
    `insert into treatment_sessions (appointment_id, patient_id, therapist_id, started_at) values ($1, $2, 'user-amira', '2026-11-09T15:00:00Z') returning id`,
    [visit?.id, patientId],
  );
  await db.query(`insert into session_notes (session_id, patient_id, author_id, data) values ($1, $2, 'user-amira', $3)`, [
    session?.id,
    patientId,
    JSON.stringify({ techniques: [{ techniqueId: 'ischemic_compression', muscleId: 'upper_trapezius', done: true }] }),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a language on the given clock; on failure it is saved as screenshots/outcomes-<name>-failure.png. */
const withPage = (name: string, options: { viewport: Viewport; time: string; lang: 'en' | 'ar' }, run: (page: Page) => Promise<void>) =>
  withBrowserPage(browser, `outcomes-${name}`, { viewport: options.viewport, now: options.time, staffLanguage: options.lang }, run);
const signIn = (page: Page, email: string, path: string, labels?: SignInLabels) => signInThroughRedirect(page, server.baseUrl, email, path, labels);

/** Chooses an answer on the episode's measure form: radios carry the number as their value, whatever digits the language shows. */
const answer = (page: Page, value: number) => page.locator('.oc-measure fieldset').first().locator(`input[type="radio"][value="${value}"]`).check();

describe('outcomes', () => {
  it('lets a therapist open an episode and record the baseline pain (English, desktop)', async () => {
    await withPage('therapist-en', { viewport: DESKTOP, time: NOW, lang: 'en' }, async (page) => {
      const path = `/staff/patients/${patientId}/outcomes`;
      await signIn(page, 'amira@demo.myomap.app', path);
      await page.getByRole('heading', { name: 'Layla Haddad' }).waitFor();
      await page.getByText('No episode of care yet.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Open an episode' }).click();
      await page.getByLabel('Complaint').fill('Right-sided neck pain');
      await page.getByLabel('Region').selectOption('cervical');
      expect(await page.getByLabel('Main measure').inputValue()).toBe('nprs');
      await page.getByRole('button', { name: 'Open episode' }).click();

      const episode = page.locator('.oc-episode').first();
      await episode.getByRole('heading', { name: /Right-sided neck pain/ }).waitFor();
      await episode.getByText('Open', { exact: true }).waitFor();
      // A skipped item is sent as "not answered" (null), which the single-item NPRS cannot score.
      await episode.getByRole('button', { name: 'Save measure' }).click();
      await episode.getByText('Too many questions were left unanswered', { exact: false }).waitFor();
      await answer(page, 7);
      await episode.getByRole('button', { name: 'Save measure' }).click();
      await episode.getByText('Measure saved: score 7.').waitFor();
      await episode.locator('figure[data-instrument="nprs"]').waitFor();
      await episode.getByText('Baseline recorded; no follow-up measure yet.').waitFor();
    });
    const stored = await server.ctx.db.query<{ score: number | null; answers: Record<string, number | null> }>(
      `select m.score, m.answers from measurements m join episodes e on e.id = m.episode_id where e.patient_id = $1 order by m.created_at`,
      [patientId],
    );
    expect(stored).toEqual([
      { score: null, answers: { pain_24h: null } },
      { score: 7, answers: { pain_24h: 7 } },
    ]);
  });

  it('shows the follow-up on the chart with its flag and each goal’s status (Arabic, phone)', async () => {
    server.clock.advance(14 * DAY);
    await withPage('therapist-ar', { viewport: PHONE, time: FOLLOW_UP, lang: 'ar' }, async (page) => {
      const path = `/staff/patients/${patientId}/outcomes`;
      await signIn(page, 'amira@demo.myomap.app', path, SIGN_IN_AR);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const episode = page.locator('.oc-episode').first();
      await answer(page, 3);
      await episode.getByRole('button', { name: 'حفظ القياس' }).click();
      await episode.getByText('حُفظ القياس', { exact: false }).waitFor();

      const chart = episode.locator('figure[data-instrument="nprs"]');
      await chart.locator('svg.recharts-surface').first().waitFor();
      // The goal line, and 7 → 3 flagged: a 4-point fall is beyond both the MCID and the MDC (2 each).
      await chart.locator('.oc-goal-line').waitFor({ state: 'attached' });
      await chart.locator('.oc-dot--improved').waitFor({ state: 'attached' });
      await episode.getByText('تحسّن بمقدار الفرق المهم الأدنى على الأقل في المقياس الرئيسي.').waitFor();
      // The table alternative holds the same facts: the flag and the visit's technique.
      await chart.getByText('القياسات والزيارات في جدول').click();
      await chart.getByRole('cell', { name: 'تحسّن ذو معنى' }).waitFor();
      expect(await chart.locator('table').textContent()).toMatch(/ضغط/);

      const goals = episode.locator('.oc-goals');
      await expect.poll(() => goals.locator('[data-goal-status="met"]').textContent()).toContain('تحقق');
      await expect.poll(() => goals.locator('[data-goal-status="not_yet_measured"]').textContent()).toContain('لم يُقَس بعد');
      await screenshot(page, 'outcomes-patient-ar-390');

      // Goals met: the therapist discharges, and the episode shows as ended.
      await episode.getByLabel('السبب').selectOption('goals_met');
      await episode.getByRole('button', { name: 'إنهاء هذه الحلقة للمريض' }).click();
      await episode.getByText('مُنهاة بالخروج', { exact: true }).waitFor();
    });
  });

  it('shows the administrator the success rate with its denominator and what it means (English and Arabic)', async () => {
    const path = '/staff/reports/outcomes?from=2026-11-01&to=2026-11-30';
    await withPage('report-en', { viewport: DESKTOP, time: FOLLOW_UP, lang: 'en' }, async (page) => {
      await signIn(page, 'admin@demo.myomap.app', path);
      await page.getByRole('heading', { name: 'Outcome report' }).waitFor();
      await page.getByRole('link', { name: 'Outcomes' }).waitFor();
      await expect.poll(() => page.locator('[data-figure="success-rate"]').textContent()).toBe('100%');
      await page
        .getByText(
          '1 of the 1 patient who started care in this period improved by at least the minimal important change on their main measure. Patients who stopped coming, or had no follow-up measure, count as not improved.',
        )
        .waitFor();
      expect(await page.locator('[data-group="dropped_out"]').textContent()).toBe('0');
      await page.getByRole('table', { name: 'By practitioner' }).getByText('Amira', { exact: false }).waitFor();
      const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
      expect(csv).toBe('/api/staff/reports/outcomes.csv?from=2026-11-01&to=2026-11-30');
      await screenshot(page, 'outcomes-report-en-1280');
    });
    await withPage('report-ar', { viewport: PHONE, time: FOLLOW_UP, lang: 'ar' }, async (page) => {
      await signIn(page, 'admin@demo.myomap.app', path, SIGN_IN_AR);
      await page.getByRole('heading', { name: 'تقرير النتائج' }).waitFor();
      await page.locator('[data-sentence="successRate"]').waitFor();
      expect(await page.locator('[data-sentence="successRate"]').textContent()).toContain('من انقطع عن الحضور');
      await screenshot(page, 'outcomes-report-ar-390');
    });
  });
});
