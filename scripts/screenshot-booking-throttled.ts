import { chromium } from 'playwright-core';
import { startTestServer } from '../e2e/support/test-server.ts';

/**
 * `tsx scripts/screenshot-booking-throttled.ts [outDir]`: the booking flow at 390 px on a throttled
 * phone profile (slow 4G, CPU 4× slower, as Lighthouse's mobile preset), in English and Arabic, one
 * PNG per step, to look at what a patient sees while pages and data arrive. Needs `npm run build`.
 */
const outDir = process.argv[2] ?? '/tmp/web-shots';
const server = await startTestServer({ env: { PORT: process.env.SHOTS_PORT ?? '3412', OUTBOX_INTERVAL_MS: '0' } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const lang of ['en', 'ar'] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const shot = (name: string) => page.screenshot({ path: `${outDir}/${lang}-${name}.png` });
    await page.goto(`${server.baseUrl}/book?lang=${lang}`, { waitUntil: 'commit' });
    await page.waitForTimeout(600);
    await shot('0-early');
    await page.locator('.pb-choice').first().waitFor({ timeout: 60_000 });
    await shot('1-service');
    await page.locator('.pb-choice').first().click();
    await page.locator('.pb-choice').first().waitFor();
    await shot('2-practitioner');
    await page.locator('.pb-choice').first().click();
    await page.waitForTimeout(300);
    await shot('3-time-loading');
    await page.locator('.pb-slot-picker__day').waitFor({ timeout: 60_000 });
    await shot('3-time');
    await page.locator('.pb-slot-picker__times button').first().click();
    await page.locator('input').first().waitFor({ timeout: 60_000 });
    await page
      .locator('input')
      .first()
      .fill(lang === 'ar' ? 'ليلى حداد' : 'Layla Haddad');
    await page.locator('input[type=email]').fill('layla@example.com');
    await shot('4-details');
    await page.reload({ waitUntil: 'commit' });
    await page.locator('input').first().waitFor({ timeout: 60_000 });
    await shot('5-details-after-reload');
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
