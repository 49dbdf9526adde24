import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// The one 401 handler (lib/api/api-client.ts): when the session ends on the server, whatever the
// page does next sends the user to sign-in, and signing in again brings them back to that page.
// Here the page is in Arabic and the session is ended from another device ("sign out everywhere").

const EMAIL = 'reception@demo.myomap.app';
const PASSWORD = 'myomap-demo';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context;
}

/** Fills the staff sign-in form by its field names, so it works in either language. */
async function signIn(page: Page): Promise<void> {
  await page.locator('input[name="email"]').fill(EMAIL);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('a staff session ended elsewhere', () => {
  it('sends the next action to sign-in, in Arabic, and back to the same page after signing in again', async () => {
    const page = await (await newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.baseUrl}/staff/mailbox`);
    await page.waitForURL(/\/staff\/sign-in\?next=%2Fstaff%2Fmailbox/);
    await signIn(page);
    await page.waitForURL((url) => url.pathname === '/staff/mailbox');
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'صندوق الرسائل' }).waitFor();

    // The same person signs in on a second device and signs out everywhere: this page's session ends.
    const phone = await newContext();
    const login = await phone.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: EMAIL, password: PASSWORD } });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const out = await phone.request.post(`${server.baseUrl}/api/auth/logout-everywhere`, { headers: { 'x-csrf-token': csrfToken } });
    expect(out.status()).toBe(200);

    // Nothing happens until the page next talks to the server; then it is at sign-in, still in Arabic.
    expect(new URL(page.url()).pathname).toBe('/staff/mailbox');
    await page.getByRole('button', { name: 'تحديث' }).click();
    await page.waitForURL(/\/staff\/sign-in\?next=%2Fstaff%2Fmailbox/);
    await page.getByRole('heading', { level: 1, name: 'دخول الموظفين' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(page, 'staff-session-ended-ar');

    await signIn(page);
    await page.waitForURL((url) => url.pathname === '/staff/mailbox');
    await page.getByRole('heading', { level: 1, name: 'صندوق الرسائل' }).waitFor();
  });
});
