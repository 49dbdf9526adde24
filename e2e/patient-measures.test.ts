import { copyFile, mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, type Viewport } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Outcomes (issue 11), the patient's side: a therapist opens an episode for a knee complaint and
// hands the clinic tablet to the patient with a link to the measures that are due (LEFS and NPRS;
// the PSFS baseline is taken with the clinician). The patient, whose language is Arabic, answers
// on a phone-sized screen in Arabic, skipping the pain question; the LEFS is stored, the NPRS is
// not (not measured, never 0). A second link, opened in English on a desktop, records the NPRS.

const THERAPIST = 'amira@demo.myomap.app';
const PASSWORD = 'myomap-demo';
const SHOTS = process.env.SHOTS_DIR;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

/** A page in the clinic's zone, closed after the file. */
async function newPage(viewport: Viewport, mobile = false): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, { viewport, mobile });
  contexts.push(opened.context);
  return opened;
}

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await copyFile(`screenshots/${name}.png`, `${SHOTS}/${name}.png`);
  }
}

/** Same-session API calls from the page's cookie jar, with the CSRF token the app would send. */
async function staffPost<T>(page: Page, path: string, body: unknown): Promise<{ status: number; data: T }> {
  const me = (await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${server.baseUrl}${path}`, {
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    data: JSON.stringify(body),
  });
  return { status: response.status(), data: (await response.json()) as T };
}

const measurements = (episodeId: string) =>
  server.ctx.db.query<{ instrument_id: string; score: number | null; language: string; source: string }>(
    `select instrument_id, score, language, source from measurements where episode_id = $1 order by created_at`,
    [episodeId],
  );

describe('a patient answers their outcome measures from a link', () => {
  let episodeId: string;
  let staff: Page;

  it('the therapist opens an episode and makes a tablet link for what is due', async () => {
    const [patient] = await server.ctx.db.query<{ id: string }>(
      `insert into patients (name, email, preferred_language) values ('Mariam Al Suwaidi', 'mariam.s@example.com', 'ar') returning id`,
    );
    ({ page: staff } = await newPage({ width: 1280, height: 900 }));
    await staff.goto(`${server.baseUrl}/staff/alerts`);
    await staff.waitForURL(/\/staff\/sign-in\?next=/);
    await staff.getByLabel('Email').fill(THERAPIST);
    await staff.getByLabel('Password').fill(PASSWORD);
    await staff.getByRole('button', { name: 'Sign in', exact: true }).click();
    await staff.waitForURL((url) => url.pathname === '/staff/alerts');

    const episode = await staffPost<{ id: string }>(staff, `/api/staff/patients/${patient?.id}/episodes`, {
      complaint: 'Right knee pain on stairs',
      region: 'thigh_knee',
      primaryInstrumentId: 'lefs',
    });
    expect(episode.status).toBe(201);
    episodeId = episode.data.id;
  });

  it('answers in Arabic on a phone, skipping a question: the skipped pain is not stored as 0', async () => {
    const link = await staffPost<{ url: string; instruments: string[] }>(staff, `/api/staff/episodes/${episodeId}/measure-requests`, {});
    expect(link.status).toBe(201);
    expect(link.data.instruments).toEqual(['lefs', 'nprs']);
    const { page, errors } = await newPage({ width: 390, height: 844 }, true);
    // No ?lang=: the page opens in the language the clinic has for the patient.
    await page.goto(link.data.url);
    await page.getByRole('heading', { name: 'كيف حالك؟' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(page, 'measures-ar-390');

    // Sending with nothing chosen asks for an answer or a skip, in Arabic.
    await page.getByRole('button', { name: 'أرسل إجاباتي' }).click();
    await page.getByText('اختر إجابة، أو تخطَّ هذا السؤال.').first().waitFor();

    const questions = page.locator('fieldset.pm-question');
    const count = await questions.count();
    expect(count).toBe(21);
    // LEFS: 20 items, each answered 3 ("a little bit of difficulty"): 60 of 80.
    for (let i = 0; i < 20; i += 1) await questions.nth(i).getByRole('radio', { name: /^3 / }).check();
    await questions.nth(20).getByRole('radio', { name: 'تخطَّ هذا السؤال' }).check();
    await page.getByText('أُجيب عن 21 من 21').waitFor();
    await page.getByRole('button', { name: 'أرسل إجاباتي' }).click();
    await page.getByText('شكرًا لك').waitFor();
    await shot(page, 'measures-ar-390-thanks');
    expect(errors).toEqual([]);

    expect(await measurements(episodeId)).toEqual([{ instrument_id: 'lefs', score: 60, language: 'ar', source: 'clinic_tablet' }]);
    // The link is spent.
    await page.reload();
    await page.getByText('تمت الإجابة مسبقًا').waitFor();
  });

  it('answers in English on a desktop', async () => {
    const link = await staffPost<{ url: string }>(staff, `/api/staff/episodes/${episodeId}/measure-requests`, { instrumentIds: ['nprs'], language: 'en' });
    expect(link.status).toBe(201);
    const { page, errors } = await newPage({ width: 1280, height: 900 });
    await page.goto(`${link.data.url}?lang=en`);
    await page.getByRole('heading', { name: 'How are you doing?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await shot(page, 'measures-en-1280');
    await page.getByRole('radio', { name: '4 on a scale from 0 to 10' }).check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Your answers are with your therapist').waitFor();
    expect(errors).toEqual([]);
    expect((await measurements(episodeId)).at(-1)).toEqual({ instrument_id: 'nprs', score: 4, language: 'en', source: 'clinic_tablet' });
  });

  it('shows a wrong link’s error in the patient’s language, revealing nothing', async () => {
    const { page } = await newPage({ width: 390, height: 844 }, true);
    await page.goto(`${server.baseUrl}/measures/${'x'.repeat(43)}?lang=ar`);
    await page.getByText('هذا الرابط غير صالح. يرجى طلب رابط جديد من العيادة.').waitFor();
  });

  it('looks right in both languages at both sizes', async () => {
    for (const [language, width] of [
      ['en', 390],
      ['ar', 1280],
    ] as const) {
      const link = await staffPost<{ url: string }>(staff, `/api/staff/episodes/${episodeId}/measure-requests`, { instrumentIds: ['nprs'] });
      const { page } = await newPage({ width, height: 900 }, width === 390);
      await page.goto(`${link.data.url}?lang=${language}`);
      await page.locator('fieldset.pm-question').first().waitFor();
      await shot(page, `measures-${language}-${width}`);
    }
  });
});
