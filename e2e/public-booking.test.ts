import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { readSentMessages } from '../packages/server/src/test-support/read-outbox.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Monday 30 November 2026, 08:00 in Sharjah. With two hours' notice the first times are at
// 10:00; Wednesday 2 and Thursday 3 December are the National Day closure (seed-demo-clinic.ts).
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
 * A browser in New York on the server's clock: every time on screen must still be Sharjah
 * time, and "today" must be Sharjah's Monday although New York is still on Sunday.
 * On failure the page is saved as screenshots/public-failure-<name>.png to see what went wrong.
 */
async function withPage(name: string, viewport: { width: number; height: number }, run: (page: Page) => Promise<void>): Promise<void> {
  const context: BrowserContext = await browser.newContext({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });
  await context.clock.install({ time: NOW });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await run(page);
    expect(errors).toEqual([]);
  } catch (error) {
    await screenshot(page, `public-failure-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function countVisits(): Promise<number> {
  const [row] = await server.ctx.db.query<{ n: number }>(`select count(*)::int as n from appointments where kind = 'visit' and status = 'confirmed'`);
  return row?.n ?? 0;
}

interface BookingDetail {
  reference: string;
  status: string;
  start: string;
  practitionerId: string;
  serviceId: string;
}

describe('public booking in a browser', () => {
  it('books, confirms, reschedules and cancels in English', () =>
    withPage('english', { width: 1280, height: 900 }, async (page) => {
      await page.goto(`${server.baseUrl}/?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Careful, hands-on treatment for muscle pain' }).waitFor();
      await page.getByText('Sharjah, United Arab Emirates').first().waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      await expect.poll(() => page.getByRole('link', { name: '+971 6 000 0000' }).count()).toBeGreaterThan(0);
      await page.getByRole('heading', { name: 'Your safety: what to do if you have' }).waitFor();
      // One answer everywhere: the cauda equina sign names the saddle area, and blood thinners are "tell us", not "see a doctor".
      await page.getByText('numbness in the saddle area (genitals, back passage, inner buttocks)').waitFor();
      expect(
        await page
          .locator('[data-action="tell_us"]')
          .getByText(/blood thinner/)
          .count(),
      ).toBe(1);
      await screenshot(page, 'public-home-en');
      // Rendered on the server: readable with no script of the app's, and found by its title in either language.
      expect(await page.locator('script[type="module"]').count()).toBe(0);
      expect(await page.title()).toBe('Neuromuscular therapy in Sharjah · Dr. Amal Al Qedrah Medical Center');

      await page.getByRole('main').getByRole('link', { name: 'Book a visit' }).first().click();
      await page.getByRole('navigation', { name: 'Booking steps' }).waitFor();
      await page.getByRole('heading', { name: 'Which visit would you like?' }).waitFor();
      await page.getByRole('button', { name: /NMT initial assessment and treatment/ }).waitFor();
      await screenshot(page, 'public-book-1-service-en');
      await page.getByRole('button', { name: /NMT initial assessment and treatment/ }).click();

      await page.getByRole('heading', { name: 'Who would you like to see?' }).waitFor();
      await screenshot(page, 'public-book-2-practitioner-en');
      await page.getByRole('button', { name: /First available/ }).click();

      await page.getByRole('heading', { name: 'Pick a day and time' }).waitFor();
      // Sharjah's Monday is today although the browser's own clock says Sunday evening.
      await page.getByRole('heading', { name: 'Times on Monday 30 November' }).waitFor();
      expect(await page.getByRole('button', { name: /^Wednesday 2 December/ }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: /^Sunday 6 December/ }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: /^Tuesday 1 December/ }).click();
      await page.getByRole('heading', { name: 'Times on Tuesday 1 December' }).waitFor();
      await page.getByRole('heading', { name: 'Morning' }).waitFor();
      await page.getByRole('heading', { name: 'Afternoon' }).waitFor();
      await screenshot(page, 'public-book-3-time-en');
      await page.getByRole('button', { name: '9:30 am', exact: true }).click();

      await page.getByRole('heading', { name: 'Your details' }).waitFor();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('Please enter your name.').waitFor();
      await page.getByText('Please enter a valid email address, like name@example.com.').waitFor();
      await page.getByLabel('Full name', { exact: true }).fill('Layla Haddad');
      await page.getByLabel('Email', { exact: true }).fill('layla@example.com');
      await page.getByLabel('Mobile number').fill('+971 50 123 4567');
      await page.getByLabel('Preferred language for messages').selectOption('en');
      await screenshot(page, 'public-book-4-details-en');
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('heading', { name: 'Check and confirm' }).waitFor();
      await page.getByText('Tuesday, 1 December 2026').waitFor();
      await page.getByText('9:30 am – 10:45 am').waitFor();
      await page.getByText('AED 450').waitFor();
      // The step and the choices live in the address, the typed details in the tab: a reload lands on the same review.
      expect(new URL(page.url()).searchParams.get('step')).toBe('review');
      await page.reload();
      await page.getByRole('heading', { name: 'Check and confirm' }).waitFor();
      await page.getByText('Layla Haddad').waitFor();
      await page.getByText('9:30 am – 10:45 am').waitFor();
      // The browser's Back goes one step back, with what was typed still there; Forward returns.
      await page.goBack();
      await page.getByRole('heading', { name: 'Your details' }).waitFor();
      expect(await page.getByLabel('Full name', { exact: true }).inputValue()).toBe('Layla Haddad');
      await page.goBack();
      await page.getByRole('heading', { name: 'Pick a day and time' }).waitFor();
      await page.goForward();
      await page.goForward();
      await page.getByRole('heading', { name: 'Check and confirm' }).waitFor();
      await screenshot(page, 'public-book-5-review-en');
      const before = await countVisits();
      // A double click must book once: the button locks and the Idempotency-Key is shared.
      await page.getByRole('button', { name: 'Confirm booking' }).dblclick();

      await page.getByRole('heading', { level: 1, name: 'You are booked' }).waitFor();
      const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? '';
      // Booked: the details are no longer kept in the tab.
      expect(await page.evaluate(() => window.sessionStorage.getItem('myomap.booking.patient'))).toBeNull();
      expect(reference).toMatch(/\S{4,}/);
      const manageHref = (await page.getByRole('link', { name: /\/booking\// }).getAttribute('href')) ?? '';
      const token = new URL(manageHref).searchParams.get('token') ?? '';
      expect(new URL(manageHref).pathname).toBe(`/booking/${reference}`);
      await page.getByText('Tuesday, 1 December 2026').waitFor();
      expect(await countVisits()).toBe(before + 1);

      const confirmed = await api<BookingDetail>(`/api/bookings/${reference}?token=${encodeURIComponent(token)}`);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.status).toBe('confirmed');
      expect(confirmed.body.start).toBe('2026-12-01T09:30:00+04:00');
      expect(confirmed.body.serviceId).toBe('svc-nmt-initial');

      const calendarHref = (await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href')) ?? '';
      expect(calendarHref).toBe(`/api/bookings/${reference}/calendar.ics?token=${encodeURIComponent(token)}`);
      const ics = await (await fetch(new URL(calendarHref, page.url()))).text();
      expect(ics).toContain('DTSTART:20261201T053000Z');
      // The UID of the visit's emails and the practitioner's feed: the appointment id at the clinic's host.
      expect(ics).toMatch(/^UID:[0-9a-f-]+@[\w.-]+\r$/m);
      // Google and Outlook open the same visit at the same UTC instant, and never receive the manage token.
      const google = new URL((await page.getByRole('link', { name: 'Add to Google Calendar' }).getAttribute('href')) ?? '');
      expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
      expect(google.searchParams.get('dates')).toMatch(/^20261201T053000Z\/20261201T\d{6}Z$/);
      const outlook = new URL((await page.getByRole('link', { name: 'Add to Outlook' }).getAttribute('href')) ?? '');
      expect(outlook.origin + outlook.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
      expect(outlook.searchParams.get('startdt')).toBe('2026-12-01T05:30:00Z');
      for (const url of [google, outlook]) expect(url.toString()).not.toContain(encodeURIComponent(token));
      expect(await page.getByRole('link', { name: 'Add to Google Calendar' }).getAttribute('rel')).toContain('noreferrer');
      expect(await page.getByTestId('intake-link').getAttribute('href')).toBe(`/intake/${reference}?token=${encodeURIComponent(token)}`);
      await screenshot(page, 'public-book-6-confirmation-en');

      // Manage: move the visit, then cancel it.
      await page.getByRole('link', { name: /\/booking\// }).click();
      await page.getByRole('heading', { level: 1, name: 'Your booking' }).waitFor();
      await page.getByText('Confirmed', { exact: true }).waitFor();
      await screenshot(page, 'public-manage-en');
      await page.getByRole('button', { name: 'Change the time' }).click();
      await page.getByRole('heading', { name: 'Choose a new time' }).waitFor();
      await page.getByRole('button', { name: /^Friday 4 December/ }).click();
      await page.getByRole('heading', { name: 'Times on Friday 4 December' }).waitFor();
      await page.getByRole('button', { name: '3:00 pm', exact: true }).click();
      await page.getByRole('heading', { name: 'Move your visit?' }).waitFor();
      await screenshot(page, 'public-manage-reschedule-en');
      await page.getByRole('button', { name: 'Confirm new time' }).click();
      await page.getByText(/Done\. Your visit is now on Friday,? 4 December 2026(,| at) 3:00\spm/).waitFor();
      const moved = await api<BookingDetail>(`/api/bookings/${reference}?token=${encodeURIComponent(token)}`);
      expect(moved.body.start).toBe('2026-12-04T15:00:00+04:00');
      expect(moved.body.practitionerId).toBe(confirmed.body.practitionerId);

      await page.getByRole('button', { name: 'Cancel booking' }).click();
      await page.getByRole('heading', { name: 'Cancel this visit?' }).waitFor();
      await page.getByRole('button', { name: 'Yes, cancel the visit' }).click();
      await page.getByText('Your visit is cancelled. We have emailed you a confirmation.').waitFor();
      await page.getByText('Cancelled', { exact: true }).waitFor();
      await screenshot(page, 'public-manage-cancelled-en');
      const cancelled = await api<BookingDetail>(`/api/bookings/${reference}?token=${encodeURIComponent(token)}`);
      expect(cancelled.body.status).toBe('cancelled');
    }));

  it('says online changes are closed inside the cancellation window and shows the phone', async () => {
    // Monday 30 November 14:00 is six hours away: inside the 24-hour window.
    const booked = await api<{ reference: string; manageToken: string }>('/api/bookings', {
      method: 'POST',
      body: {
        serviceId: 'svc-nmt-follow-45',
        practitionerId: 'prac-sara',
        start: '2026-11-30T14:00:00+04:00',
        patient: { name: 'Noor Salem', email: 'noor@example.com' },
      },
    });
    expect(booked.status).toBe(201);
    await withPage('closed', { width: 1280, height: 900 }, async (page) => {
      await page.goto(`${server.baseUrl}/booking/${booked.body.reference}?token=${encodeURIComponent(booked.body.manageToken)}&lang=en`);
      await page.getByText('Online changes close 24 hours before the visit.').waitFor();
      await page.getByText('To change or cancel, please call the clinic on +971 6 000 0000.').waitFor();
      expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
      await screenshot(page, 'public-manage-closed-en');
    });
  });

  it('joins the waitlist and takes an offered time', () =>
    withPage('waitlist', { width: 1280, height: 900 }, async (page) => {
      await page.goto(`${server.baseUrl}/book?service=svc-nmt-follow-60&lang=en`);
      await page.getByRole('button', { name: /Omar Khalil/ }).click();
      await page.getByRole('heading', { name: /^Times on / }).waitFor();
      await page.getByRole('button', { name: 'Join the waitlist' }).click();
      await page.getByLabel('From', { exact: true }).fill('2026-12-07');
      await page.getByLabel('To', { exact: true }).fill('2026-12-07');
      await page.getByLabel('Full name', { exact: true }).fill('Karim Aziz');
      await page.getByLabel('Email', { exact: true }).fill('karim@example.com');
      await screenshot(page, 'public-waitlist-form-en');
      await page.getByRole('button', { name: 'Join the waitlist' }).click();
      await page.getByText('You are on the waitlist').waitFor();

      // Someone else's visit on 7 December is cancelled: the time goes to Karim and is held.
      const other = await api<{ reference: string; manageToken: string }>('/api/bookings', {
        method: 'POST',
        body: {
          serviceId: 'svc-nmt-follow-60',
          practitionerId: 'prac-omar',
          start: '2026-12-07T11:00:00+04:00',
          patient: { name: 'Hessa Ali', email: 'hessa@example.com' },
        },
      });
      expect(other.status).toBe(201);
      const cancel = await api(`/api/bookings/${other.body.reference}/cancel?token=${encodeURIComponent(other.body.manageToken)}`, { method: 'POST' });
      expect(cancel.status).toBe(200);
      const [message] = await readSentMessages(server.ctx, 'waitlist_offer', 'karim@example.com');
      const offerPath = /\/waitlist\/offer\/[^\s]+/.exec(message?.body ?? '')?.[0];
      expect(offerPath).toBeTruthy();

      await page.goto(`${server.baseUrl}${offerPath}`);
      await page.getByRole('heading', { level: 1, name: 'A time has opened up for you' }).waitFor();
      await page.getByText('Monday, 7 December 2026').waitFor();
      await page.getByRole('timer').waitFor();
      await screenshot(page, 'public-waitlist-offer-en');
      await page.getByRole('button', { name: 'Book this time' }).click();
      await page.getByRole('heading', { level: 1, name: 'You are booked' }).waitFor();
      await page.getByText('Karim Aziz', { exact: false }).first().waitFor();
    }));

  it('works in Arabic, right to left, on a phone, and recovers when the time is taken', () =>
    withPage('arabic', { width: 390, height: 844 }, async (page) => {
      await page.goto(`${server.baseUrl}/?lang=ar`);
      await page.getByRole('heading', { level: 1, name: 'علاج يدوي دقيق لآلام العضلات' }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      await page.getByText('مركز الدكتورة أمل القدرة الطبي').first().waitFor();
      // The server sent the home page as HTML without the app: its language switch is a plain link.
      await page.getByRole('link', { name: 'English' }).waitFor();
      await screenshot(page, 'public-home-ar');

      await page.getByRole('main').getByRole('link', { name: 'احجز موعداً' }).first().click();
      await page.getByRole('heading', { name: 'ما نوع الزيارة التي تريدها؟' }).waitFor();
      await page.getByText('الخطوة 1 من 5: الزيارة').waitFor();
      await page.getByRole('button', { name: /جلسة متابعة عصبية عضلية، 60 دقيقة/ }).waitFor();
      await screenshot(page, 'public-book-1-service-ar');
      await page.getByRole('button', { name: /جلسة متابعة عصبية عضلية، 60 دقيقة/ }).click();

      await page.getByRole('heading', { name: 'من تودّ أن يعالجك؟' }).waitFor();
      await screenshot(page, 'public-book-2-practitioner-ar');
      await page.getByRole('button', { name: /أميرة صالح/ }).click();

      await page.getByRole('heading', { name: 'اختر اليوم والوقت' }).waitFor();
      await page.getByRole('button', { name: /^الثلاثاء، 1 ديسمبر/ }).click();
      await page.getByRole('heading', { name: /الأوقات المتاحة يوم الثلاثاء، 1 ديسمبر/ }).waitFor();
      await page.getByRole('heading', { name: 'صباحاً' }).waitFor();
      await screenshot(page, 'public-book-3-time-ar');
      await page.getByRole('button', { name: '10:00 ص', exact: true }).click();

      await page.getByRole('heading', { name: 'بياناتك' }).waitFor();
      // A mistake is said in Arabic beside its field, and focus lands on the first field at fault.
      await page.getByLabel('البريد الإلكتروني').fill('mariam@');
      await page.getByRole('button', { name: 'متابعة' }).click();
      await page.getByText('يُرجى إدخال اسمك.').waitFor();
      await page.getByText('يُرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.').waitFor();
      const nameField = page.getByLabel('الاسم الكامل');
      await expect.poll(() => nameField.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await nameField.getAttribute('aria-invalid')).toBe('true');
      expect(await nameField.getAttribute('aria-describedby')).toBe('patient-name-error');
      expect(await page.locator('#patient-name-error').textContent()).toBe('يُرجى إدخال اسمك.');
      await page.getByLabel('الاسم الكامل').fill('مريم الحمادي');
      await page.getByLabel('البريد الإلكتروني').fill('mariam@example.com');
      await page.getByLabel('رقم الجوال').fill('+971 55 765 4321');
      expect(await page.getByLabel('اللغة المفضلة للرسائل').inputValue()).toBe('ar');
      await screenshot(page, 'public-book-4-details-ar');
      await page.getByRole('button', { name: 'متابعة' }).click();

      await page.getByRole('heading', { name: 'راجع الحجز وأكّده' }).waitFor();
      await page.getByText('الثلاثاء، 1 ديسمبر 2026').waitFor();
      await screenshot(page, 'public-book-5-review-ar');

      // Someone takes 10:00 with Amira a moment before Mariam confirms.
      const rival = await api('/api/bookings', {
        method: 'POST',
        body: {
          serviceId: 'svc-nmt-follow-60',
          practitionerId: 'prac-amira',
          start: '2026-12-01T10:00:00+04:00',
          patient: { name: 'Rival', email: 'rival@example.com' },
        },
      });
      expect(rival.status).toBe(201);
      await page.getByRole('button', { name: 'تأكيد الحجز' }).click();
      await page.getByText('عذراً، حُجز هذا الوقت للتو').waitFor();
      await page.getByRole('heading', { name: 'اختر اليوم والوقت' }).waitFor();
      await page.getByRole('heading', { name: /الأوقات المتاحة يوم الثلاثاء، 1 ديسمبر/ }).waitFor();
      expect(await page.getByRole('button', { name: '10:00 ص', exact: true }).count()).toBe(0);
      await screenshot(page, 'public-book-3-time-taken-ar');
      await page.getByRole('button', { name: '11:30 ص', exact: true }).click();
      // The details are kept.
      expect(await page.getByLabel('الاسم الكامل').inputValue()).toBe('مريم الحمادي');
      await page.getByRole('button', { name: 'متابعة' }).click();
      await page.getByRole('button', { name: 'تأكيد الحجز' }).click();

      await page.getByRole('heading', { level: 1, name: 'تمّ حجز موعدك' }).waitFor();
      await page.getByText('أميرة صالح').waitFor();
      const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? '';
      const manageHref = (await page.getByRole('link', { name: /\/booking\// }).getAttribute('href')) ?? '';
      const token = new URL(manageHref).searchParams.get('token') ?? '';
      const detail = await api<BookingDetail>(`/api/bookings/${reference}?token=${encodeURIComponent(token)}`);
      expect(detail.body.start).toBe('2026-12-01T11:30:00+04:00');
      expect(detail.body.practitionerId).toBe('prac-amira');
      const google = new URL((await page.getByRole('link', { name: 'أضف إلى تقويم Google' }).getAttribute('href')) ?? '');
      expect(google.searchParams.get('dates')).toMatch(/^20261201T073000Z\//);
      expect(google.searchParams.get('text')).toMatch(/[\u0600-\u06FF]/);
      const outlook = new URL((await page.getByRole('link', { name: 'أضف إلى Outlook' }).getAttribute('href')) ?? '');
      expect(outlook.searchParams.get('startdt')).toBe('2026-12-01T07:30:00Z');
      await page.getByRole('link', { name: 'تعبئة استمارة القبول' }).waitFor();
      await screenshot(page, 'public-book-6-confirmation-ar');

      await page.getByRole('link', { name: /\/booking\// }).click();
      await page.getByRole('heading', { level: 1, name: 'حجزك' }).waitFor();
      await page.getByRole('button', { name: 'تغيير الوقت' }).waitFor();
      await screenshot(page, 'public-manage-ar');

      // The switch goes back to English on the same page.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your booking' }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    }));
});
