import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../packages/web/src/lib/api/locales/errors.ar.ts';
import { en } from '../packages/web/src/lib/api/locales/errors.en.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Issue 10 item 4: a clinical or safety screen that gets a coded error shows the text of that code
// in the reader's language (lib/api/use-error-text.ts), never the server's English message. The
// error is a real one: a patient id holding a NUL character, which the server refuses at the edge
// (lib/unsafe-text.ts) before any route runs.

const THERAPIST = 'amira@demo.myomap.app';
const PASSWORD = 'myomap-demo';
const BAD_ID = '%00';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the server answers for a path, asked with a therapist's session. */
async function serverError(path: string): Promise<{ status: number; code: string; message: string }> {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: THERAPIST, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

/**
 * Signs in on the patient list and switches to Arabic, then opens the screen inside the app: the
 * server refuses the bad id in a page address too, so the app is entered first, as a link would.
 */
async function openInArabic(page: Page, screen: string): Promise<void> {
  await page.goto(`${server.baseUrl}/staff/patients`);
  await page.waitForURL(/\/staff\/sign-in\?next=/);
  await page.getByLabel('Email').fill(THERAPIST);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/staff/patients');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.evaluate((path) => {
    window.history.pushState({}, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, screen);
}

describe('coded errors in Arabic', () => {
  it.each([
    ['the patient record (clinical)', `/staff/patients/${BAD_ID}`, `/api/staff/patients/${BAD_ID}`],
    ['the patient safety page (safety)', `/staff/patients/${BAD_ID}/safety`, `/api/staff/patients/${BAD_ID}/safety`],
  ])('%s shows the Arabic text of the code, not the English message', async (_name, screen, apiPath) => {
    const refused = await serverError(apiPath);
    // A refusal with a code of the error table, not a crash and not "not found" (which has its own line).
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.status).not.toBe(404);
    expect(Object.keys(ar)).toContain(refused.code);
    const arabic = ar[refused.code as keyof typeof ar];
    const english = en[refused.code as keyof typeof en];

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await openInArabic(page, screen);
      const alert = page.getByRole('alert').filter({ hasText: arabic });
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).not.toContain(refused.message);
      expect(text).not.toContain(english);
    } finally {
      await context.close();
    }
  });
});
