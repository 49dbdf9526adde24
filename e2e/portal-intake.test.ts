import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake } from '../packages/domain/src/screening/screening-case-builder.ts';
import { intakeResponse } from '../packages/domain/src/screening/intake-questionnaire-data.ts';
import { readSentMessages } from '../packages/server/src/test-support/read-outbox.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { DESKTOP, launchBrowser, openPage, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { drawSignature } from './support/consent.ts';
import { signInThroughRedirect } from './support/staff.ts';
import { bookOnline } from '../packages/server/src/test-support/book-online.ts';

// Issue 15: the health form and consent sent from the patient portal, in English on a desktop. A
// patient with a first visit signs in to the portal by link, opens the health form from there,
// answers the last safety question, signs the consent and sends it; the portal then says the form is
// done and the consent signed, and the therapist sees the signed consent and the answer in the
// patient's record. (e2e/intake-safety.test.ts covers the same form from the booking link, in Arabic.)

// Monday 30 November 2026, 08:00 in Sharjah.
const NOW = '2026-11-30T04:00:00Z';
const PATIENT = 'Mariam Haddad';
const EMAIL = 'mariam.haddad@example.com';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

const contexts: BrowserContext[] = [];
/** A desktop page on the server's clock, closed after the file. */
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, { viewport: DESKTOP, now: NOW, timeout: 20_000 });
  contexts.push(opened.context);
  return opened;
}

describe('the health form and consent from the patient portal', () => {
  it('is sent from the portal, and the portal and the staff record show it (English, desktop)', async () => {
    const booking = await bookOnline(server, { name: PATIENT, email: EMAIL }, '2026-12-01T09:00:00+04:00', { serviceId: 'svc-nmt-initial' });
    const { patientId } = booking;
    // Answers saved earlier from the booking link, all but the last safety question.
    const saved = await fetch(`${server.baseUrl}/api/intake/${booking.reference}?token=${encodeURIComponent(booking.manageToken)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response: intakeResponse(intake({ 'full-name': PATIENT, 'nmd-twitching': undefined })), language: 'en' }),
    });
    expect(saved.status).toBe(200);

    const { page, errors } = await newPage();
    await page.goto(`${server.baseUrl}/portal?lang=en`);
    await page.getByLabel(/Email address/).fill(EMAIL);
    await page.getByRole('button', { name: /Send me a sign-in link/ }).click();
    await page.getByRole('heading', { name: /Check your email/ }).waitFor();
    const [message] = await readSentMessages(server.ctx, 'portal_sign_in', EMAIL);
    const link = /https?:\/\/\S+\/portal\/sign-in\?token=[\w-]+/.exec(message?.body ?? '')?.[0];
    await page.goto(link ?? '');
    await page.waitForURL(/\/portal$/);
    const intakeCard = page.locator('section[aria-labelledby="intake-title"]');
    await intakeCard.getByText('Your health form for the next visit is not filled in yet.').waitFor();
    await intakeCard.getByText('No consent signed yet.', { exact: false }).waitFor();

    // The form opens from the portal with the answers saved so far; the last safety question is answered here.
    await intakeCard.getByRole('link', { name: 'Fill in the health form and sign consent' }).click();
    await page.waitForURL(/\/portal\/visits\/[^/]+\/intake$/);
    await page.getByRole('heading', { level: 1, name: 'Before your first visit' }).waitFor();
    const twitching = page.locator('[data-link-id="nmd-twitching"]').first();
    for (let i = 0; i < 8 && !(await twitching.isVisible()); i += 1) await page.locator('.ik-nav').getByRole('button', { name: 'Next' }).click();
    await twitching.getByRole('radio', { name: 'No', exact: true }).click();
    await expect.poll(() => page.locator('.ik-save').getAttribute('data-status')).toBe('saved');

    await page.locator('.ik-nav').getByRole('button', { name: 'Continue to consent' }).click();
    await page.getByRole('heading', { level: 2, name: 'Consent to treatment' }).waitFor();
    await page.getByText('All the questions that need an answer are answered.').waitFor();
    expect(await page.getByLabel('Your full name').inputValue()).toBe(PATIENT);
    await drawSignature(page);
    await page.getByLabel(/I agree to treatment/).check();
    await expectNoSeriousAxeViolations(page, 'portal consent, en');
    await screenshot(page, 'portal-consent-en-desktop');
    await page.getByRole('button', { name: 'Sign and send my answers' }).click();
    await page.getByText('The clinic has your answers and your signed consent.').waitFor();

    // Back in the portal: the form is done and the consent signed.
    await page.getByRole('link', { name: 'Back to your portal' }).click();
    await intakeCard.getByText('Your health form for the next visit is done.').waitFor();
    expect(await intakeCard.textContent()).toMatch(/Consent signed on Monday, 30 November 2026 \(version [^)]+\)\./);
    await screenshot(page, 'portal-after-consent-en-desktop');
    expect(errors).toEqual([]);

    // The record: the consent as signed (typed name, drawn signature, language) and the answer given in the portal.
    const [consent] = await server.ctx.db.query<{ typed_name: string; language: string; signature_png: string }>(
      'select typed_name, language, signature_png from consents where patient_id = $1',
      [patientId],
    );
    expect(consent).toMatchObject({ typed_name: PATIENT, language: 'en' });
    expect(consent?.signature_png).toMatch(/^data:image\/png;base64,/);
    const audit = await server.ctx.db.query<{ action: string; actor_type: string }>(
      `select action, actor_type from audit_log where action in ('consent.sign', 'intake.submit') order by at`,
    );
    expect(audit.map((a) => `${a.action}:${a.actor_type}`).sort()).toEqual(['consent.sign:patient', 'intake.submit:patient']);

    const staff = await newPage();
    await signInThroughRedirect(staff.page, server.baseUrl, 'amira@demo.myomap.app', `/staff/patients/${patientId}/safety`);
    await staff.page.getByRole('heading', { level: 1, name: PATIENT }).waitFor();
    // (The name is isolated with U+2068/U+2069, as the staff pages isolate every name they interpolate.)
    await staff.page.getByText(new RegExp(`Version .+ signed by \u2068?${PATIENT}\u2069? on `)).waitFor();
    await staff.page.getByText('Show all answers').click();
    await staff.page.locator('[data-link-id="nmd-twitching"] dd').getByText('No').waitFor();
    await screenshot(staff.page, 'portal-consent-staff-record-en-desktop');
    expect(staff.errors).toEqual([]);
  });
});
