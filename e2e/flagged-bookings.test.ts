import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Reception's flagged bookings, in a browser under the app's Content-Security-Policy: three
// online bookings from one address for three different emails are flagged; reception keeps
// one and releases one. Any CSP violation (an inline script, say) fails the test.

const NOW = '2026-11-30T04:00:00Z';
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(width: number, language: 'en' | 'ar'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ timezoneId: 'Asia/Dubai', locale: language === 'ar' ? 'ar-AE' : 'en-GB', viewport: { width, height: 900 } });
  await context.clock.setFixedTime(new Date(NOW));
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // The sign-in page's first "who am I?" is a 401 by design; anything else is a problem.
    if (/status of 401/.test(message.text())) return;
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return { page, problems };
}

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.waitForURL(/\/staff\/sign-in\?next=/);
  await page.locator('input[type="email"]').fill('reception@demo.myomap.app');
  await page.locator('input[type="password"]').fill('myomap-demo');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === path);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
  const slots = (
    (await (await fetch(`${server.baseUrl}/api/availability?serviceId=svc-nmt-follow-60&practitionerId=prac-sara&from=2026-12-04&to=2026-12-04`)).json()) as {
      slots: { start: string }[];
    }
  ).slots;
  for (const [i, name] of ['Rami One', 'Rami Two', 'Rami Three'].entries()) {
    const res = await fetch(`${server.baseUrl}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'svc-nmt-follow-60',
        practitionerId: 'prac-sara',
        start: slots[i * 8]?.start,
        patient: { name, email: `rami${i}@example.com` },
      }),
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('flagged bookings', () => {
  it('serves pages under a CSP with no inline script', async () => {
    const res = await fetch(`${server.baseUrl}/staff`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    // Data blocks (the clinic settings, JSON-LD) are never executed, so they are not inline script.
    expect(await res.text()).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/(?:ld\+)?json"))[^>]*>/);
  });

  it('lets reception keep one and release one, in English and Arabic, on a phone and a desktop', async () => {
    const { page, problems } = await newPage(1280, 'en');
    await signIn(page, '/staff/suspicious-bookings');
    await page.getByRole('heading', { name: 'Flagged bookings' }).waitFor();
    const rows = page.locator('.ui-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByText('One address booked for several people').first().waitFor();
    await screenshot(page, 'flagged-bookings-1280-en');

    await rows.filter({ hasText: 'Rami One' }).getByRole('button', { name: 'Keep' }).click();
    await page.getByText('Kept. The booking stays as it is.').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    page.once('dialog', (dialog) => void dialog.accept());
    await rows.filter({ hasText: 'Rami Two' }).getByRole('button', { name: 'Release' }).click();
    await page.getByText('Released. The booking is cancelled and the time is free.').waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    await page.goto(`${server.baseUrl}/staff/suspicious-bookings?lang=ar`);
    await page.getByRole('heading', { name: 'حجوزات مُعلَّمة' }).waitFor();
    await screenshot(page, 'flagged-bookings-1280-ar');
    expect(problems).toEqual([]);

    for (const language of ['en', 'ar'] as const) {
      const phone = await newPage(390, language);
      await signIn(phone.page, '/staff/suspicious-bookings');
      if (language === 'ar') await phone.page.goto(`${server.baseUrl}/staff/suspicious-bookings?lang=ar`);
      await phone.page.locator('.ui-table tbody tr').first().waitFor();
      await screenshot(phone.page, `flagged-bookings-390-${language}`);
      expect(phone.problems).toEqual([]);
    }
  });
});
