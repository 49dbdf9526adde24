import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// A practitioner's own calendar feed on their account page (features/staff/accounts/calendar-feed-card.tsx):
// the private link is shown, copied to the clipboard, and replaced by a new one that stops the old at once.

const EMAIL = 'amira@demo.myomap.app';
const PASSWORD = 'myomap-demo';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** What a calendar app gets when it asks the feed's address. */
async function readFeed(url: string): Promise<{ status: number; type: string | null; body: string }> {
  // The page shows the public address (PUBLIC_URL); the test server listens elsewhere.
  const { pathname, search } = new URL(url);
  const response = await fetch(`${server.baseUrl}${pathname}${search}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

async function feedUrl(page: Page): Promise<string> {
  return page.locator('#calendar-feed-url').inputValue();
}

describe('the calendar feed card', () => {
  it('shows the link, copies it, and a new link stops the old feed', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.baseUrl}/staff/account`);
    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();

    await page.getByRole('heading', { name: 'Your visits in your phone’s calendar' }).waitFor();
    const first = await feedUrl(page);
    expect(first).toMatch(/^https?:\/\/.+\.ics\?token=.+/);
    const subscribe = await page.getByRole('link', { name: 'Subscribe in your calendar app' }).getAttribute('href');
    expect(subscribe).toBe(first.replace(/^https?:/, 'webcal:'));
    const feed = await readFeed(first);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(feed.body).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    await screenshot(page, 'staff-calendar-feed-en');

    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.getByText('A new link stops the old one at once.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Stop the old link and make a new one' }).click();
    await page.getByText('New link made. The old link no longer works', { exact: false }).waitFor();
    const second = await feedUrl(page);
    expect(second).not.toBe(first);
    expect((await readFeed(second)).status).toBe(200);
    expect((await readFeed(first)).status).toBe(404);
    // The copy button starts again for the new link.
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    await screenshot(page, 'staff-calendar-feed-rotated-en');

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('button', { name: 'نسخ الرابط' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await screenshot(page, 'staff-calendar-feed-ar');
    await page.close();
  });
});
