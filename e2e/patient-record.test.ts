import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Issue 12: one patient record. A therapist opens a record in English on a desktop and a
// receptionist in Arabic on a phone; each edits the phone number and finds the change, with who
// made it, in the change history; axe-core finds no serious or critical accessibility violation.

const PASSWORD = 'myomap-demo';
const require = createRequire(import.meta.url);
// axe-core goes in as a script tag, which the app's CSP (script-src 'self') would refuse: the contexts bypass CSP for it.

let server: TestServer;
let browser: Browser;
let patientId = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'reception@demo.myomap.app', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${server.baseUrl}/api/staff/patients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'Huda Al Mansoori', email: 'huda@example.com', phone: '+971 50 111 2222', dateOfBirth: '1979-08-21', sex: 'female' }),
  });
  expect(created.status).toBe(201);
  patientId = ((await created.json()) as { id: string }).id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, email: string, path: string, language: 'en' | 'ar'): Promise<void> {
  await page.goto(`${server.baseUrl}/staff/sign-in?lang=${language}&next=${encodeURIComponent(path)}`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === path);
}

/** axe-core's serious and critical findings on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

describe('one patient record in a browser', { timeout: 300_000 }, () => {
  it('a therapist edits the phone in English on a desktop and sees it in the change history', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const path = `/staff/patients/${patientId}`;
    await signIn(page, 'amira@demo.myomap.app', path, 'en');
    await page.getByRole('heading', { level: 1, name: 'Huda Al Mansoori' }).waitFor();
    // A therapist sees the clinical sections; the history has nothing yet.
    await page.getByRole('heading', { level: 2, name: 'Signed session notes' }).waitFor();
    await page.getByText('No changes since the record was made.').waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Demographics' });
    await form.getByLabel('Phone', { exact: true }).fill('+971 50 333 4444');
    // The patient asked for WhatsApp: the record keeps it, and the outbox worker sends by it when the clinic has set it up.
    await form.getByLabel('Messages by', { exact: true }).selectOption('whatsapp');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.locator('#section-demographics').getByText('WhatsApp', { exact: true }).waitFor();
    const [stored] = await server.ctx.db.query<{ preferred_channel: string }>('select preferred_channel from patients where id = $1', [patientId]);
    expect(stored?.preferred_channel).toBe('whatsapp');
    const row = page.locator('#section-changes tr[data-field="phone"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('+971 50 111 2222');
    expect(await row.innerText()).toContain('+971 50 333 4444');
    expect(await row.innerText()).toContain('Amira');

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'patient-record-en-1280');

    await page.getByRole('button', { name: 'Timeline' }).click();
    await page.locator('.record-timeline__item[data-kind="change"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'patient-record-timeline-en-1280');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reception edits the phone in Arabic on a phone, sees the change, and gets no clinical sections', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar-AE', isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const path = `/staff/patients/${patientId}`;
    await signIn(page, 'reception@demo.myomap.app', path, 'ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'Huda Al Mansoori' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'سجل التغييرات' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'ملاحظات الجلسات الموقّعة' }).count()).toBe(0);

    await page.getByRole('button', { name: 'تعديل', exact: true }).click();
    const form = page.getByRole('form', { name: 'البيانات الشخصية' });
    await form.getByLabel('الهاتف', { exact: true }).fill('+971 50 555 6666');
    await form.getByRole('button', { name: 'حفظ التغييرات' }).click();
    await page.getByRole('status').filter({ hasText: 'تم الحفظ' }).waitFor();
    const row = page.locator('#section-changes tr[data-field="phone"]').first();
    await expect.poll(() => row.innerText()).toContain('+971 50 555 6666');
    expect(await row.innerText()).toContain('+971 50 333 4444');

    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'patient-record-ar-390');
    expect(errors).toEqual([]);
    await context.close();
  });
});
