import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, withPage as withBrowserPage, type Viewport } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { SIGN_IN_AR as AR, signInThroughRedirect, type SignInLabels } from './support/staff.ts';

// Issue 14's referral network in the browser: a physician refers from the review on the safety page,
// signs, sends by email and records the result that came back (English, desktop); the same from the
// patient record in Arabic on a phone, printed instead of emailed. Then the worklist, the directory
// and the public form a doctor uses, in both languages.

const NOW = '2026-11-30T05:00:00Z';

let server: TestServer;
let browser: Browser;
let patientId: string;
let planId: string;

/** A result report as the provider sends it (the server checks the PDF header and the size). */
const REPORT = {
  name: 'ncs-report.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
  const db = server.ctx.db;
  const [patient] = await db.query<{ id: string }>(`insert into patients (name, email) values ('Khalid Nasser', 'khalid.nasser@example.com') returning id`);
  patientId = patient?.id as string;
  // The physician's review referred the patient (progressive weakness): the referral starts from it.
  await db.query(
    `insert into physician_reviews (patient_id, decision, notes, precautions, referral, physician_id, created_at)
     values ($1, 'refer', 'Progressive weakness with fasciculations.', '[]', $2, 'user-physician', $3)`,
    [patientId, JSON.stringify({ to: 'Neurology', tests: ['NCS/EMG'], urgency: 'soon' }), NOW],
  );
  // A draft plan for the patient: "change the plan" after the result opens it.
  const [assessment] = await db.query<{ id: string }>(
    `insert into assessments (patient_id, author_id, status) values ($1, 'user-amira', 'final') returning id`,
    [patientId],
  );
  const [plan] = await db.query<{ id: string }>(
    `insert into treatment_plans (patient_id, assessment_id, data, created_by) values ($1, $2, $3, 'user-amira') returning id`,
    [
      patientId,
      assessment?.id,
      JSON.stringify({
        problems: [],
        protocolIds: [],
        targets: [],
        precautions: [],
        frequency: { sessionsPerWeek: 1, weeks: 4, totalSessions: 4 },
        goals: [],
        reassessmentDate: '2026-12-28',
        homeProgram: [],
      }),
    ],
  );
  planId = plan?.id as string;
  await db.query(
    `insert into referral_providers (kind, entity, name, organisation, email, phone, languages, accepts)
     values ('neurology', 'organisation', 'Neuromuscular Clinic', 'Sharjah University Hospital', 'nm@hospital.example', '+971 6 000 0000', '{en,ar}', 'Physician referrals; NCS/EMG on site'),
            ('genetics', 'organisation', 'مختبر الوراثة', null, 'genetics@lab.example', null, '{ar,en}', 'SMN1, DMD, DMPK testing')`,
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a language on the server's clock; on failure it is saved as screenshots/referrals-<name>-failure.png. */
const withPage = (name: string, options: { viewport: Viewport; lang: 'en' | 'ar' }, run: (page: Page) => Promise<void>) =>
  withBrowserPage(browser, `referrals-${name}`, { viewport: options.viewport, now: NOW, staffLanguage: options.lang }, run);
const signIn = (page: Page, email: string, path: string, labels?: SignInLabels) => signInThroughRedirect(page, server.baseUrl, email, path, labels);

const status = (page: Page) => page.locator('.ui-page-header .ui-tag').first();

describe('referrals', () => {
  it("takes a physician's referral from the review to a result received (English, desktop)", async () => {
    await withPage('physician-en', { viewport: DESKTOP, lang: 'en' }, async (page) => {
      await signIn(page, 'dr.yousef@demo.myomap.app', `/staff/patients/${patientId}/safety`);
      await page.getByRole('link', { name: 'Refer', exact: true }).click();
      await page.waitForURL(/\/staff\/referrals\/new\?.*source=physician_review/);
      await page.getByLabel('Refer to').selectOption({ label: 'Neuromuscular Clinic · Neurology' });
      await page.getByLabel('Urgency').selectOption('soon');
      await page.getByLabel('Reason for referral').fill('Progressive proximal weakness with fasciculations over three months.');
      await page.getByLabel('Question for the recipient').fill('Neuromuscular disease? Please assess.');
      await page.getByLabel('Tests suggested (one a line)').fill('Nerve conduction studies and EMG\nCK');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/staff\/referrals\/[0-9a-f-]{36}$/);
      await expect.poll(() => status(page).textContent()).toBe('Drafted');
      await page.getByText('Raised for a red flag', { exact: false }).waitFor();

      await page.getByRole('button', { name: 'Sign referral' }).click();
      await expect.poll(() => status(page).textContent()).toBe('Signed');
      await page.getByRole('button', { name: 'Send by email' }).click();
      await expect.poll(() => status(page).textContent()).toBe('Sent');
      await page.getByRole('button', { name: 'Record acknowledgement' }).click();
      await expect.poll(() => status(page).textContent()).toBe('Acknowledged');
      await page.getByLabel('Summary').fill('NCS/EMG normal; CK 110 U/L. No neuromuscular disease found.');
      await page.getByLabel('Findings (one a line, "label: value")').fill('NCS/EMG: normal\nCK: 110 U/L');
      await page.getByLabel('Report (PDF, optional)').setInputFiles(REPORT);
      await page.getByRole('button', { name: 'Record result' }).click();
      await expect.poll(() => status(page).textContent()).toBe('Result received');
      await page.getByRole('heading', { name: 'Result', exact: true }).waitFor();
      // The report came in with the result: stored, listed with the referral's letters, downloadable.
      await page.getByTestId('result-report').waitFor();
      await page.getByRole('heading', { name: 'Letters and results' }).waitFor();
      expect(await page.locator('.rf-documents li').evaluateAll((items) => items.map((li) => li.getAttribute('data-document-kind')))).toEqual([
        'referral_letter',
        'referral_result',
      ]);
      await page
        .getByRole('heading', { name: 'Review the result' })
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await screenshot(page, 'referrals-detail-en-1280');
      const timeline = page.locator('.rf-timeline li');
      expect(await timeline.count()).toBe(5);

      // The physician reviews it and changes the plan: the plan opens with the result beside it.
      await page.getByLabel('Decision').selectOption('change_plan');
      await page.getByLabel('Notes').fill('Add nerve glides; no deep pressure over the ulnar groove.');
      await page.getByRole('button', { name: 'Save review' }).click();
      await page.waitForURL((url) => url.pathname === `/staff/plans/${planId}` && url.searchParams.has('fromReferral'));
      const banner = page.getByTestId('plan-referral-result');
      await banner.getByText('NCS/EMG normal', { exact: false }).waitFor();
      await banner.getByText('Add nerve glides', { exact: false }).waitFor();
      await banner.getByRole('link', { name: 'Result report (PDF)' }).waitFor();
      await screenshot(page, 'referrals-change-plan-en-1280');
    });
    const [reviewed] = await server.ctx.db.query<{ review_decision: string; kind: string }>(
      `select r.review_decision, d.kind from referral_results r join documents d on d.id = r.document_id`,
    );
    expect(reviewed).toEqual({ review_decision: 'change_plan', kind: 'referral_result' });
    const [mail] = await server.ctx.db.query<{ recipient: string }>(`select recipient from outbox where kind = 'referral_letter'`);
    expect(mail?.recipient).toBe('nm@hospital.example');
  });

  it('takes a referral from the record to a result received (Arabic, phone)', async () => {
    await withPage('physician-ar', { viewport: PHONE, lang: 'ar' }, async (page) => {
      await signIn(page, 'dr.yousef@demo.myomap.app', `/staff/patients/${patientId}`, AR);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.getByRole('link', { name: 'إحالة', exact: true }).click();
      await page.waitForURL(/\/staff\/referrals\/new\?.*source=record/);
      await page.getByLabel('الإحالة إلى').selectOption({ label: 'مختبر الوراثة · الوراثة' });
      await page.getByLabel('سبب الإحالة').fill('ضعف عضلي متزايد مع تاريخ عائلي لمرض عصبي عضلي.');
      await page.getByLabel('لغة الرسالة').selectOption('ar');
      await screenshot(page, 'referrals-new-ar-390');
      await page.getByRole('button', { name: 'حفظ المسودة' }).click();
      await page.waitForURL(/\/staff\/referrals\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'توقيع الإحالة' }).click();
      await expect.poll(() => status(page).textContent()).toBe('موقّعة');
      await page.getByRole('button', { name: 'تسجيلها مطبوعة' }).click();
      await expect.poll(() => status(page).textContent()).toBe('مُرسلة');
      await page.getByLabel('الملخص').fill('لم يُعثر على حذف في جين SMN1.');
      await page.getByRole('button', { name: 'تسجيل النتيجة' }).click();
      await expect.poll(() => status(page).textContent()).toBe('وصلت النتيجة');
      await page.getByRole('heading', { name: 'النتيجة', exact: true }).waitFor();
      // The report arrives after the result: attached to it, then the physician clears treatment.
      await page.getByLabel('التقرير (ملف PDF، اختياري)').setInputFiles(REPORT);
      await screenshot(page, 'referrals-attach-report-ar-390');
      await page.getByRole('button', { name: 'إرفاق التقرير' }).click();
      await page.getByRole('link', { name: 'تقرير النتيجة (PDF)' }).first().waitFor();
      await screenshot(page, 'referrals-detail-ar-390');
      await page.getByLabel('القرار').selectOption('clear');
      await page.getByLabel('ملاحظات').fill('لا يوجد ما يمنع العلاج.');
      await page.getByRole('button', { name: 'حفظ المراجعة' }).click();
      await expect.poll(() => status(page).textContent()).toBe('مغلقة');
      await page.getByText('أُذن بالعلاج', { exact: false }).waitFor();
      // The patient's record lists the letters and the reports under "Letters and results".
      await page.goto(`${server.baseUrl}/staff/patients/${patientId}`);
      const documents = page.getByTestId('patient-documents');
      await page.getByRole('heading', { name: 'الخطابات والنتائج' }).waitFor();
      await expect.poll(() => documents.locator('[data-document-kind="referral_result"]').count()).toBe(2);
      await screenshot(page, 'referrals-record-documents-ar-390');
    });
  });

  it('shows the worklist and the directory, and takes a referral in from the public form (both languages)', async () => {
    await withPage('worklist-ar', { viewport: DESKTOP, lang: 'ar' }, async (page) => {
      await signIn(page, 'reception@demo.myomap.app', '/staff/referrals', AR);
      await page.getByRole('heading', { name: 'الإحالات', level: 1 }).waitFor();
      // The heading is drawn before the list arrives: wait for the rows, do not count at once.
      await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
      await screenshot(page, 'referrals-worklist-ar-1280');
      await page.getByRole('link', { name: 'دليل مقدّمي الخدمة' }).click();
      await page.getByRole('cell', { name: /Neuromuscular Clinic/ }).waitFor();
      await screenshot(page, 'referrals-directory-ar-1280');
    });
    await withPage('directory-en', { viewport: PHONE, lang: 'en' }, async (page) => {
      await signIn(page, 'admin@demo.myomap.app', '/staff/referrals/directory');
      await page.getByRole('button', { name: 'Add provider' }).click();
      await page.getByLabel('Kind').first().selectOption('occupational_therapy');
      await page.getByLabel('Name', { exact: true }).fill('Hand Therapy Centre');
      await page.getByLabel('Phone').fill('+971 6 222 3333');
      await page.getByRole('button', { name: 'Save provider' }).click();
      await page.getByRole('cell', { name: /Hand Therapy Centre/ }).waitFor();
      await screenshot(page, 'referrals-directory-en-390');
    });
    await withPage('refer-public', { viewport: PHONE, lang: 'en' }, async (page) => {
      await page.goto(`${server.baseUrl}/refer`);
      await page.getByRole('heading', { name: 'Refer a patient' }).waitFor();
      await page.getByLabel('Your name').fill('Dr. Layla Hassan');
      await page.getByLabel('Your email').fill('layla@familyclinic.example');
      await page.getByLabel('Patient’s full name').fill('Noura Saeed');
      await page.getByLabel('Patient’s phone').fill('+971 50 123 4567');
      await page.getByLabel('Patient’s email').fill('noura@example.com');
      await page.getByLabel('Reason for referral').fill('Chronic neck and shoulder pain.');
      await page.getByLabel('The patient agreed', { exact: false }).check();
      await screenshot(page, 'referrals-refer-en-390');
      await page.getByRole('button', { name: 'Send referral' }).click();
      await page.getByText('We received your referral', { exact: false }).waitFor();
    });
    await withPage('refer-public-ar', { viewport: DESKTOP, lang: 'ar' }, async (page) => {
      await page.goto(`${server.baseUrl}/refer`);
      await page.getByRole('heading', { name: 'إحالة مريض' }).waitFor();
      await screenshot(page, 'referrals-refer-ar-1280');
    });
    // Reception triages it in Arabic on a phone: no existing record, so a new one, and the first visit.
    await withPage('inbound-ar', { viewport: PHONE, lang: 'ar' }, async (page) => {
      await signIn(page, 'reception@demo.myomap.app', '/staff/referrals?direction=in', AR);
      await page.getByRole('link', { name: 'Noura Saeed' }).click();
      await page.getByText('لا يوجد سجل يشترك في هذا البريد أو الهاتف', { exact: false }).waitFor();
      await page.getByLabel('الخدمة', { exact: true }).selectOption({ index: 1 });
      await page.getByLabel('المعالج', { exact: true }).selectOption({ index: 1 });
      await page.getByLabel('أول زيارة (التاريخ والوقت)').fill('2026-12-07T10:00');
      await screenshot(page, 'referrals-inbound-ar-390');
      await page.getByRole('button', { name: 'قبول: ملف المريض وأول زيارة' }).click();
      await expect.poll(() => status(page).textContent()).toBe('مقبولة');
    });
    const [inbound] = await server.ctx.db.query<{ status: string; first_visit_id: string | null }>(
      `select status, first_visit_id from referrals where direction = 'in'`,
    );
    expect(inbound?.status).toBe('accepted');
    expect(inbound?.first_visit_id).toEqual(expect.any(String));
  });
});
