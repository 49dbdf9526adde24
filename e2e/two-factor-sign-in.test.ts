import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../packages/server/src/lib/two-factor.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// A production first run end to end: no demo staff, the first admin from the setup link, the
// forced two-factor enrolment, then signing in with an authenticator code and with a recovery
// code. The server runs on a hand-set clock that starts at the real time (the browser keeps
// cookies by real time), so each sign-in can move to a fresh 30-second TOTP step without waiting.

const ADMIN = { name: 'Huda Al Mansoori', email: 'huda@clinic.example', password: 'cedar window morning 42' };

let server: TestServer & { clock: { advance(ms: number): void; now(): Date } };
let browser: Browser;
let page: Page;

async function signInWithPassword(): Promise<void> {
  await page.goto(`${server.baseUrl}/staff/sign-in`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(): Promise<void> {
  await page.locator('.frame-user-menu summary').click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(/\/staff\/sign-in/);
}

describe('two-factor sign-in in the browser', () => {
  beforeAll(async () => {
    server = await startTestServer({
      now: new Date().toISOString(),
      env: { NODE_ENV: 'production', SESSION_SECRET: 'e2e-production-secret-at-least-32-chars', SEED_DEMO: '1' },
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let secret = '';
  let recoveryCodes: string[] = [];

  it('creates the first admin from the setup link printed at first start', async () => {
    const token = server.setupLink?.split('/setup/')[1];
    expect(token).toBeTruthy();
    await page.goto(`${server.baseUrl}/setup/${token}`);
    await page.getByRole('heading', { name: 'Create the first administrator' }).waitFor();
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Your work email').fill(ADMIN.email);
    await page.getByLabel('New password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat the new password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'All set' }).waitFor();
  });

  it('makes the admin set up two-factor at the first sign-in, before anything else', async () => {
    await signInWithPassword();
    await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Code').fill('000000' === currentTotp(secret, server.clock.now()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();

    await page.getByLabel('Code').fill(currentTotp(secret, server.clock.now()));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/calendar');
    await page.getByRole('link', { name: 'Staff accounts' }).click();
    await page.getByRole('cell', { name: ADMIN.email }).waitFor();
  });

  it('signs in with a code from the authenticator app', async () => {
    await signOut();
    server.clock.advance(30_000);
    await signInWithPassword();
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByLabel('Code').fill(currentTotp(secret, server.clock.now()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/calendar');
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();
  });

  it('signs in with a recovery code, which then works no more', async () => {
    await signOut();
    await signInWithPassword();
    await page.getByLabel('Code').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/calendar');

    await page.goto(`${server.baseUrl}/staff/account`);
    await page.getByText('9 recovery codes left.').waitFor();
    await signOut();
    await signInWithPassword();
    await page.getByLabel('Code').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
  });
});
