import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { signInThroughRedirect, staffRequest as staffRequestAs } from './support/staff.ts';

// The staff calendar end to end, in a browser whose zone is UTC while the clinic is in
// Asia/Dubai (+04:00): every time typed, shown or dragged must be clinic time.
//
// The browser's clock is fixed at 2026-11-29T21:30Z: still Sunday 29 Nov in UTC but already
// Monday 30 Nov, 01:30 in Dubai, so a calendar that used the browser's date would open on
// the wrong week. 2–3 Dec are the seeded National Day closure.

const PASSWORD = 'myomap-demo';
const BROWSER_NOW = new Date('2026-11-29T21:30:00Z');

interface CalendarEventOut {
  id: string;
  kind: string;
  start: string;
  end: string;
  practitionerId: string | null;
  patientName: string | null;
  note: string;
  reference: string | null;
}

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  await context.clock.setFixedTime(BROWSER_NOW);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

const signIn = (page: Page, email: string, path = '/staff/calendar') => signInThroughRedirect(page, server.baseUrl, email, path);
const staffRequest = <T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown) => staffRequestAs<T>(page, server.baseUrl, method, path, body);

async function eventsOn(page: Page, day: string): Promise<CalendarEventOut[]> {
  const { status, data } = await staffRequest<{ events: CalendarEventOut[] }>(page, 'GET', `/api/staff/calendar?from=${day}&to=${day}`);
  expect(status).toBe(200);
  return data.events;
}

/**
 * Screenshots from the top of the page (sticky bars drawn where a person sees them); with
 * `viewport`, only what is on screen, e.g. a modal and its backdrop.
 */
async function shot(page: Page, name: string, options: { viewport?: boolean } = {}): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  if (options.viewport) await page.screenshot({ path: `screenshots/${name}.png` });
  else await screenshot(page, name);
}

// The grid's slot height (calendar-page.tsx slotHeight) per 15-minute slot.
const SLOT_PX = 28;

/** Drags an entry by whole quarter hours in its column, pointer step by pointer step like a person, and confirms the move. */
async function dragBy(page: Page, eventId: string, minutes: number): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 1900 });
  const event = page.locator(`.ec-event:has([data-event-id="${eventId}"])`);
  await event.scrollIntoViewIfNeeded();
  const from = await event.boundingBox();
  if (!from) throw new Error('calendar geometry not found');
  const x = from.x + from.width / 2;
  const y = from.y + 10;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 12, { steps: 4 });
  await page.mouse.move(x, y + (minutes / 15) * SLOT_PX, { steps: 20 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'Move this entry?' });
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
}

beforeAll(async () => {
  server = await startTestServer({ now: '2026-11-30T04:00:00Z' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('staff calendar (reception)', () => {
  let page: Page;
  let laylaId = '';

  it('sends a signed-out visitor to sign-in, rejects a wrong password, then signs in', async () => {
    page = await newPage();
    await page.goto(`${server.baseUrl}/staff/calendar`);
    await page.waitForURL(/\/staff\/sign-in\?next=%2Fstaff%2Fcalendar/);
    await page.getByLabel('Email').fill('reception@demo.myomap.app');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    await page.getByText('Demo accounts').click();
    await shot(page, 'staff-sign-in');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/staff\/calendar/);
    await expect.poll(() => page.locator('.frame-topbar').textContent()).toContain('Rania Haddad');
    await expect.poll(() => page.locator('.frame-topbar').textContent()).toContain('Reception');
  });

  it('opens on the clinic week of 30 Nov 2026 although the browser is still on 29 Nov (UTC)', async () => {
    // The day by practitioner is the default; the day shown is the clinic's Monday 30 Nov.
    await page.locator('.ec-resource.ec-day-view').waitFor();
    await expect.poll(() => page.locator('.ec-title').textContent()).toMatch(/^Monday,? 30 November 2026$/);
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await page.locator('.ec-time-grid.ec-week-view').waitFor();
    await expect.poll(() => page.locator('.ec-title').textContent()).toMatch(/30 Nov\D+6 Dec 2026/);
    // National Day (2–3 Dec) shows as a closed band.
    await expect.poll(() => page.locator('.ec-bg-event.st-ev-closed').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Day by practitioner' }).click();
    await page.locator('.ec-resource.ec-day-view').waitFor();
    // Reception sees no admin screens except Hours & leave, plus the mailbox.
    const nav = page.getByRole('navigation', { name: 'Staff navigation' });
    expect(await nav.getByRole('link', { name: 'Practitioners' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Hours & leave' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Mailbox' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Patients' }).getAttribute('href')).toBe('/staff/patients');
  });

  it('books an appointment from the New appointment button and shows it at clinic time', async () => {
    // A few bookings so the week looks like a working week in the screenshots.
    const seed = [
      ['prac-amira', 'svc-nmt-initial', '2026-11-30T09:00:00+04:00', 'Mariam Al Suwaidi'],
      ['prac-omar', 'svc-nmt-follow-45', '2026-11-30T10:00:00+04:00', 'Khalid Rashed'],
      ['prac-sara', 'svc-nmt-follow-60', '2026-11-30T15:00:00+04:00', 'Noura Ahmed'],
      ['prac-yousef', 'svc-physician-review', '2026-11-30T11:00:00+04:00', 'Fatima Zahra'],
      ['prac-amira', 'svc-nmt-follow-60', '2026-12-01T14:00:00+04:00', 'Hassan Ali'],
      ['prac-omar', 'svc-nmt-initial', '2026-12-04T09:30:00+04:00', 'Reem Saeed'],
      ['prac-sara', 'svc-nmt-follow-45', '2026-12-05T11:00:00+04:00', 'Yousef Karim'],
    ] as const;
    for (const [practitionerId, serviceId, start, name] of seed) {
      const email = `${name.toLowerCase().replaceAll(' ', '.')}@example.com`;
      const created = await staffRequest(page, 'POST', '/api/staff/appointments', { practitionerId, serviceId, start, patient: { name, email } });
      expect(created.status).toBe(201);
    }
    await page.reload();
    await page.locator('.ec-event:has-text("Mariam Al Suwaidi")').waitFor();

    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.waitFor();
    // The button proposes the first open slot at or after now: the clinic's 30 Nov opens at 09:00.
    expect(await dialog.getByLabel('Date').inputValue()).toBe('2026-11-30');
    expect(await dialog.getByLabel('Start').inputValue()).toBe('09:00');
    await dialog.getByLabel('Service').selectOption('svc-nmt-follow-60');
    await dialog.getByLabel('Practitioner').selectOption('prac-amira');
    await dialog.getByLabel('Date').fill('2026-12-01');
    await dialog.getByLabel('Start').fill('10:00');
    await dialog.getByLabel('Full name').fill('Layla Haddad');
    await dialog.getByLabel('Email').fill('layla.haddad@example.com');
    await dialog.getByLabel('Phone').fill('+971 50 123 4567');
    await dialog.getByLabel('Note').fill('Left shoulder, referred by Dr. Yousef');
    await shot(page, 'staff-create-dialog', { viewport: true });
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Appointment booked' }).count()).toBe(1);

    // Booked on 1 Dec, off the day on screen: the calendar goes there.
    const layla = page.locator('.ec-event .st-ev-body:has-text("Layla Haddad")');
    await layla.waitFor();
    laylaId = (await layla.getAttribute('data-event-id')) ?? '';
    expect(laylaId).not.toBe('');
    expect(await layla.locator('.st-ev-time').textContent()).toContain('10:00');
    const stored = (await eventsOn(page, '2026-12-01')).find((e) => e.id === laylaId);
    expect(stored?.start).toBe('2026-12-01T10:00:00+04:00');
    expect(stored?.practitionerId).toBe('prac-amira');
  });

  it('moves the appointment by dragging it, and puts it back when the new time clashes', async () => {
    await dragBy(page, laylaId, 90);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Moved to' }).count()).toBe(1);
    await expect.poll(async () => (await eventsOn(page, '2026-12-01')).find((e) => e.id === laylaId)?.start).toBe('2026-12-01T11:30:00+04:00');

    // Hassan Ali is with Amira at 14:00: dropping Layla at 13:45 overlaps, so the server says 409.
    await page.locator(`[data-event-id="${laylaId}"]`).waitFor();
    await dragBy(page, laylaId, 135);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'clashes' }).count()).toBe(1);
    expect((await eventsOn(page, '2026-12-01')).find((e) => e.id === laylaId)?.start).toBe('2026-12-01T11:30:00+04:00');
    await expect.poll(() => page.locator(`[data-event-id="${laylaId}"] .st-ev-time`).textContent()).toContain('11:30');
  });

  it('blocks time for a practitioner', async () => {
    await page.getByRole('button', { name: 'Block time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Block time' });
    await dialog.waitFor();
    await dialog.getByLabel('Practitioner').selectOption('prac-omar');
    await dialog.getByLabel('Date').fill('2026-12-01');
    await dialog.getByLabel('Start').fill('15:00');
    await dialog.getByLabel('End').fill('16:30');
    await dialog.getByLabel('Note').fill('Team training');
    await dialog.getByRole('button', { name: 'Block time' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ec-event.st-ev-block:has-text("Team training")').waitFor();
    const block = (await eventsOn(page, '2026-12-01')).find((e) => e.kind === 'block');
    expect(block).toMatchObject({ practitionerId: 'prac-omar', start: '2026-12-01T15:00:00+04:00', end: '2026-12-01T16:30:00+04:00', note: 'Team training' });
  });

  it('shows one practitioner, moves an appointment from the keyboard and cancels another from the details panel', async () => {
    await page.getByLabel('Show', { exact: true }).selectOption('practitioner:prac-amira');
    // One practitioner: one column, and Omar's block is not drawn.
    await expect.poll(() => page.locator('.ec-col-head').allTextContents()).toEqual(['Amira Saleh']);
    await expect.poll(() => page.locator('.ec-event:has-text("Team training")').count()).toBe(0);
    await page.locator('.ec-event:has-text("Layla Haddad")').waitFor();
    await shot(page, 'staff-calendar-day-amira');

    // Moving without a mouse: the details panel's "Change time…".
    await page.locator('.ec-event:has-text("Layla Haddad")').click();
    const laylaPanel = page.getByRole('complementary', { name: 'Layla Haddad' });
    await laylaPanel.getByRole('button', { name: 'Change time…' }).click();
    await laylaPanel.getByLabel('Start').fill('12:15');
    await laylaPanel.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(async () => (await eventsOn(page, '2026-12-01')).find((e) => e.id === laylaId)?.start).toBe('2026-12-01T12:15:00+04:00');
    await expect.poll(() => page.locator(`[data-event-id="${laylaId}"] .st-ev-time`).textContent()).toContain('12:15');

    await page.locator('.ec-event:has-text("Hassan Ali")').click();
    const panel = page.getByRole('complementary', { name: 'Hassan Ali' });
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('NMT follow-up, 60 minutes');
    expect(text).toMatch(/Treatment room \d/);
    expect(text).toMatch(/14:00\s*–\s*15:00/);
    await shot(page, 'staff-calendar-details', { viewport: true });
    await panel.getByRole('button', { name: 'Cancel appointment…' }).click();
    await panel.getByLabel('Reason').fill('Patient asked by phone');
    await panel.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'cancelled' }).count()).toBe(1);
    await expect.poll(() => page.locator('.ec-event:has-text("Hassan Ali")').count()).toBe(0);
    expect((await eventsOn(page, '2026-12-01')).some((e) => e.patientName === 'Hassan Ali')).toBe(false);

    await page.getByLabel('Show', { exact: true }).selectOption('all');
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await page.locator('.ec-event:has-text("Khalid Rashed")').waitFor();
    await shot(page, 'staff-calendar-week');
  });

  it('follows a link clicked while the calendar is still drawing its first day', async () => {
    // The calendar writes the day it shows into the address once it has drawn; that write must not
    // cancel the page the user has asked for meanwhile. Held here: the practitioners (the calendar
    // draws once they come) and the mailbox page's module (its navigation is still loading then).
    const held = (pattern: RegExp) => {
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      void page.route(pattern, async (route) => {
        await released;
        await route.continue();
      });
      return release;
    };
    const practitioners = held(/\/api\/staff\/practitioners$/);
    const mailbox = held(/\/assets\/mailbox-page-[\w-]+\.js$/);
    await page.goto(`${server.baseUrl}/staff/calendar`);
    await page.getByRole('link', { name: 'Mailbox' }).click();
    practitioners();
    await page.locator('.ec').waitFor();
    await page.waitForTimeout(500);
    mailbox();
    await page.waitForURL(/\/staff\/mailbox$/);
    await page.getByRole('heading', { level: 1, name: 'Mailbox' }).waitFor();
    await page.unrouteAll();
  });

  it('reads the outbox in the mailbox', async () => {
    await page.getByRole('link', { name: 'Mailbox' }).click();
    await page.waitForURL(/\/staff\/mailbox/);
    // One line a message; opening it shows the text.
    const row = page.locator('.mb-item', { hasText: 'layla.haddad@example.com' }).first();
    await row.waitFor();
    await row.locator('.mb-summary').click();
    await row.locator('.mb-text').waitFor();
    expect(await row.locator('.mb-text').textContent()).toContain('Layla');
    await shot(page, 'staff-mailbox');
  });

  it('adds and deletes leave on Hours & leave, without the weekly hours reception may not edit', async () => {
    await page.getByRole('link', { name: 'Hours & leave' }).click();
    await page.getByRole('heading', { name: 'Leave and holidays' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Weekly hours and breaks' }).count()).toBe(0);
    await page.getByLabel('Who', { exact: true }).selectOption('prac-omar');
    await page.getByLabel('From', { exact: true }).fill('2026-12-14');
    await page.getByLabel('To', { exact: true }).fill('2026-12-16');
    await page.getByLabel('Note').fill('Annual leave');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const row = page.locator('tr', { hasText: 'Annual leave' });
    await row.waitFor();
    await row.getByRole('button', { name: /^Delete/ }).click();
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    await row.waitFor({ state: 'detached' });
  });
});

describe('staff screens by role', () => {
  it('lets the admin edit weekly hours, and shows the calendar in Arabic, right to left', async () => {
    const page = await newPage();
    await signIn(page, 'admin@demo.myomap.app', '/staff/admin/hours');
    await page.getByRole('heading', { name: 'Weekly hours and breaks' }).waitFor();
    await page.getByLabel('Practitioner').selectOption('prac-sara');
    // Sara works Saturday 10:00–16:00; move the start to 11:00 and save.
    await page.getByLabel('Working hours 1 on Saturday: start').fill('11:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Weekly hours saved' }).count()).toBe(1);
    const { data: practitioners } = await staffRequest<{ id: string; weeklyHours: { weekday: number; start: string }[] }[]>(
      page,
      'GET',
      '/api/staff/practitioners',
    );
    expect(practitioners.find((p) => p.id === 'prac-sara')?.weeklyHours.find((h) => h.weekday === 6)?.start).toBe('11:00');
    await shot(page, 'staff-admin-hours');

    await page.getByRole('link', { name: 'Audit log' }).click();
    // The audit log says what happened in words, not as an action code.
    await page.locator('.au-entry', { hasText: 'changed a practitioner’s weekly hours' }).first().waitFor();
    await shot(page, 'staff-audit');

    await page.getByRole('link', { name: 'Practitioners' }).click();
    await page.getByRole('button', { name: 'Edit Amira Saleh' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit practitioner' });
    await editor.getByLabel('Title (English)').fill('Senior neuromuscular therapist');
    await shot(page, 'staff-admin-practitioner-edit', { viewport: true });
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('cell', { name: 'Senior neuromuscular therapist' }).waitFor();
    await shot(page, 'staff-admin-practitioners');

    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Edit Physician review, 30 minutes' }).waitFor();
    await shot(page, 'staff-admin-services');

    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await page.locator('.ec-time-grid.ec-week-view').waitFor();
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('التقويم');
    await page.locator('.ec-event:has-text("Layla Haddad")').waitFor();
    await shot(page, 'staff-calendar-week-ar');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('hides admin screens from a therapist, and the API refuses them with 403', async () => {
    const page = await newPage();
    await signIn(page, 'amira@demo.myomap.app');
    const nav = page.getByRole('navigation', { name: 'Staff navigation' });
    await nav.getByRole('link', { name: 'Calendar' }).waitFor();
    for (const name of ['Practitioners', 'Services', 'Rooms', 'Hours & leave', 'Mailbox', 'Audit log']) {
      expect(await nav.getByRole('link', { name }).count()).toBe(0);
    }
    await page.goto(`${server.baseUrl}/staff/admin/practitioners`);
    await page.getByRole('heading', { name: 'Not available for your role' }).waitFor();
    expect((await staffRequest(page, 'GET', '/api/staff/audit')).status).toBe(403);
    expect((await staffRequest(page, 'GET', '/api/staff/mailbox')).status).toBe(403);
    const denied = await staffRequest<{ error: { code: string } }>(page, 'POST', '/api/staff/rooms', { name: { en: 'Room X', ar: 'غرفة' }, active: true });
    expect(denied.status).toBe(403);
    expect(denied.data.error.code).toBe('forbidden');
  });
});
