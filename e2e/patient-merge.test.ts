import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../packages/server/src/lib/clock.ts';
import { currentConsentVersion } from '../packages/server/src/safety/intake-service.ts';
import { intake } from '../packages/domain/src/screening/screening-case-builder.ts';
import { intakeResponse } from '../packages/domain/src/screening/intake-questionnaire-data.ts';
import { launchBrowser, screenshotFromTop, withPage as withBrowserPage } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { signInThroughRedirect } from './support/staff.ts';

// The acceptance test of "a public booking never modifies an existing patient": a referred
// patient's name and email are used for a new online booking with another phone and a reassuring
// intake. The booking gets its own record; reception compares both side by side (en and ar, phone
// and desktop), keeps the new phone and merges; the physician's referral still stands.

const NOW = '2026-11-30T04:00:00Z';
const PASSWORD = 'myomap-demo';
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='.padEnd(120, 'A')}`;

let server: TestServer & { clock: ManualClock };
let browser: Browser;
let keptId = '';
let duplicateId = '';
let secondVisitId = '';

type Booked = { id: string; reference: string; manageToken: string };

async function call<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function staffHeaders(email: string): Promise<Record<string, string>> {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    cookie: login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-csrf-token': csrfToken,
  };
}

async function bookWithIntake(practitionerId: string, phone: string, answers: ReturnType<typeof intake>): Promise<Booked> {
  const booked = await call<Booked>('/api/bookings', {
    method: 'POST',
    body: {
      serviceId: 'svc-nmt-initial',
      practitionerId,
      start: '2026-12-01T09:00:00+04:00',
      patient: { name: 'Khalid Omar', email: 'khalid@example.com', phone },
    },
  });
  expect(booked.status).toBe(201);
  const url = (suffix = '') => `/api/intake/${booked.body.reference}${suffix}?token=${encodeURIComponent(booked.body.manageToken)}`;
  expect((await call(url(), { method: 'PUT', body: { response: intakeResponse(answers), language: 'en' } })).status).toBe(200);
  expect((await call(url('/submit'), { method: 'POST' })).status).toBe(200);
  expect(
    (await call(url('/consent'), { method: 'POST', body: { version: currentConsentVersion, language: 'en', typedName: 'Khalid Omar', signature: SIGNATURE } }))
      .status,
  ).toBe(201);
  return booked.body;
}

async function patientOf(appointmentId: string): Promise<string> {
  const [row] = await server.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [appointmentId]);
  return row?.patient_id ?? '';
}

/** A page on the server's clock, `width` wide; on failure it is saved as screenshots/merge-<name>-failure.png. */
const withPage = (name: string, width: number, run: (page: Page) => Promise<void>) =>
  withBrowserPage(browser, `merge-${name}`, { viewport: { width, height: 900 }, now: NOW, timeout: 20_000 }, run);
const signIn = (page: Page, email: string, path: string) => signInThroughRedirect(page, server.baseUrl, email, path);

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
  const reception = await staffHeaders('reception@demo.myomap.app');
  const physician = await staffHeaders('dr.yousef@demo.myomap.app');
  // The established patient: checked in, screened as refer, referred on by the physician.
  const first = await bookWithIntake(
    'prac-amira',
    '050 111 2222',
    intake({ 'full-name': 'Khalid Omar', 'nmd-weakness-main': true, 'nmd-progressive': true, 'nmd-twitching': true, 'nmd-rapid': false }),
  );
  keptId = await patientOf(first.id);
  expect((await call(`/api/staff/patients/${keptId}/verify`, { method: 'POST', headers: reception })).status).toBe(200);
  server.clock.advance(60_000);
  const refer = await call(`/api/staff/patients/${keptId}/reviews`, {
    method: 'POST',
    headers: physician,
    body: { decision: 'refer', notes: 'Progressive weakness with fasciculations.', referral: { to: 'Neurology', tests: ['EMG'], urgency: 'soon' } },
  });
  expect(refer.status).toBe(201);
  server.clock.advance(60_000);
  // The same name and email, another phone, a reassuring self-reported intake.
  const second = await bookWithIntake('prac-omar', '055 444 3333', intake({ 'full-name': 'Khalid Omar' }));
  secondVisitId = second.id;
  duplicateId = await patientOf(second.id);
  server.clock.advance(60_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('patient merge screen in a browser', () => {
  it('shows a therapist both records with the referral, on a phone, in English and Arabic, without a merge button', async () => {
    expect(duplicateId).not.toBe(keptId);
    await withPage('therapist-phone', 390, async (page) => {
      const path = `/staff/patients/${keptId}/merge?duplicateId=${duplicateId}`;
      await signIn(page, 'amira@demo.myomap.app', path);
      await page.getByRole('heading', { level: 1, name: 'Merge patient records' }).waitFor();
      await page.locator('.identity__side[data-side="kept"] [data-decision="refer"]').getByText('Referred on').waitFor();
      await page.locator('.identity__side[data-side="duplicate"]').getByText('Proceed', { exact: true }).waitFor();
      await page.getByText('Only reception or an administrator can merge records.').waitFor();
      expect(await page.getByRole('button', { name: 'Merge records' }).count()).toBe(0);
      await screenshotFromTop(page, 'merge-therapist-en-390');

      await page.locator('.ui-language-switch').click();
      await page.getByRole('heading', { level: 1, name: 'دمج سجلات المرضى' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.locator('.identity__side[data-side="kept"] [data-decision="refer"]').getByText('أُحيل').waitFor();
      await screenshotFromTop(page, 'merge-therapist-ar-390');
    });
  });

  it('lets reception find the online booking, compare, keep the new phone and merge, in English then Arabic', async () => {
    await withPage('reception-desktop', 1280, async (page) => {
      await signIn(page, 'reception@demo.myomap.app', '/staff/patients/duplicates');
      const entry = page.locator(`article[data-patient-id="${duplicateId}"]`);
      const match = entry.locator(`li[data-match-id="${keptId}"]`);
      await match.getByText('Likely the same person').waitFor();
      await match.getByText('Same email').waitFor();
      await match.getByText('Same name').waitFor();
      await screenshotFromTop(page, 'merge-duplicates-en-1280');

      await match.getByRole('link', { name: 'Compare and merge' }).click();
      await page.waitForURL((url) => url.pathname === `/staff/patients/${keptId}/merge`);
      const phone = page.locator('tr[data-field="phone"]');
      expect(await phone.getAttribute('data-same')).toBe('false');
      expect(await page.locator('tr[data-field="email"]').getAttribute('data-same')).toBe('true');
      await phone.locator('td[data-side="duplicate"]').getByRole('radio').check();
      await page.getByText('Screening and physician decisions are shown to clinicians.').first().waitFor();
      const merge = page.getByRole('button', { name: 'Merge records' });
      expect(await merge.isDisabled()).toBe(true);
      await screenshotFromTop(page, 'merge-reception-en-1280');

      // Arabic, right to left: the choice made survives the switch; confirm identity and merge.
      await page.locator('.ui-language-switch').click();
      await page.getByRole('heading', { level: 1, name: 'دمج سجلات المرضى' }).waitFor();
      expect(await phone.locator('td[data-side="duplicate"]').getByRole('radio').isChecked()).toBe(true);
      await page.getByLabel(/تحققتُ من هوية هذا الشخص/).check();
      await screenshotFromTop(page, 'merge-reception-ar-1280');
      await page.getByRole('button', { name: 'ادمج السجلين' }).click();
      await page
        .getByRole('status')
        .getByText(/تم الدمج/)
        .waitFor();
      await screenshotFromTop(page, 'merge-done-ar-1280');
    });

    const [kept] = await server.ctx.db.query<{ phone: string; identity_status: string }>('select phone, identity_status from patients where id = $1', [keptId]);
    expect(kept).toEqual({ phone: '055 444 3333', identity_status: 'verified' });
    const [merged] = await server.ctx.db.query<{ identity_status: string; merged_into_id: string }>(
      'select identity_status, merged_into_id from patients where id = $1',
      [duplicateId],
    );
    expect(merged).toEqual({ identity_status: 'merged', merged_into_id: keptId });
    expect(await patientOf(secondVisitId)).toBe(keptId);
    const audit = await server.ctx.db.query<{ actor_role: string }>(`select actor_role from audit_log where action = 'patients.merge' and entity_id = $1`, [
      keptId,
    ]);
    expect(audit).toEqual([{ actor_role: 'reception' }]);

    // The referral made on the kept record still holds over the merged-in, reassuring intake.
    const therapist = await staffHeaders('amira@demo.myomap.app');
    const refused = await call<{ error: { code: string } }>(`/api/staff/appointments/${secondVisitId}/sessions`, { method: 'POST', headers: therapist });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('referred_by_physician');
  });
});
