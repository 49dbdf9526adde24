import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotFromTop } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { signInThroughRedirect } from './support/staff.ts';

// The "Clinical core" acceptance test: a therapist signs in, opens a new patient, starts an
// assessment, marks pain at the right temple and the back of the neck, watches the source
// finder name the upper trapezius, records two trigger points and a nerve entrapment, saves,
// reloads and finds it all again, in English and in Arabic.

const THERAPIST = 'amira@demo.myomap.app';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openContext(viewport = { width: 1440, height: 1000 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

const signIn = (page: Page, path: string) => signInThroughRedirect(page, server.baseUrl, THERAPIST, path);

const zone = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const candidate = (page: Page, muscleId: string, side: string) => page.locator(`.candidate[data-muscle="${muscleId}"][data-side="${side}"]`);

interface AssessmentOut {
  data: {
    painMap: { zone: string; side?: string; intensity: number }[];
    triggerPoints: { muscleId: string; side?: string; activity: string; reproducesFamiliarPain: boolean; view?: string; x?: number; y?: number }[];
    nerveFindings: { nerve: string; site: string; side?: string; signs: string[] }[];
    problems: { id: string; title: string; priority: number; source: string }[];
  };
  photos: { id: string; view: string; landmarks: Record<string, { x: number; y: number }>; angles: Record<string, number> }[];
}

describe('clinical assessment in a browser', () => {
  let assessmentPath = '';

  it('records pain, trigger points and a nerve entrapment, with live source candidates, and keeps them after a reload', async () => {
    const { context, page, errors } = await openContext();
    await signIn(page, '/staff/patients');

    // A new patient.
    await page.getByRole('button', { name: 'New patient' }).click();
    const form = page.getByRole('form', { name: 'New patient' });
    await form.getByLabel('Name').fill('Mariam Al Suwaidi');
    await form.getByLabel('Email').fill('mariam.alsuwaidi@example.com');
    await form.getByLabel('Phone', { exact: true }).fill('+971 50 765 4321');
    await form.getByLabel('Date of birth').fill('1986-03-14');
    await form.getByLabel('Sex').selectOption('female');
    await form.getByRole('button', { name: 'Create patient' }).click();
    await page.waitForURL(/\/staff\/patients\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Mariam Al Suwaidi' }).waitFor();
    await screenshotFromTop(page, 'clinical-patient-en');

    // A new assessment.
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.waitForURL(/\/staff\/assessments\/[^/]+$/);
    assessmentPath = new URL(page.url()).pathname;
    await zone(page, 'Temple, right').waitFor();
    expect(await page.getByTestId('save-status').textContent()).toBe('Saved');

    // Every body zone is on the chart: one shape per side, one for a midline zone.
    const zones = (await (await page.request.get(`${server.baseUrl}/api/body-zones`)).json()) as { id: string; side: boolean }[];
    const expected = zones.reduce((n, z) => n + (z.side ? 2 : 1), 0);
    expect(await page.locator('.body-chart__svg [role="checkbox"]').count()).toBe(expected);
    expect(await page.locator('.body-chart__other').count()).toBe(0);

    // Pain at the right temple (by mouse) and the back of the neck (by keyboard).
    await zone(page, 'Temple, right').click();
    await zone(page, 'Back of the neck, right').focus();
    await page.keyboard.press('Enter');
    expect(await zone(page, 'Temple, right: 5/10').getAttribute('aria-checked')).toBe('true');
    expect(await zone(page, 'Back of the neck, right: 5/10').getAttribute('aria-checked')).toBe('true');
    // Space toggles too, and the left temple is a different shape from the right one.
    await zone(page, 'Temple, left').focus();
    await page.keyboard.press('Space');
    expect(await zone(page, 'Temple, left: 5/10').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Space');
    expect(await zone(page, 'Temple, left').getAttribute('aria-checked')).toBe('false');
    await page.getByRole('radio', { name: 'Temple, right: 7 out of 10' }).check();
    await zone(page, 'Temple, right: 7/10').waitFor();
    expect(await page.getByTestId('save-status').textContent()).toBe('Unsaved changes');

    // The source finder answers live, with the upper trapezius (right) among the candidates.
    await candidate(page, 'upper_trapezius', 'right').waitFor();
    const upperTrapezius = candidate(page, 'upper_trapezius', 'right');
    expect(await upperTrapezius.locator('.candidate__name').textContent()).toBe('Upper trapezius, right');
    expect(await upperTrapezius.locator('.candidate__zones').textContent()).toContain('Temple, right');
    expect((await upperTrapezius.locator('.candidate__why').textContent())?.length).toBeGreaterThan(20);

    // Trigger point 1: from the candidate, active, reproducing the familiar pain, placed on the back view.
    await upperTrapezius.getByRole('button', { name: /Record a trigger point in Upper trapezius/ }).click();
    const tpForm = page.locator('#trigger-point-form');
    expect(await tpForm.getByLabel('Muscle').inputValue()).toBe('Upper trapezius');
    expect(await tpForm.getByLabel('Side').inputValue()).toBe('right');
    await tpForm.getByLabel('Reproduces the familiar pain').check();
    await tpForm.getByRole('button', { name: 'Place on chart' }).click();
    const back = page.locator('svg[data-view="back"]');
    const box = await back.boundingBox();
    if (!box) throw new Error('The back view is not on screen');
    await back.click({ position: { x: box.width * 0.63, y: box.height * 0.178 } });
    await tpForm.getByText('Placed on the Back view').waitFor();
    await tpForm.getByRole('button', { name: 'Add trigger point' }).click();

    // Trigger point 2: searched by name, latent, on the right.
    await tpForm.getByLabel('Muscle').fill('sternocleido');
    await tpForm.getByRole('option', { name: /Sternocleidomastoid/ }).click();
    await tpForm.getByLabel('Side').selectOption('right');
    await tpForm.getByLabel('Latent').check();
    await tpForm.getByRole('button', { name: 'Add trigger point' }).click();
    const recorded = page.getByRole('list', { name: 'Recorded trigger points' });
    await recorded.getByText('Sternocleidomastoid, right').waitFor();
    expect(await recorded.locator('li').count()).toBe(2);
    expect(await page.locator('.body-chart__pin').count()).toBe(1);

    // A nerve entrapment: the brachial plexus at the scalenes, right, with tingling.
    const nerves = page.locator('#nerve-findings');
    await nerves.getByLabel('Nerve and site').selectOption({ label: 'Brachial plexus at the scalenes' });
    await nerves.getByLabel('Side').selectOption('right');
    await nerves.getByLabel('Tingling, pins and needles').check();
    await nerves.getByRole('button', { name: 'Add nerve finding' }).click();
    await nerves.getByText('Brachial plexus at the scalenes, right').waitFor();

    // The problem list follows the findings.
    const problems = page.locator('#problem-list .problem');
    expect(await problems.count()).toBeGreaterThan(0);

    await screenshotFromTop(page, 'clinical-assessment-en');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('All changes saved');

    const saved = (await (await page.request.get(`${server.baseUrl}/api${assessmentPath}`)).json()) as AssessmentOut;
    expect(saved.data.painMap).toEqual(
      expect.arrayContaining([
        { zone: 'temple', side: 'right', intensity: 7 },
        { zone: 'posterior_neck', side: 'right', intensity: 5 },
      ]),
    );
    expect(saved.data.painMap).toHaveLength(2);
    expect(saved.data.triggerPoints).toMatchObject([
      { muscleId: 'upper_trapezius', side: 'right', activity: 'active', reproducesFamiliarPain: true, view: 'posterior' },
      { muscleId: 'sternocleidomastoid', side: 'right', activity: 'latent', reproducesFamiliarPain: false },
    ]);
    expect(saved.data.nerveFindings).toEqual([{ nerve: 'brachial_plexus', site: 'scalenes', side: 'right', signs: ['paraesthesia'] }]);
    expect(saved.data.problems[0]).toMatchObject({ priority: 1, source: 'derived' });

    // Reload: everything is still there.
    await page.reload();
    await zone(page, 'Temple, right: 7/10').waitFor();
    expect(await zone(page, 'Temple, right: 7/10').getAttribute('aria-checked')).toBe('true');
    expect(await zone(page, 'Back of the neck, right: 5/10').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('save-status').textContent()).toBe('Saved');
    await recorded.getByText('Upper trapezius, right').waitFor();
    await recorded.getByText('Sternocleidomastoid, right').waitFor();
    await page.locator('#nerve-findings').getByText('Brachial plexus at the scalenes, right').waitFor();
    expect(await page.locator('.body-chart__pin').count()).toBe(1);
    await candidate(page, 'upper_trapezius', 'right').waitFor();

    // The patient page lists the assessment.
    await page.getByRole('link', { name: '← Mariam Al Suwaidi' }).click();
    await page.getByRole('heading', { name: 'Assessments' }).waitFor();
    await expect.poll(() => page.locator(`a[href="${assessmentPath}"]`).count()).toBe(1);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the same assessment in Arabic, right to left, with Arabic zone and muscle names', async () => {
    const { context, page, errors } = await openContext();
    await signIn(page, assessmentPath);
    await zone(page, 'Temple, right: 7/10').waitFor();
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'مخطط الجسم' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await zone(page, 'الصدغ (يمين): 7/10').waitFor();
    await candidate(page, 'upper_trapezius', 'right').locator('.candidate__name').getByText('شبه المنحرفة', { exact: false }).waitFor();
    await page.getByRole('list', { name: 'النقاط الزنادية المسجلة' }).getByText('(يمين)', { exact: false }).first().waitFor();
    await page.locator('#nerve-findings').getByText('الضفيرة العضدية عند العضلات الأخمعية (يمين)').waitFor();
    expect(await page.getByTestId('save-status').textContent()).toBe('محفوظ');
    await screenshotFromTop(page, 'clinical-assessment-ar');

    // A phone: one view at a time, chosen with tabs.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'الخلف' }).click();
    expect(await page.locator('svg[data-view="front"]').isVisible()).toBe(false);
    expect(await page.locator('svg[data-view="back"]').isVisible()).toBe(true);
    await page.locator('.chart-card').screenshot({ path: 'screenshots/clinical-assessment-ar-phone.png' });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('places posture landmarks on an uploaded photo and saves the angles', async () => {
    const { context, page, errors } = await openContext();
    await signIn(page, assessmentPath);
    await zone(page, 'Temple, right: 7/10').waitFor();

    // Any PNG will do as the photo; a screenshot of a blank page is one.
    const blank = await context.newPage();
    await blank.setViewportSize({ width: 400, height: 600 });
    await blank.setContent('<body style="margin:0;background:#dfe7e6"></body>');
    const png = await blank.screenshot({ type: 'png' });
    await blank.close();

    const slot = page.locator('.photo-slot[data-view="side"]');
    await slot.getByLabel(/Upload the Side photo/).setInputFiles({ name: 'side.png', mimeType: 'image/png', buffer: png });
    const photo = slot.locator('.landmarks__image svg');
    await photo.waitFor();
    await slot.getByText('Click the tragus (in front of the ear canal)').waitFor();
    const box = await photo.boundingBox();
    if (!box) throw new Error('The photo is not on screen');
    // 400 × 600 image: tragus 100 px up and 100 px forward of C7 gives a 45° craniovertebral angle.
    const at = (x: number, y: number) => ({ position: { x: (x / 400) * box.width, y: (y / 600) * box.height } });
    await photo.click(at(300, 100)); // tragus
    await photo.click(at(200, 200)); // C7
    // Clicks land on whole pixels of a scaled image, so allow a degree or two.
    await slot
      .locator('[data-angle="cva"]')
      .getByText(/4[3-7]\.\d°/)
      .waitFor();
    expect(await slot.locator('[data-angle="cva"]').textContent()).toContain('forward head');
    const saveLandmarks = slot.getByRole('button', { name: 'Save landmarks' });
    await saveLandmarks.click();
    await expect.poll(() => saveLandmarks.isDisabled()).toBe(true);

    const saved = (await (await page.request.get(`${server.baseUrl}/api${assessmentPath}`)).json()) as AssessmentOut;
    const side = saved.photos.find((p) => p.view === 'side');
    expect(Math.abs((side?.angles.craniovertebralAngle ?? 0) - 45)).toBeLessThan(2);
    expect(Object.keys(side?.landmarks ?? {}).sort()).toEqual(['c7', 'tragus']);
    await screenshotFromTop(page, 'clinical-posture-photo-en');

    await page.reload();
    await page
      .locator('.photo-slot[data-view="side"] [data-angle="cva"]')
      .getByText(/4[3-7]\.\d°/)
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
