import http from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Monday 30 November 2026, 08:00 in Sharjah (as public-booking.test.ts).
const NOW = '2026-11-30T04:00:00Z';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * main.tsx loads the Temporal polyfill only where the browser has no Temporal, and the page carries
 * the services (server first-screen-data.ts), so the first step asks no GET /api/services. Opens the booking
 * page to its times (clinic-time.ts works out Sharjah's days with Temporal) with the browser's own
 * Temporal, and with Temporal removed before any script runs, as in a browser without it.
 */
async function openTimes(withoutTemporal: boolean): Promise<{ polyfillRequests: number; servicesRequests: number; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York', locale: 'en-US' });
  await context.clock.install({ time: NOW });
  if (withoutTemporal) await context.addInitScript(() => Reflect.deleteProperty(globalThis, 'Temporal'));
  const page = await context.newPage();
  const errors: string[] = [];
  let polyfillRequests = 0;
  let servicesRequests = 0;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (/\/assets\/global\.esm-[\w-]+\.js$/.test(request.url())) polyfillRequests++;
    if (new URL(request.url()).pathname === '/api/services') servicesRequests++;
  });
  try {
    await page.goto(`${server.baseUrl}/book?lang=en`);
    await appHasTakenOver(page);
    await page.getByRole('button', { name: /NMT initial assessment and treatment/ }).click();
    await page.getByRole('button', { name: /First available/ }).click();
    await page.getByRole('heading', { name: 'Times on Monday 30 November' }).waitFor();
    expect(await page.getByRole('button', { name: /^Wednesday 2 December/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /^Tuesday 1 December/ }).click();
    await page.getByRole('heading', { name: 'Times on Tuesday 1 December' }).waitFor();
    return { polyfillRequests, servicesRequests, errors };
  } finally {
    await context.close();
  }
}

/**
 * The server draws /book's first step and the app takes it over once its script has run (main.tsx):
 * it hydrates the drawn markup, then takes `data-drawn-in` off #root. The services sit in plain forms
 * either way (a tap before then submits one; after, the app moves on in the page).
 */
async function appHasTakenOver(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.pb-choices') !== null && document.querySelector('#root[data-drawn-in]') === null);
}

/** Every layout shift from the first paint on, kept by the page itself in __shifts (a buffered observer sees the earliest). */
function recordLayoutShifts(): void {
  const shifts: number[] = [];
  Reflect.set(globalThis, '__shifts', shifts);
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value))).observe({
    type: 'layout-shift',
    buffered: true,
  });
}

describe('the booking page loads', () => {
  it("uses the browser's Temporal, downloads no polyfill and asks for no services (they are in the page)", async () => {
    expect(await openTimes(false)).toEqual({ polyfillRequests: 0, servicesRequests: 0, errors: [] });
  });

  it('downloads the polyfill before the first render when the browser has no Temporal, and shows the same days', async () => {
    expect(await openTimes(true)).toEqual({ polyfillRequests: 1, servicesRequests: 0, errors: [] });
  });

  it('arrives with the services drawn by the server, in English and Arabic, and the app takes over without moving them', async () => {
    for (const language of ['en', 'ar'] as const) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
      const page = await context.newPage();
      // Without any script: the first step is in the HTML, and choosing a service is a plain form to the next step.
      await page.goto(`${server.baseUrl}/book?lang=${language}`);
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      const first = language === 'ar' ? /تقييم وعلاج عصبي عضلي أولي/ : /NMT initial assessment and treatment/;
      await page.getByRole('button', { name: first }).click();
      await page.waitForURL(/\/book\?service=svc-nmt-initial$/);
      await context.close();
      // The drawn page as it stands before the app's script (held back here) has no serious accessibility problem.
      const held = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const drawn = await held.newPage();
      await drawn.route('**/load-app-after-paint.js', (route) => route.abort());
      await drawn.goto(`${server.baseUrl}/book?lang=${language}`);
      expect(await drawn.locator('.pb-choice-form').count()).toBeGreaterThan(0);
      expect(await seriousAxeViolations(drawn)).toEqual([]);
      await held.close();
    }
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.clock.install({ time: NOW });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await context.addInitScript(recordLayoutShifts);
    // The app's entry (which the page asks for after its load event) waits until the drawn page has been looked at.
    let looked: () => void = () => {};
    const lookedAt = new Promise<void>((resolve) => (looked = resolve));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await lookedAt;
      await route.continue();
    });
    await page.goto(`${server.baseUrl}/book?lang=ar`);
    const drawnBox = await page.locator('.pb-choice').first().boundingBox();
    await page.evaluate(() => {
      Reflect.set(globalThis, '__drawnChoice', document.querySelector('.pb-choice'));
      Reflect.set(globalThis, '__drawnHeader', document.querySelector('.pb-header'));
      Reflect.set(globalThis, '__drawnFooter', document.querySelector('.pb-footer'));
    });
    looked();
    await appHasTakenOver(page);
    expect(await page.locator('.pb-choice').first().boundingBox()).toEqual(drawnBox);
    // Taken over by hydration: the very elements the server drew, not a copy drawn again.
    expect(await page.evaluate(() => document.querySelector('.pb-choice') === Reflect.get(globalThis, '__drawnChoice'))).toBe(true);
    // The header and footer too (each hydrated in a task of its own after the frame).
    expect(
      await page.evaluate(
        () =>
          document.querySelector('.pb-header') === Reflect.get(globalThis, '__drawnHeader') &&
          document.querySelector('.pb-footer') === Reflect.get(globalThis, '__drawnFooter'),
      ),
    ).toBe(true);
    // Nothing moved at all, from the first paint to the app's (the page in pieces: the next test).
    expect(await page.evaluate(() => Reflect.get(globalThis, '__shifts'))).toEqual([]);
    await page.getByRole('button', { name: /تقييم وعلاج عصبي عضلي أولي/ }).click();
    await page.getByRole('heading', { name: 'من تودّ أن يعالجك؟' }).waitFor();
    // The footer's links are the app's: the staff link opens its page in this document, no new load.
    await page.evaluate(() => Reflect.set(globalThis, '__sameDocument', true));
    await page.locator('.pb-footer__staff').click();
    await page.waitForURL(/\/staff/);
    expect(await page.evaluate(() => Reflect.get(globalThis, '__sameDocument'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('paints nothing until its main part has arrived, so a page that reaches the browser in pieces does not move', async () => {
    // Under load the browser may paint a page its parser has only part of. Painted before the language
    // switch had arrived, the header was laid out narrower and taller, and moved when the rest came
    // (0.004 of layout shift, a CI failure). The page is sent here in two pieces a moment apart, cut inside
    // the language switch; the server's <link rel="expect" href="#main" blocking="render"> holds the paint.
    const html = await (await fetch(`${server.baseUrl}/book?lang=ar`)).text();
    const cut = html.indexOf('ui-language-switch__icon');
    expect(cut).toBeGreaterThan(0);
    const inPieces = http.createServer((request, response) => {
      void (async () => {
        if (request.url?.startsWith('/book')) {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          response.write(html.slice(0, cut));
          await new Promise((resolve) => setTimeout(resolve, 400));
          response.end(html.slice(cut));
          return;
        }
        const upstream = await fetch(`${server.baseUrl}${request.url ?? '/'}`);
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      })();
    });
    await new Promise<void>((resolve) => inPieces.listen(0, '127.0.0.1', resolve));
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      await context.clock.install({ time: NOW });
      await context.addInitScript(recordLayoutShifts);
      const page = await context.newPage();
      const address = inPieces.address();
      await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/book?lang=ar`);
      await appHasTakenOver(page);
      expect(await page.evaluate(() => Reflect.get(globalThis, '__shifts'))).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => inPieces.close(resolve));
    }
  });
});
