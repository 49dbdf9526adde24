import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a screenshot under screenshots/ (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1280, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

export interface PageOptions {
  viewport: Viewport;
  /** Where the page's clock starts; it runs on from there (Playwright's clock.install). */
  now?: string;
  /** A clock that says this time always (Playwright's clock.setFixedTime); timers still run. */
  fixedTime?: string;
  /** The staff app's language, in the cookie the app keeps it in (the server serves each page in it; public pages also take ?lang=). */
  staffLanguage?: 'en' | 'ar';
  /** A phone as a phone: isMobile and a 2× screen (touch comes with any viewport under 500 px). */
  mobile?: boolean;
  /** How long each action waits, in ms. */
  timeout?: number;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown in the page. */
  errors: string[];
}

/** A page in the clinic's time zone (Asia/Dubai) with a British English browser, downloads allowed, collecting page errors. */
export async function openPage(browser: Browser, options: PageOptions): Promise<OpenPage> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: 'en-GB',
    timezoneId: 'Asia/Dubai',
    acceptDownloads: true,
    hasTouch: options.viewport.width < 500,
    ...(options.mobile ? { isMobile: true, deviceScaleFactor: 2 } : {}),
  });
  if (options.now) await context.clock.install({ time: options.now });
  if (options.fixedTime) await context.clock.setFixedTime(new Date(options.fixedTime));
  if (options.staffLanguage) await context.addCookies([{ name: 'myomap_lang', value: options.staffLanguage, domain: '127.0.0.1', path: '/' }]);
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * Runs `run` on a fresh page (openPage) and fails it on any page error; when it fails, the page is
 * saved as screenshots/<name>-failure.png. The context is closed either way.
 */
export async function withPage(
  browser: Browser,
  name: string,
  options: PageOptions,
  run: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const { context, page, errors } = await openPage(browser, options);
  try {
    await run(page, context);
    expect(errors).toEqual([]);
  } catch (error) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** A full-page screenshot from the top, so sticky bars sit where they belong. */
export async function screenshotFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}
