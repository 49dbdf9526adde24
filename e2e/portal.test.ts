import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSentMessages } from '../packages/server/src/test-support/read-outbox.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// The patient portal (issue 15), in English on a desktop and in Arabic on a phone: a patient asks
// for a sign-in link, opens it from the email (read from the outbox, sealed link opened, as the
// mailer would send it), sees their visits and their pain scores over time, moves a visit to
// another free time, and downloads their record as a FHIR Bundle. Round two: the approved plan's
// home program, the referrals sent on their behalf, and the next visit's health form opened from the portal.

const FOLLOW_UP = 'svc-nmt-follow-60';
const AMIRA = 'prac-amira';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

async function newPage(viewport: { width: number; height: number }, mobile = false): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Asia/Dubai',
    viewport,
    acceptDownloads: true,
    ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Free times of Amira's follow-up over the next two weeks, from the public API. */
async function freeStarts(): Promise<string[]> {
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 17 * 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(`${server.baseUrl}/api/availability?serviceId=${FOLLOW_UP}&practitionerId=${AMIRA}&from=${from}&to=${to}`);
  return ((await response.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
}

/** A patient with a visit and two pain scores (7, then 4: a change past the MCID of 2 points). */
async function patientWithVisit(name: string, email: string, start: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start, patient: { name, email } }),
  });
  const booking = (await response.json()) as { id: string };
  const [row] = await server.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booking.id]);
  const patientId = row?.patient_id ?? '';
  const [episode] = await server.ctx.db.query<{ id: string }>(
    `insert into episodes (patient_id, complaint, region, primary_instrument_id, started_on) values ($1, 'Neck pain', 'cervical', 'nprs', '2026-10-01') returning id`,
    [patientId],
  );
  for (const [takenOn, score] of [
    ['2026-10-01', 7],
    ['2026-10-15', 4],
  ] as const) {
    await server.ctx.db.query(
      `insert into measurements (episode_id, patient_id, instrument_id, instrument_version, language, taken_on, taken_at, answers, score, missing_handling, source)
       values ($1, $2, 'nprs', '1', 'en', $3, $3::date + time '08:00', '{}', $4, 'complete', 'clinician')`,
      [episode?.id, patientId, takenOn, score],
    );
  }
  await planAndReferral(patientId);
  return booking.id;
}

/** An approved plan with one home-program item (the plan's own dose) and a referral whose letter was sent. */
async function planAndReferral(patientId: string): Promise<void> {
  const [staff] = await server.ctx.db.query<{ id: string }>(`select id from staff_users order by email limit 1`);
  const [assessment] = await server.ctx.db.query<{ id: string }>(`insert into assessments (patient_id, author_id) values ($1, $2) returning id`, [
    patientId,
    staff?.id,
  ]);
  await server.ctx.db.query(
    `insert into treatment_plans (patient_id, assessment_id, status, data, created_by, approved_by, approved_at)
     values ($1, $2, 'approved', $3, $4, $4, '2026-10-02T08:00:00Z')`,
    [
      patientId,
      assessment?.id,
      JSON.stringify({
        problems: [],
        targets: [],
        frequency: { sessionsPerWeek: 1, weeks: 4, totalSessions: 4 },
        goals: [],
        precautions: [],
        reassessmentDate: '2026-11-01',
        homeProgram: [{ selfCareId: 'upper_trapezius_self_stretch', dose: '20 s × 2' }],
      }),
      staff?.id,
    ],
  );
  const [provider] = await server.ctx.db.query<{ id: string }>(
    `insert into referral_providers (kind, entity, name, email) values ('neurology', 'organisation', 'Neuromuscular Clinic', 'nm@hospital.example') returning id`,
  );
  const [referral] = await server.ctx.db.query<{ id: string }>(
    `insert into referrals (direction, patient_id, provider_id, source, urgency, reason, status, created_by, created_at, signed_by, signed_at)
     values ('out', $1, $2, 'plan', 'routine', 'Internal reason for the neurologist', 'sent', $3, '2026-10-03T08:00:00Z', $3, '2026-10-03T08:00:00Z') returning id`,
    [patientId, provider?.id, staff?.id],
  );
  await server.ctx.db.query(
    `insert into referral_status_history (referral_id, from_status, to_status, by_user, at) values ($1, 'signed', 'sent', $2, '2026-10-04T08:00:00Z')`,
    [referral?.id, staff?.id],
  );
}

/** Home program and referral shown; the health form opens from the portal and comes back. */
async function homeReferralAndIntake(
  page: Page,
  labels: { exercise: string; referral: RegExp; letter: RegExp; openForm: RegExp; formTitle: string; back: RegExp; shot: string },
) {
  await page.getByRole('heading', { name: labels.exercise }).waitFor();
  // The plan's dose reads left to right on either page ("20 s × 2", never "2 × s 20").
  const dose = page.getByText('20 s × 2');
  await dose.waitFor();
  const x = await dose.evaluate((element) => {
    const text = element.firstChild as Text;
    const left = (i: number) => {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return range.getBoundingClientRect().left;
    };
    return ['2', 's', '×'].map((c) => left((text.textContent ?? '').indexOf(c)));
  });
  expect(x).toEqual([...x].sort((a, b) => a - b));
  await page.getByText(labels.referral).waitFor();
  await page.getByText(labels.letter).waitFor();
  // Close-ups of the home program and the referral cards, for people to look at.
  await page.locator('section[aria-labelledby="home-title"]').screenshot({ path: `screenshots/portal-home-program-${labels.shot}.png` });
  await page.locator('#messages').screenshot({ path: `screenshots/portal-referrals-${labels.shot}.png` });
  expect(await page.locator('body').textContent()).not.toContain('Internal reason');
  await page.getByRole('link', { name: labels.openForm }).click();
  await page.waitForURL(/\/portal\/visits\/[^/]+\/intake$/);
  await page.getByRole('heading', { name: labels.formTitle }).waitFor();
  await page.locator('form, fieldset').first().waitFor();
}

async function signInByLink(page: Page, email: string, labels: { email: RegExp; send: RegExp; sent: RegExp }): Promise<void> {
  await page.getByLabel(labels.email).fill(email);
  await page.getByRole('button', { name: labels.send }).click();
  await page.getByRole('heading', { name: labels.sent }).waitFor();
  const [message] = await readSentMessages(server.ctx, 'portal_sign_in', email);
  const link = /https?:\/\/\S+\/portal\/sign-in\?token=[\w-]+/.exec(message?.body ?? '')?.[0];
  expect(link).toBeDefined();
  await page.goto(link ?? '');
  await page.waitForURL(/\/portal$/);
}

async function moveToAnotherTime(page: Page, newDay: string, labels: { change: RegExp; day: RegExp; moved: RegExp }): Promise<void> {
  await page.getByRole('button', { name: labels.change }).first().click();
  await page.getByLabel(labels.day).fill(newDay);
  const firstTime = page.locator('.pt-times button').first();
  await firstTime.waitFor();
  await firstTime.click();
  const notice = page.getByText(labels.moved);
  await notice.waitFor();
  // The notice comes first, the refetched visit list after it: wait until the card shows the new
  // time, so nothing below moves while the next click is on its way.
  const said = (await notice.textContent()) ?? '';
  await expect.poll(async () => said.includes((await page.locator('#visits .pt-visit__when').first().textContent()) ?? '\u0000')).toBe(true);
}

async function downloadRecord(page: Page, name: RegExp, patientName: string): Promise<void> {
  const link = page.getByRole('link', { name });
  await link.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  const bundle = JSON.parse(await readFile(file, 'utf8')) as {
    resourceType: string;
    entry: { resource: { resourceType: string; name?: { text?: string }[] } }[];
  };
  expect(bundle.resourceType).toBe('Bundle');
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient');
  expect(JSON.stringify(patient)).toContain(patientName.split(' ')[0]);
}

describe('the patient portal', () => {
  it('in English on a desktop: sign in by link, see visits and progress, reschedule, download the record', async () => {
    const starts = await freeStarts();
    const firstDay = starts[0]?.slice(0, 10) ?? '';
    const laterDay = starts.find((s) => s.slice(0, 10) > firstDay)?.slice(0, 10) ?? '';
    await patientWithVisit('Huda Rahman', 'huda@example.com', starts[0] ?? '');
    // Her daughter's record shares the email: one sign-in, two records.
    await server.ctx.db.query(`insert into patients (name, email) values ('Yara Rahman', 'huda@example.com')`);
    const { page, errors } = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/portal?lang=en`);
    await page.getByRole('heading', { name: 'Sign in to your patient portal' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'portal sign-in, en');
    await signInByLink(page, 'huda@example.com', { email: /Email address/, send: /Send me a sign-in link/, sent: /Check your email/ });

    await page.getByRole('heading', { name: 'Huda Rahman', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Upcoming visits' }).waitFor();
    await expect(page.locator('#visits .pt-visit').first().textContent()).resolves.toContain('Confirmed');
    const table = page.locator('#progress table').first();
    await expect(table.textContent()).resolves.toContain('4 of 10');
    await page.getByText('Since your first score you have improved by at least that much.').waitFor();
    await expectNoSeriousAxeViolations(page, 'portal home, en');
    await screenshot(page, 'portal-en-desktop');

    // Family: switch to the daughter's record and say who Huda is to her, then come back.
    await page.getByLabel('Showing the record of').selectOption({ label: 'Yara Rahman' });
    await page.getByRole('heading', { name: 'Yara Rahman', level: 1 }).waitFor();
    await page.getByLabel('Who are you to Yara Rahman?').selectOption('parent');
    await expect
      .poll(async () => (await server.ctx.db.query<{ relationship: string }>('select relationship from portal_relationships'))[0]?.relationship)
      .toBe('parent');
    await page.getByText('No upcoming visits.').waitFor();
    await page.getByLabel('Showing the record of').selectOption({ label: 'Huda Rahman' });
    await page.getByRole('heading', { name: 'Huda Rahman', level: 1 }).waitFor();

    await homeReferralAndIntake(page, {
      exercise: 'Upper trapezius stretch',
      referral: /Referral to Neuromuscular Clinic/,
      letter: /Letter sent to Neuromuscular Clinic on/,
      openForm: /Fill in the health form and sign consent/,
      formTitle: 'Before your first visit',
      back: /Back to your portal/,
      shot: 'en-desktop',
    });
    await expectNoSeriousAxeViolations(page, 'portal intake, en');
    await screenshot(page, 'portal-intake-en-desktop');
    await page.getByRole('link', { name: /Back to your portal/ }).click();
    await page.getByRole('heading', { name: 'Upcoming visits' }).waitFor();

    await moveToAnotherTime(page, laterDay, { change: /Change time/, day: /^Day$/, moved: /Your visit is moved to/ });
    await downloadRecord(page, /Download my record/, 'Huda Rahman');

    // Book another: the booking form opens at the same service and practitioner, her details filled in.
    await page.getByRole('link', { name: 'Book another visit' }).click();
    await page.waitForURL(/\/book\?service=svc-nmt-follow-60&practitioner=prac-amira/);
    const draft = await page.evaluate(() => window.sessionStorage.getItem('myomap.booking.patient'));
    expect(JSON.parse(draft ?? '{}')).toMatchObject({ name: 'Huda Rahman', email: 'huda@example.com' });
    expect(errors).toEqual([]);
  });

  it('in Arabic on a phone: right to left, sign in by link, progress, reschedule, download', async () => {
    const starts = await freeStarts();
    const day = starts.find((s) => s.slice(0, 10) > (starts[0] ?? '').slice(0, 10))?.slice(0, 10) ?? '';
    const otherDay = starts.find((s) => s.slice(0, 10) > day)?.slice(0, 10) ?? '';
    await patientWithVisit('Salem Obaid', 'salem@example.com', starts.find((s) => s.startsWith(day)) ?? '');
    const { page, errors } = await newPage({ width: 390, height: 844 }, true);
    await page.goto(`${server.baseUrl}/portal?lang=ar`);
    await page.getByRole('heading', { name: 'الدخول إلى بوابة المرضى' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await signInByLink(page, 'salem@example.com', { email: /البريد الإلكتروني/, send: /أرسل لي رابط الدخول/, sent: /افتح بريدك الإلكتروني/ });
    const [message] = await readSentMessages(server.ctx, 'portal_sign_in', 'salem@example.com');
    expect(message?.body).toContain('افتح هذا الرابط للدخول');

    await page.getByRole('heading', { name: 'الزيارات القادمة' }).waitFor();
    await page.getByText('تحسنت منذ نتيجتك الأولى بهذا المقدار على الأقل.').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Phone width: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.screen.width + 1)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'portal home, ar');
    await screenshot(page, 'portal-ar-phone');

    await homeReferralAndIntake(page, {
      exercise: 'إطالة الجزء العلوي من العضلة شبه المنحرفة',
      referral: /إحالة إلى Neuromuscular Clinic/,
      letter: /أُرسلت الرسالة إلى Neuromuscular Clinic في/,
      openForm: /عبّئ الاستمارة الصحية ووقّع الموافقة/,
      formTitle: 'قبل زيارتك الأولى',
      back: /العودة إلى بوابتك/,
      shot: 'ar-phone',
    });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.screen.width + 1)).toBe(true);
    await screenshot(page, 'portal-intake-ar-phone');
    await page.getByRole('link', { name: /العودة إلى بوابتك/ }).click();
    await page.getByRole('heading', { name: 'الزيارات القادمة' }).waitFor();

    await moveToAnotherTime(page, otherDay, { change: /تغيير الموعد/, day: /^اليوم$/, moved: /نُقلت زيارتك إلى/ });
    // The move's email arrives in Messages with the clinic's map link, one long word: it wraps, and
    // the page stays the phone's width (wider, and the phone zooms the whole page out).
    await expect
      .poll(
        async () =>
          (await server.ctx.db.query(`select 1 from outbox where kind = 'rescheduled' and recipient = 'salem@example.com' and status = 'sent'`)).length,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    await page.reload();
    await page.locator('#messages .pt-message__body').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.screen.width + 1)).toBe(true);
    await downloadRecord(page, /نزّل ملفي/, 'Salem Obaid');
    expect(errors).toEqual([]);
  });
});
