import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake } from '../packages/domain/src/screening/screening-case-builder.ts';
import { intakeResponse } from '../packages/domain/src/screening/intake-questionnaire-data.ts';
import { readSentMessages } from '../packages/server/src/test-support/read-outbox.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { staffRequest as staffRequestAs } from './support/staff.ts';

// Issue 12's calendar: resource columns per practitioner, a one-column day or agenda on a phone,
// drag moves that ask before telling the patient and can be undone, and a referred patient's
// visit marked so it cannot be missed. The browser is in UTC, the clinic in Asia/Dubai (+04:00);
// the clinic's today is Monday 30 Nov 2026.

const PASSWORD = 'myomap-demo';
const BROWSER_NOW = new Date('2026-11-30T04:00:00Z');
// The grid's slot height (calendar-page.tsx slotHeight) per 15-minute slot.
const SLOT_PX = 28;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(width: number, height = 1000): Promise<Page> {
  // bypassCSP: axe is injected as a script tag, which the app's own CSP (script-src 'self') would refuse.
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB', viewport: { width, height }, bypassCSP: true });
  await context.clock.setFixedTime(BROWSER_NOW);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

async function signIn(page: Page, email: string, lang: 'en' | 'ar' = 'en', path = '/staff/calendar'): Promise<void> {
  await page.goto(`${server.baseUrl}/staff/sign-in?next=${encodeURIComponent(path)}${lang === 'ar' ? '&lang=ar' : ''}`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === path);
}

const staffRequest = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  staffRequestAs<T>(page, server.baseUrl, method, path, body);

async function book(page: Page, practitionerId: string, start: string, name: string, email: string): Promise<string> {
  const created = await staffRequest<{ id: string }>(page, 'POST', '/api/staff/appointments', {
    practitionerId,
    serviceId: 'svc-nmt-follow-60',
    start,
    patient: { name, email },
  });
  expect(created.status).toBe(201);
  return created.data.id;
}

async function startOf(page: Page, id: string): Promise<string | undefined> {
  const { data } = await staffRequest<{ events: { id: string; start: string }[] }>(page, 'GET', '/api/staff/calendar?from=2026-11-30&to=2026-11-30');
  return data.events.find((e) => e.id === id)?.start;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Drags an entry by whole quarter hours in its column, pointer step by pointer step like a person. */
async function dragBy(page: Page, eventId: string, minutes: number): Promise<void> {
  const event = page.locator(`.ec-event:has([data-event-id="${eventId}"])`);
  await event.scrollIntoViewIfNeeded();
  const from = await event.boundingBox();
  if (!from) throw new Error('event not on screen');
  const x = from.x + from.width / 2;
  const y = from.y + 10;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 12, { steps: 4 });
  await page.mouse.move(x, y + (minutes / 15) * SLOT_PX, { steps: 20 });
  await page.mouse.up();
}

beforeAll(async () => {
  server = await startTestServer({ now: BROWSER_NOW.toISOString() });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('the calendar as resource columns (desktop, English)', { timeout: 300_000 }, () => {
  let page: Page;

  it('opens on the day by practitioner: one column per active practitioner, and no serious axe violation', async () => {
    page = await newPage(1280);
    await signIn(page, 'reception@demo.myomap.app');
    await page.locator('.ec-resource.ec-day-view').waitFor();
    const { data: practitioners } = await staffRequest<{ active: boolean; name: { en: string } }[]>(page, 'GET', '/api/staff/practitioners');
    const names = practitioners.filter((p) => p.active).map((p) => p.name.en);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const heads = (await page.locator('.ec-col-head').allTextContents()).map((t) => t.trim()).filter(Boolean);
    expect(heads).toEqual(names);
    expect(await page.getByRole('button', { name: 'Day by practitioner' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoSeriousAxeViolations(page, 'calendar, day by practitioner, en');
  });

  it("marks a referred patient's visit on the grid and puts an alert with the safety link in the details", async () => {
    const id = await book(page, 'prac-omar', '2026-11-30T10:00:00+04:00', 'Salma Refer', 'salma.refer@example.com');
    const saved = await staffRequest(page, 'PUT', `/api/staff/appointments/${id}/intake`, {
      response: intakeResponse(intake({ 'nmd-wasting': true })),
      language: 'en',
    });
    expect(saved.status).toBe(200);
    expect((await staffRequest(page, 'POST', `/api/staff/appointments/${id}/intake/submit`)).status).toBe(200);
    await page.reload();
    const visit = page.locator(`.ec-event.st-ev-refer:has([data-event-id="${id}"])`);
    await visit.waitFor();
    expect(await visit.locator('.st-mark-refer').textContent()).toBe('Refer — do not treat');
    await visit.click();
    const panel = page.getByRole('complementary', { name: 'Salma Refer' });
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Do not treat');
    const link = panel.getByRole('link', { name: 'Open the safety page' });
    expect(await link.getAttribute('href')).toMatch(/^\/staff\/patients\/[^/]+\/safety$/);
    await screenshot(page, 'staff-calendar-refer');
  });

  it('asks before moving a dragged visit, tells the patient only when ticked, and undoes a move', async () => {
    await page.setViewportSize({ width: 1280, height: 1900 });
    const email = 'rana.aziz@example.com';
    const id = await book(page, 'prac-sara', '2026-11-30T09:00:00+04:00', 'Rana Aziz', email);
    await page.reload();
    await page.locator(`[data-event-id="${id}"]`).waitFor();
    const rescheduled = async () => (await readSentMessages(server.ctx, 'rescheduled', email)).length;

    // Cancel: the entry goes back and nothing is sent.
    await dragBy(page, id, 120);
    const dialog = page.getByRole('dialog', { name: 'Move this entry?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Move Rana Aziz to .*11:00 with Sara Nasser\?/);
    await expectNoSeriousAxeViolations(page, 'move dialog, en');
    await screenshot(page, 'staff-calendar-move-dialog');
    await dialog.getByRole('button', { name: 'Leave it where it was' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await startOf(page, id)).toBe('2026-11-30T09:00:00+04:00');
    await expect.poll(() => page.locator(`[data-event-id="${id}"] .st-ev-time`).textContent()).toContain('09:00');

    // Confirm with the box ticked: moved, one "rescheduled" email queued; undo moves back and tells again.
    await dragBy(page, id, 120);
    await dialog.waitFor();
    expect(await dialog.getByLabel('Tell the patient by email').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => startOf(page, id)).toBe('2026-11-30T11:00:00+04:00');
    expect(await rescheduled()).toBe(1);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => startOf(page, id)).toBe('2026-11-30T09:00:00+04:00');
    expect(await rescheduled()).toBe(2);

    // Confirm with the box unticked: moved, nothing queued; the undo is silent too.
    await page.locator(`[data-event-id="${id}"] .st-ev-time`).filter({ hasText: '09:00' }).waitFor();
    await dragBy(page, id, 180);
    await dialog.waitFor();
    await dialog.getByLabel('Tell the patient by email').uncheck();
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => startOf(page, id)).toBe('2026-11-30T12:00:00+04:00');
    expect(await rescheduled()).toBe(2);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => startOf(page, id)).toBe('2026-11-30T09:00:00+04:00');
    expect(await rescheduled()).toBe(2);
  });

  it("shows the week with each day's visits per practitioner in its header", async () => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await page.locator('.ec-time-grid.ec-week-view').waitFor();
    await expect.poll(() => page.locator('.st-count').first().getAttribute('title')).toMatch(/: \d+ visits?$/);
    await expectNoSeriousAxeViolations(page, 'calendar, week, en');
    await page.getByRole('button', { name: 'Agenda' }).click();
    await page.locator('.ec-list').waitFor();
    await expectNoSeriousAxeViolations(page, 'calendar, agenda, en');
  });
});

describe('the calendar on a phone (Arabic, 390 px)', { timeout: 300_000 }, () => {
  it('opens reception on the agenda, with no sideways page scroll and no serious axe violation', async () => {
    const page = await newPage(390, 844);
    await signIn(page, 'reception@demo.myomap.app', 'ar');
    await page.locator('.ec-list').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('button', { name: 'جدول المواعيد' }).getAttribute('aria-pressed')).toBe('true');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(page, 'calendar, agenda, ar, 390');
    await screenshot(page, 'staff-calendar-agenda-ar-390');
  });

  it('opens a therapist on their own column of the day', async () => {
    const page = await newPage(390, 844);
    await signIn(page, 'amira@demo.myomap.app', 'ar');
    await page.locator('.ec-resource.ec-day-view').waitFor();
    const heads = (await page.locator('.ec-col-head').allTextContents()).map((t) => t.trim()).filter(Boolean);
    expect(heads).toEqual(['أميرة صالح']);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(page, 'calendar, day, ar, 390');
    await screenshot(page, 'staff-calendar-day-ar-390');
  });
});
