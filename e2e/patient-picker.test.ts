import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar as commonAr } from '../packages/web/src/app/locales/ar.ts';
import { en as commonEn } from '../packages/web/src/app/locales/en.ts';
import { ar as staffAr } from '../packages/web/src/features/staff/locales/ar.ts';
import { en as staffEn } from '../packages/web/src/features/staff/locales/en.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { signInThroughRedirect, staffRequest as staffRequestAs } from './support/staff.ts';

// Issue 12: the desk books an existing patient by finding them, never by pasting an id.
// Monday 30 November 2026, 08:00 in Dubai, for the server and the browser alike.
const NOW = '2026-11-30T04:00:00Z';
const require = createRequire(import.meta.url);

interface CalendarEventOut {
  id: string;
  start: string;
  patientId: string | null;
  patientName: string | null;
}
interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const patients: Record<string, string> = {};

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  // bypassCSP: the app's CSP (rightly) refuses the injected axe-core script.
  const context = await browser.newContext({ timezoneId: 'Asia/Dubai', locale: 'en-GB', viewport, bypassCSP: true });
  await context.clock.setFixedTime(new Date(NOW));
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const signIn = (page: Page, email: string) => signInThroughRedirect(page, server.baseUrl, email, '/staff/calendar');
const staffRequest = <T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown) => staffRequestAs<T>(page, server.baseUrl, method, path, body);

async function visitAt(page: Page, start: string): Promise<CalendarEventOut | undefined> {
  const { data } = await staffRequest<{ events: CalendarEventOut[] }>(page, 'GET', '/api/staff/calendar?from=2026-12-01&to=2026-12-01');
  return data.events.find((e) => e.start === start);
}

/** axe-core on the open dialog: no serious or critical violation. */
async function expectAccessibleDialog(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(context: string): Promise<AxeResult> } }).axe.run('dialog[open]'));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

describe('booking an existing patient with the patient picker', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ now: NOW });
    browser = await launchBrowser();
    const page = await newPage({ width: 1280, height: 900 });
    await signIn(page, 'reception@demo.myomap.app');
    for (const [key, body] of Object.entries({
      layla: { name: 'Layla Haddad', email: 'layla.h@example.com', phone: '+971501234567', dateOfBirth: '1988-04-09' },
      reem: { name: 'ريم الخطيب', email: 'reem.k@example.com', phone: '+971551112233', dateOfBirth: '1992-07-21' },
      laith: { name: 'Laith Haddad', email: 'laith.h@example.com', phone: '+971509998877', dateOfBirth: '1960-01-15' },
    })) {
      const created = await staffRequest<{ id: string }>(page, 'POST', '/api/staff/patients', body);
      expect(created.status).toBe(201);
      patients[key] = created.data.id;
    }
  }, 300_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('finds a patient by part of the name and books them, keyboard only (English, desktop)', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signIn(page, 'reception@demo.myomap.app');
    await page.getByRole('button', { name: staffEn.calendar.newAppointment }).click();
    const dialog = page.getByRole('dialog', { name: staffEn.entry.visitTitle });
    await dialog.getByLabel(staffEn.entry.date).fill('2026-12-01');
    await dialog.getByLabel(staffEn.entry.start).fill('10:00');
    // From here on, the keyboard alone: arrow into "existing patient", Tab to the search.
    await dialog.getByLabel(staffEn.entry.patientNew).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog.getByLabel(staffEn.entry.patientExisting).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    const combo = dialog.getByRole('combobox', { name: commonEn.patientPicker.label });
    await expect.poll(() => combo.evaluate((el) => el === document.activeElement)).toBe(true);
    // Recent patients before anything is typed.
    const list = dialog.getByRole('listbox');
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThanOrEqual(3);
    expect(await dialog.getByText(commonEn.patientPicker.recent).isVisible()).toBe(true);

    await page.keyboard.type('hadd lay');
    await expect.poll(() => list.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Layla Haddad')]);
    const option = list.getByRole('option').first();
    expect(await option.innerText()).toContain('+971501234567');
    expect(await option.innerText()).toContain('Born 9 Apr 1988');
    // Escape closes the list, not the dialog; the arrow key opens it again.
    await page.keyboard.press('Escape');
    await expect.poll(() => combo.getAttribute('aria-expanded')).toBe('false');
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => combo.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const activeId = await combo.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'patient-picker-en-1280');
    await expectAccessibleDialog(page);

    await page.keyboard.press('Enter');
    expect(await combo.inputValue()).toBe('Layla Haddad');
    expect(await dialog.isVisible()).toBe(true);
    // The chosen patient's facts stay under the field, then Enter books.
    expect(await dialog.getByText('Born 9 Apr 1988').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(/Appointment booked\. Reference MYO-/).waitFor();
    const booked = await visitAt(page, '2026-12-01T10:00:00+04:00');
    expect(booked).toMatchObject({ patientId: patients.layla, patientName: 'Layla Haddad' });
  });

  it('finds a patient by phone and books them (Arabic, phone width)', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, 'reception@demo.myomap.app');
    await page.goto(`${server.baseUrl}/staff/calendar?lang=ar`);
    await page.getByRole('button', { name: staffAr.calendar.newAppointment }).click();
    const dialog = page.getByRole('dialog', { name: staffAr.entry.visitTitle });
    await dialog.getByLabel(staffAr.entry.date).fill('2026-12-01');
    await dialog.getByLabel(staffAr.entry.start).fill('14:00');
    await dialog.getByLabel(staffAr.entry.patientExisting).check();
    const combo = dialog.getByRole('combobox', { name: commonAr.patientPicker.label });
    await combo.click();
    await combo.fill('055 111 2233');
    const list = dialog.getByRole('listbox');
    await expect.poll(() => list.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('ريم الخطيب')]);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(page, 'patient-picker-ar-390');
    await expectAccessibleDialog(page);
    await list.getByRole('option').first().click();
    expect(await combo.inputValue()).toBe('ريم الخطيب');
    await dialog.getByRole('button', { name: staffAr.entry.saveVisit }).click();
    await page.getByText(/MYO-/).first().waitFor();
    const booked = await visitAt(page, '2026-12-01T14:00:00+04:00');
    expect(booked).toMatchObject({ patientId: patients.reem, patientName: 'ريم الخطيب' });
  });

  it('asks for a patient when none was chosen, and books nothing', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signIn(page, 'reception@demo.myomap.app');
    await page.getByRole('button', { name: staffEn.calendar.newAppointment }).click();
    const dialog = page.getByRole('dialog', { name: staffEn.entry.visitTitle });
    await dialog.getByLabel(staffEn.entry.date).fill('2026-12-01');
    await dialog.getByLabel(staffEn.entry.start).fill('16:00');
    await dialog.getByLabel(staffEn.entry.patientExisting).check();
    // Typed but not chosen: a name is not a patient.
    await dialog.getByRole('combobox', { name: commonEn.patientPicker.label }).fill('Laith');
    await dialog.getByRole('button', { name: staffEn.entry.saveVisit }).click();
    await dialog.getByText(commonEn.form.required).waitFor();
    expect(await dialog.getByRole('combobox', { name: commonEn.patientPicker.label }).getAttribute('aria-invalid')).toBe('true');
    expect(await visitAt(page, '2026-12-01T16:00:00+04:00')).toBeUndefined();
  });
});
