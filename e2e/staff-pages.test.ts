import { can, type Action, type StaffRole } from '@myomap/domain/access/permissions';
import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../packages/server/src/safety/intake-service.ts';
import { describeViolations, seriousAxeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// The issue's "every staff page works on a phone and a tablet", checked everywhere at once: each
// role opens every staff page it may use (the list follows the routes and the permission table),
// in English and Arabic, at 390, 768 and 1280 px, and each page must have no serious or critical
// axe violation, no sideways page scroll, no raw i18n key on screen, and the frame's navigation
// reachable with the role's own items.
//
// Server clock: Monday 30 Nov 2026, 08:00 in Sharjah; the visit is at 11:00.

const NOW = '2026-11-30T04:00:00Z';
const VISIT_TIME = '2026-11-30T07:00:00Z';
const PASSWORD = 'myomap-demo';
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='.padEnd(120, 'A')}`;
const WIDTHS = [390, 768, 1280] as const;
const LANGUAGES = ['en', 'ar'] as const;
const ROLES: { role: StaffRole; email: string }[] = [
  { role: 'admin', email: 'admin@demo.myomap.app' },
  { role: 'therapist', email: 'amira@demo.myomap.app' },
  { role: 'physician', email: 'dr.yousef@demo.myomap.app' },
  { role: 'reception', email: 'reception@demo.myomap.app' },
];

/** STAFF_PAGES_SHOTS=/some/dir saves every page at every width for people to look at (slow). */
const SHOTS_DIR = process.env.STAFF_PAGES_SHOTS;

// While fixing: STAFF_PAGES_ONLY=plan,note and STAFF_PAGES_ROLES=therapist narrow the run.
const ONLY = process.env.STAFF_PAGES_ONLY?.split(',');
const ONLY_ROLES = process.env.STAFF_PAGES_ROLES?.split(',');

/** Pages whose findings are reported, not failed: none now (it held pages being rewritten during issue 12). */
const OWNED_ELSEWHERE = new Set<string>();

/**
 * A page is checked at every width the first time a role opens it (in each language); later roles,
 * who see the same layout with other content, are checked at the phone width only. That keeps the
 * sweep to minutes while every role still opens every page it may use.
 */
const checkedEveryWidth = new Set<string>();

interface Ids {
  patient: string;
  duplicate: string;
  assessment: string;
  plan: string;
  note: string;
  intakeVisit: string;
}

/** Every staff page, with the permission that opens it (as in the routes and the server's GET). */
const PAGES: { name: string; action: Action; path: (ids: Ids) => string; bare?: boolean }[] = [
  { name: 'calendar', action: 'calendar.read', path: () => '/staff/calendar' },
  { name: 'patients', action: 'patient.contact.read', path: () => '/staff/patients' },
  { name: 'patient', action: 'patient.contact.read', path: (ids) => `/staff/patients/${ids.patient}` },
  { name: 'duplicates', action: 'patient.duplicates.read', path: () => '/staff/patients/duplicates' },
  { name: 'merge', action: 'patient.duplicates.read', path: (ids) => `/staff/patients/${ids.patient}/merge?duplicateId=${ids.duplicate}` },
  { name: 'assessment', action: 'assessment.read', path: (ids) => `/staff/assessments/${ids.assessment}` },
  { name: 'patient-safety', action: 'safety.read', path: (ids) => `/staff/patients/${ids.patient}/safety` },
  { name: 'review-queue', action: 'review.queue.read', path: () => '/staff/reviews' },
  { name: 'plan', action: 'plan.read', path: (ids) => `/staff/plans/${ids.plan}` },
  { name: 'handout', action: 'plan.read', path: (ids) => `/staff/plans/${ids.plan}/handout`, bare: true },
  { name: 'note', action: 'note.read', path: (ids) => `/staff/notes/${ids.note}` },
  { name: 'note-print', action: 'note.read', path: (ids) => `/staff/notes/${ids.note}/print`, bare: true },
  { name: 'alerts', action: 'alerts.read', path: () => '/staff/alerts' },
  { name: 'patient-outcomes', action: 'outcomes.read', path: (ids) => `/staff/patients/${ids.patient}/outcomes` },
  { name: 'outcome-report', action: 'outcomes.report', path: () => '/staff/reports/outcomes' },
  { name: 'staff-intake', action: 'intake.fill', path: (ids) => `/staff/appointments/${ids.intakeVisit}/intake`, bare: true },
  { name: 'mailbox', action: 'mailbox.read', path: () => '/staff/mailbox' },
  { name: 'flagged-bookings', action: 'bookings.review', path: () => '/staff/suspicious-bookings' },
  { name: 'referrals', action: 'referral.worklist.read', path: () => '/staff/referrals' },
  { name: 'referral-directory', action: 'referral.directory.read', path: () => '/staff/referrals/directory' },
  { name: 'referral-new', action: 'referral.draft', path: (ids) => `/staff/referrals/new?patientId=${ids.patient}` },
  { name: 'admin-practitioners', action: 'catalog.manage', path: () => '/staff/admin/practitioners' },
  { name: 'admin-services', action: 'catalog.manage', path: () => '/staff/admin/services' },
  { name: 'admin-rooms', action: 'catalog.manage', path: () => '/staff/admin/rooms' },
  { name: 'admin-users', action: 'staff.manage', path: () => '/staff/admin/users' },
  { name: 'admin-hours', action: 'exceptions.write', path: () => '/staff/admin/hours' },
  { name: 'audit', action: 'audit.read', path: () => '/staff/audit' },
  { name: 'account', action: 'account.manage', path: () => '/staff/account' },
  { name: 'portal-requests', action: 'portal.requests.manage', path: () => '/staff/portal-requests' },
  { name: 'library', action: 'article.read', path: () => '/staff/library' },
  { name: 'article-editor', action: 'article.read', path: () => '/staff/library/what-is-nmt/ar' },
  { name: 'questions', action: 'question.moderate', path: () => '/staff/questions' },
];

/** The frame's navigation links, by the permission that shows each (app/staff-frame). */
const NAV: { href: string; action: Action }[] = [
  { href: '/staff/calendar', action: 'calendar.read' },
  { href: '/staff/patients', action: 'patient.contact.read' },
  { href: '/staff/reviews', action: 'review.queue.read' },
  { href: '/staff/alerts', action: 'alerts.read' },
  { href: '/staff/mailbox', action: 'mailbox.read' },
  { href: '/staff/suspicious-bookings', action: 'bookings.review' },
  { href: '/staff/referrals', action: 'referral.worklist.read' },
  { href: '/staff/reports/outcomes', action: 'outcomes.report' },
  { href: '/staff/library', action: 'article.read' },
  { href: '/staff/questions', action: 'question.moderate' },
  { href: '/staff/admin/practitioners', action: 'catalog.manage' },
  { href: '/staff/admin/services', action: 'catalog.manage' },
  { href: '/staff/admin/rooms', action: 'catalog.manage' },
  { href: '/staff/admin/users', action: 'catalog.manage' },
  { href: '/staff/admin/hours', action: 'exceptions.write' },
  { href: '/staff/audit', action: 'audit.read' },
  { href: '/staff/portal-requests', action: 'portal.requests.manage' },
];

let server: TestServer & { clock: { set(to: string): void } };
let browser: Browser;
const ids: Ids = { patient: '', duplicate: '', assessment: '', plan: '', note: '', intakeVisit: '' };
/** Findings on pages owned elsewhere, printed at the end for the lead. */
const known: string[] = [];

type Booked = { id: string; reference: string; manageToken: string };

async function call<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
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
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

async function book(name: string, email: string, phone: string, start: string, answers?: ReturnType<typeof intake>): Promise<Booked> {
  const booked = await call<Booked>('/api/bookings', {
    method: 'POST',
    body: {
      serviceId: 'svc-nmt-initial',
      practitionerId: 'prac-amira',
      start,
      patient: { name, email, phone, preferredLanguage: 'en' },
    },
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  if (!answers) return booked.body;
  const url = (suffix = '') => `/api/intake/${booked.body.reference}${suffix}?token=${encodeURIComponent(booked.body.manageToken)}`;
  expect((await call(url(), { method: 'PUT', body: { response: intakeResponse(answers), language: 'en' } })).status).toBe(200);
  expect((await call(url('/submit'), { method: 'POST' })).status).toBe(200);
  const consent = await call(url('/consent'), {
    method: 'POST',
    body: { version: currentConsentVersion, language: 'en', typedName: name, signature: SIGNATURE },
  });
  expect(consent.status).toBe(201);
  return booked.body;
}

async function patientOf(appointmentId: string): Promise<string> {
  const [row] = await server.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [appointmentId]);
  return row?.patient_id ?? '';
}

/** The record every :id page opens: a screened patient with an assessment, a plan, a draft note and an episode; a duplicate; a red flag in the queue. */
async function makeRecord(): Promise<void> {
  const visit = await book(
    'Layla Haddad',
    'layla.haddad@example.com',
    '050 111 2222',
    '2026-11-30T11:00:00+04:00',
    intake({ 'full-name': 'Layla Haddad', 'med-anticoagulant': true }),
  );
  ids.patient = await patientOf(visit.id);
  let therapist = await staffHeaders('amira@demo.myomap.app');
  const assessment = await call<{ id: string }>(`/api/staff/patients/${ids.patient}/assessments`, {
    method: 'POST',
    headers: therapist,
    body: { appointmentId: visit.id },
  });
  expect(assessment.status).toBe(201);
  ids.assessment = assessment.body.id;
  const data = {
    painMap: [{ zone: 'anterior_shoulder', side: 'right', intensity: 7 }],
    triggerPoints: [{ muscleId: 'infraspinatus', side: 'right', activity: 'active', reproducesFamiliarPain: true }],
    tautBands: [],
    tenderAreas: [],
    nerveFindings: [],
    posture: [],
    gait: [],
    biomechanics: [],
    perpetuatingFactors: { biomechanical: ['workstation'], biochemical: [], psychosocial: [] },
    problems: [],
  };
  expect((await call(`/api/staff/assessments/${ids.assessment}`, { method: 'PUT', headers: therapist, body: { data } })).status).toBe(200);
  const plan = await call<{ id: string }>(`/api/staff/assessments/${ids.assessment}/plan`, { method: 'POST', headers: therapist });
  expect(plan.status).toBe(201);
  ids.plan = plan.body.id;
  const episode = await call(`/api/staff/patients/${ids.patient}/episodes`, {
    method: 'POST',
    headers: therapist,
    body: { complaint: 'Right shoulder pain reaching overhead', region: 'shoulder_upper_extremity', primaryInstrumentId: 'nprs', assessmentId: ids.assessment },
  });
  expect(episode.status).toBe(201);
  // A note is started from the visit's start on; three hours on, the session has idled out.
  server.clock.set(VISIT_TIME);
  therapist = await staffHeaders('amira@demo.myomap.app');
  const session = await call<{ id: string }>(`/api/staff/appointments/${visit.id}/sessions`, { method: 'POST', headers: therapist });
  expect(session.status).toBe(201);
  const note = await call<{ id: string }>(`/api/staff/sessions/${session.body.id}/note`, { method: 'POST', headers: therapist });
  expect(note.status).toBe(201);
  ids.note = note.body.id;

  // The same name and email with another phone: a possible duplicate for the merge screens.
  const second = await book('Layla Haddad', 'layla.haddad@example.com', '055 444 3333', '2026-12-01T09:00:00+04:00', intake({ 'full-name': 'Layla Haddad' }));
  ids.duplicate = await patientOf(second.id);
  // A red flag waits in the physician's queue.
  await book(
    'Huda Saeed',
    'huda.saeed@example.com',
    '050 999 8888',
    '2026-12-01T14:30:00+04:00',
    intake({ 'full-name': 'Huda Saeed', 'rf-saddle-numbness': true, 'rf-bladder-bowel': true }),
  );
  // A visit whose intake reception hands over on the tablet.
  const tablet = await book('Noura Khalifa', 'noura.k@example.com', '050 777 6666', '2026-12-01T16:30:00+04:00');
  ids.intakeVisit = tablet.id;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }) as Promise<typeof server>, launchBrowser()]);
  await makeRecord();
}, 300_000);

afterAll(async () => {
  if (known.length > 0) console.warn(`Known findings on pages owned elsewhere (OWNED_ELSEWHERE):\n${known.join('\n')}`);
  await browser?.close();
  await server?.close();
});

/** Waits until the page has its heading and nothing is still loading. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('h1') !== null && document.querySelector('.ui-loading') === null, undefined, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * A new width can make a page fetch again (the calendar switches view) and start transitions: axe would
 * measure the contrast of text in mid-fade. Wait until nothing is busy and no finite animation or
 * transition runs. (Busy states must not dim text: the calendar shows a bar instead.)
 */
async function stillAfterResize(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document.querySelector('[aria-busy="true"]') === null &&
        document.getAnimations().every((animation) => animation.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}

/** Text on screen that looks like an i18n key (`nav.calendar`, `frame:signOut`) rather than words. */
async function rawKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (/^([a-z][a-zA-Z]*:)?[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/.test(text) && node.parentElement?.checkVisibility()) found.push(text);
    }
    return found;
  });
}

/** The innermost elements that reach past the viewport's edge (either side, for RTL): where an overflow comes from. */
async function widest(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || (box.right <= window.innerWidth + 1 && box.left >= -1)) continue;
      if (Array.from(el.children).some((child) => child.getBoundingClientRect().right > window.innerWidth + 1 || child.getBoundingClientRect().left < -1))
        continue;
      out.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} (${Math.round(box.left)}–${Math.round(box.right)})`);
      if (out.length === 4) break;
    }
    return out;
  });
}

/** The frame's navigation at this width: on a phone or tablet behind its menu button, which must open it. */
async function navHrefs(page: Page, width: number): Promise<string[]> {
  const nav = page.locator('nav.frame-sidenav');
  const toggle = page.locator('button.frame-menu-button');
  if (width < 1024) {
    if (!(await toggle.isVisible())) return ['(no visible menu button)'];
    await toggle.click();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') return ['(menu button not expanded)'];
    if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/menu-${await page.evaluate(() => document.documentElement.lang)}-${width}.png` });
  }
  if (!(await nav.isVisible())) return ['(navigation not visible)'];
  const hrefs = await nav
    .locator('a')
    .evaluateAll((links) => links.filter((a) => (a as HTMLElement).checkVisibility()).map((a) => a.getAttribute('href') ?? ''));
  if (width < 1024) {
    await page.keyboard.press('Escape');
    if ((await toggle.getAttribute('aria-expanded')) !== 'false') hrefs.push('(Escape did not close the menu)');
  }
  return hrefs;
}

describe('every staff page, every role, en and ar, phone, tablet and desktop', { timeout: 900_000 }, () => {
  for (const { role, email } of ROLES.filter((r) => !ONLY_ROLES || ONLY_ROLES.includes(r.role))) {
    it(`${role}: no serious axe violation, no sideways scroll, no raw key, navigation reachable`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Dubai' });
      await context.clock.setFixedTime(new Date(VISIT_TIME));
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const failures: string[] = [];
      try {
        await page.goto(`${server.baseUrl}/staff/sign-in`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/staff/') && !url.pathname.startsWith('/staff/sign-in'));
        const expectedNav = NAV.filter((item) => can(role, item.action)).map((item) => item.href);
        for (const lang of LANGUAGES) {
          await page.context().addCookies([{ name: 'myomap_lang', value: lang, domain: '127.0.0.1', path: '/' }]);
          for (const spec of PAGES.filter((p) => can(role, p.action) && (!ONLY || ONLY.includes(p.name)))) {
            const findings: string[] = [];
            await page.setViewportSize({ width: 1280, height: 900 });
            await page.goto(`${server.baseUrl}${spec.path(ids)}`);
            try {
              await settle(page);
            } catch {
              findings.push(`never settled (no h1, or still loading)`);
            }
            const firstVisit = !checkedEveryWidth.has(`${spec.name}:${lang}`);
            checkedEveryWidth.add(`${spec.name}:${lang}`);
            for (const width of firstVisit ? WIDTHS : ([390] as const)) {
              await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
              const where = `${width}px`;
              await stillAfterResize(page);
              const violations = await seriousAxeViolations(page);
              if (violations.length > 0) findings.push(`${where} axe:\n  ${describeViolations(violations).replaceAll('\n', '\n  ')}`);
              const overflow = await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
              if (overflow > 1) findings.push(`${where} page scrolls sideways by ${overflow}px: ${(await widest(page)).join(' | ')}`);
              const keys = await rawKeys(page);
              if (keys.length > 0) findings.push(`${where} raw i18n keys: ${keys.join(', ')}`);
              if (!spec.bare) {
                const hrefs = await navHrefs(page, width);
                if (JSON.stringify(hrefs) !== JSON.stringify(expectedNav)) findings.push(`${where} navigation: ${hrefs.join(' ')}`);
              }
              if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${role}-${spec.name}-${lang}-${width}.png`, fullPage: true });
              if (findings.length > 0 && !OWNED_ELSEWHERE.has(spec.name)) await screenshot(page, `staff-pages-${role}-${spec.name}-${lang}-${width}`);
            }
            if (findings.length === 0) continue;
            const report = `${role} ${spec.name} (${lang}):\n${findings.map((f) => `  ${f}`).join('\n')}`;
            // Printed as found: a full run takes minutes, and the list is the work to do.
            console.warn(report);
            if (OWNED_ELSEWHERE.has(spec.name)) known.push(report);
            else failures.push(report);
          }
        }
        expect(failures.join('\n')).toBe('');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
