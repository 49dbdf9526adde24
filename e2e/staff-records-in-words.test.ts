import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake } from '../packages/domain/src/screening/screening-case-builder.ts';
import { intakeResponse } from '../packages/domain/src/screening/intake-questionnaire-data.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Issue 12: the mailbox and the audit log read as words in English and Arabic, on a phone and a
// desktop, with no serious accessibility faults; the Arabic review queue and safety page show no codes.

const NOW = '2026-11-30T04:00:00Z';
const PASSWORD = 'myomap-demo';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** A snake_case id (proceed_with_precautions, waitlist_offer): never shown to people. */
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/g;

let server: TestServer;
let browser: Browser;
let patientId = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
  // Rana books online and reports progressive weakness with twitching: a red flag for the physician's queue.
  const booked = await fetch(`${server.baseUrl}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: 'svc-nmt-initial',
      practitionerId: 'prac-amira',
      start: '2026-12-01T09:00:00+04:00',
      patient: { name: 'Rana Aziz', email: 'rana.aziz@example.com', preferredLanguage: 'ar' },
    }),
  });
  expect(booked.status).toBe(201);
  const booking = (await booked.json()) as { id: string; reference: string; manageToken: string };
  const url = (suffix = '') => `${server.baseUrl}/api/intake/${booking.reference}${suffix}?token=${encodeURIComponent(booking.manageToken)}`;
  const answers = intake({ 'full-name': 'Rana Aziz', 'nmd-weakness-main': true, 'nmd-progressive': true, 'nmd-rapid': false, 'nmd-twitching': true });
  const saved = await fetch(url(), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response: intakeResponse(answers), language: 'ar' }),
  });
  expect(saved.status).toBe(200);
  expect((await fetch(url('/submit'), { method: 'POST' })).status).toBe(200);
  const [row] = await server.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booking.id]);
  patientId = row?.patient_id ?? '';
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage(language: 'en' | 'ar', width: number, email: string, path: string, run: (page: Page) => Promise<void>): Promise<void> {
  // bypassCSP: axe-core is injected as a script tag, which the app's CSP (rightly) refuses.
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Dubai', bypassCSP: true });
  await context.clock.install({ time: NOW });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${server.baseUrl}/staff/sign-in?lang=${language}&next=${encodeURIComponent(path)}`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === path);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    await run(page);
    expect(errors).toEqual([]);
  } catch (error) {
    await screenshot(page, `records-failure-${language}-${width}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** axe-core on the page as it is: the serious and critical violations, by rule and target. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const visibleCodes = async (page: Page) => [...((await page.locator('main, [role="main"], body').first().innerText()).match(RAW_CODE) ?? [])];

describe('the mailbox and the audit log in words', { timeout: 300_000 }, () => {
  it.each([
    ['ar', 390, 'تأكيد', /أُرسلت|بانتظار الإرسال|جارٍ الإرسال/, 'صندوق الرسائل'],
    ['en', 1280, 'Confirmation', /Sent|Waiting|Sending/, 'Mailbox'],
  ] as const)('shows the mailbox in %s at %i px: one line per message, kind and status as words', async (language, width, kind, status, title) => {
    await withPage(language, width, 'admin@demo.myomap.app', '/staff/mailbox', async (page) => {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const line = page.locator('.mb-item').filter({ hasText: 'Rana Aziz' }).filter({ hasText: kind }).first();
      await line.waitFor();
      expect(await line.locator('.mb-status').innerText()).toMatch(status);
      await line.getByRole('button').click();
      await expect.poll(() => line.locator('.mb-text').innerText()).toContain('Rana');
      expect(await visibleCodes(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `records-mailbox-${language}-${width}`);

      // Filtering by a status nobody has empties the list, in words.
      await page.locator('.mb-filters select').nth(1).selectOption('failed');
      await page.locator('.mb-list').waitFor({ state: 'detached' });
      expect(await page.locator('.mb-item').count()).toBe(0);
    });
  });

  it.each([
    ['ar', 390, 'حجز زيارة عبر الإنترنت — ملف Rana Aziz', 'سجل التدقيق'],
    ['en', 1280, 'booked a visit online for Rana Aziz', 'Audit log'],
  ] as const)('shows the audit log in %s at %i px as sentences, filtered by a patient name', async (language, width, sentence, title) => {
    await withPage(language, width, 'admin@demo.myomap.app', '/staff/audit', async (page) => {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('.au-entry').first().waitFor();
      await page.locator('.au-filters input[type="search"]').fill('aziz');
      await page.locator('.au-filters button[type="submit"]').click();
      await expect.poll(async () => (await page.locator('.au-sentence').allInnerTexts()).join('\n')).toContain(sentence);
      const sentences = await page.locator('.au-sentence').allInnerTexts();
      expect(sentences.length).toBeGreaterThan(0);
      expect(sentences.every((s) => s.includes('Rana Aziz'))).toBe(true);
      expect(await page.locator('.au-list pre, .au-list code').count()).toBe(0);
      expect(await visibleCodes(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `records-audit-${language}-${width}`);
    });
  });

  it('shows the Arabic review queue and patient safety page without a raw code', async () => {
    await withPage('ar', 390, 'dr.yousef@demo.myomap.app', '/staff/reviews', async (page) => {
      await page.getByText('Rana Aziz').first().waitFor();
      expect(await visibleCodes(page)).toEqual([]);
      await screenshot(page, 'records-review-queue-ar');
      await page.goto(`${server.baseUrl}/staff/patients/${patientId}/safety`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await visibleCodes(page)).toEqual([]);
      await screenshot(page, 'records-patient-safety-ar');
    });
  });
});
