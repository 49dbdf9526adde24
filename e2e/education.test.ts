import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Issue 15's education library in the browser: a reader opens the library, reads an article and books
// the service it names (English, desktop); reads the trigger-point article with its body map in Arabic
// on a phone and asks a question; a physician moderates it in the staff screens; the answer appears
// under the article. The articles are the real files in knowledge-base/articles, synced at start.

const NOW = '2026-11-30T05:00:00Z';
const PASSWORD = 'myomap-demo';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: NOW }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage(name: string, viewport: typeof DESKTOP, run: (page: Page) => Promise<void>, lang?: 'en' | 'ar'): Promise<void> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Asia/Dubai', hasTouch: viewport.width < 500 });
  // The staff app's language, in the cookie the app keeps it in (the server serves each page in it; public pages also take ?lang=).
  if (lang) await context.addCookies([{ name: 'myomap_lang', value: lang, domain: '127.0.0.1', path: '/' }]);
  await context.clock.install({ time: NOW });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await run(page);
    expect(errors).toEqual([]);
  } catch (error) {
    await screenshot(page, `education-failure-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

describe('education library', () => {
  it('reads an article from the library and books the service it names (English, desktop)', async () => {
    await withPage('read-en', DESKTOP, async (page) => {
      await page.goto(`${server.baseUrl}/learn`);
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      await page.getByRole('link', { name: 'What neuromuscular therapy is, and what it is not' }).click();
      await page.waitForURL(/\/learn\/what-is-nmt$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('What neuromuscular therapy is, and what it is not');
      await page.getByText(/Last reviewed .* by Dr\. Yousef Rahman/).waitFor();
      await page.getByRole('heading', { name: 'Sources' }).waitFor();
      // Articles link to each other at their public addresses.
      expect(await page.locator('.edu-body a[href="/learn/see-a-doctor-first"]').count()).toBeGreaterThan(0);
      // No app script on the article: it is HTML from the server.
      expect(await page.locator('script[type="module"]').count()).toBe(0);
      await expectNoSeriousAxeViolations(page, 'article (en, desktop)');
      await screenshot(page, 'education-article-en-desktop');
      await page.getByRole('link', { name: /^Book: / }).click();
      await page.waitForURL(/\/book\?service=svc-nmt-initial/);
      await page.getByRole('heading', { level: 1 }).waitFor();
    });
  });

  it('shows the body map in Arabic on a phone, opens an area by keyboard, and takes a question', async () => {
    await withPage('ask-ar', PHONE, async (page) => {
      await page.goto(`${server.baseUrl}/learn/trigger-points-referred-pain?lang=ar`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('.edu-body a[href="/learn/see-a-doctor-first?lang=ar"]').textContent()).toBe('متى تراجع الطبيب أولًا');
      const area = page.locator('.edu-map summary').first();
      await area.focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('.edu-map details').first().getAttribute('open')).toBe('');
      await page.locator('.edu-map details').first().locator('li').first().waitFor();
      await expectNoSeriousAxeViolations(page, 'article (ar, phone)');
      await screenshot(page, 'education-article-ar-phone');

      await page.getByLabel('البريد الإلكتروني (نخبرك عند الإجابة؛ لا يُعرض أبدًا)').fill('reader@example.org');
      await page.getByLabel('سؤالك').fill('هل يمكن أن ينتقل الألم من الكتف إلى الذراع؟');
      await page.getByLabel('أوافق على نشر سؤالي، مع اسمي إن ذكرته، مع الإجابة.').check();
      await page.getByRole('button', { name: 'أرسل السؤال' }).click();
      await page.waitForURL(/asked=1/);
      expect(await page.getByRole('status').textContent()).toContain('بانتظار المراجعة');
      expect(await page.locator('.edu-qa').count()).toBe(0);
    });
  });

  it('lets a physician answer and publish the question, which then appears under the article', async () => {
    await withPage('moderate', DESKTOP, async (page) => {
      await page.goto(`${server.baseUrl}/staff/questions`);
      await page.waitForURL(/\/staff\/sign-in\?next=/);
      await page.getByLabel('Email').fill('dr.yousef@demo.myomap.app');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/staff\/questions$/);
      const card = page.locator('.edu-question').filter({ hasText: 'reader@example.org' });
      expect(await card.locator('blockquote').textContent()).toContain('هل يمكن أن ينتقل الألم من الكتف إلى الذراع؟');
      await card.getByLabel('Answer').fill('نعم، قد تحيل النقاط الزنادية في عضلات الكتف الألم إلى الذراع.');
      await screenshot(page, 'education-moderation-en-desktop');
      await card.getByRole('button', { name: 'Publish with answer' }).click();
      await page.getByText('No questions are waiting.').waitFor();

      await page.goto(`${server.baseUrl}/learn/trigger-points-referred-pain?lang=ar`);
      const qa = await page.locator('.edu-qa').textContent();
      expect(qa).toContain('هل يمكن أن ينتقل الألم من الكتف إلى الذراع؟');
      expect(qa).toContain('نعم، قد تحيل النقاط الزنادية');
      // The English page has its own questions (the cookie from ?lang=ar would otherwise keep Arabic).
      await page.goto(`${server.baseUrl}/learn/trigger-points-referred-pain?lang=en`);
      expect(await page.locator('.edu-qa').count()).toBe(0);
    });
  });

  it('lists the library in the staff screens and opens the editor with its preview and history', async () => {
    await withPage('editor', DESKTOP, async (page) => {
      await page.goto(`${server.baseUrl}/staff/library`);
      await page.waitForURL(/\/staff\/sign-in\?next=/);
      await page.getByLabel('Email').fill('amira@demo.myomap.app');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/staff\/library$/);
      await page.getByRole('link', { name: 'What neuromuscular therapy is, and what it is not' }).click();
      await page.waitForURL(/\/staff\/library\/what-is-nmt\/en$/);
      await page.locator('.edu-preview h2').first().waitFor();
      await page.getByRole('heading', { name: 'Version history' }).waitFor();
      await page.getByRole('button', { name: 'Show v1' }).click();
      await page
        .getByRole('region', { name: 'Version 1 as published or saved' })
        .getByRole('heading', { name: 'What neuromuscular therapy is, and what it is not' })
        .waitFor();
      await screenshot(page, 'education-editor-en-desktop');
    });
  });

  const LAYOUTS = [
    { lang: 'en', viewport: DESKTOP, size: 'desktop' },
    { lang: 'en', viewport: PHONE, size: 'phone' },
    { lang: 'ar', viewport: DESKTOP, size: 'desktop' },
    { lang: 'ar', viewport: PHONE, size: 'phone' },
  ] as const;

  it('draws the body map as a figure whose areas open their list entry, with muscles and sources, in both languages and sizes', async () => {
    for (const { lang, viewport, size } of LAYOUTS) {
      await withPage(`body-map-${lang}-${size}`, viewport, async (page) => {
        const ar = lang === 'ar';
        await page.goto(`${server.baseUrl}/learn/trigger-points-referred-pain${ar ? '?lang=ar' : '?lang=en'}`);
        const map = page.locator('.edu-map');
        // Two views, each a labelled group of links, one per area; left and right are the patient's.
        expect(
          await map
            .getByRole('group', { name: ar ? 'من الأمام' : 'Front' })
            .getByRole('link')
            .count(),
        ).toBeGreaterThan(20);
        expect(
          await map
            .getByRole('group', { name: ar ? 'من الخلف' : 'Back' })
            .getByRole('link')
            .count(),
        ).toBeGreaterThan(10);
        expect(await map.locator('figcaption').textContent()).toContain(ar ? 'يمين المريض' : 'patient’s right');
        // Choosing the temple (by keyboard) opens its list entry with the muscles that refer pain there.
        const temple = map.getByRole('link', { name: ar ? 'الصدغ' : 'Temple', exact: true });
        await temple.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/#map-temple$/);
        const entry = map.locator('details').filter({ has: page.locator('#map-temple') });
        await expect.poll(() => entry.getAttribute('open')).toBe('');
        const muscles = await entry.locator('#map-temple').textContent();
        expect(muscles).toContain(ar ? 'العضلة الصدغية' : 'Temporalis');
        expect(muscles).toContain(ar ? 'شبه المنحرفة' : 'Upper trapezius');
        // Each muscle names its sources, which the map's bibliography lists.
        const firstSource = entry.locator('#map-temple a[href^="#map-source-"]').first();
        const target = (await firstSource.getAttribute('href')) ?? '';
        expect(await map.locator(target).textContent()).toMatch(/Travell|Simons|Donnelly|Chaitow/);
        await expectNoSeriousAxeViolations(page, `body map (${lang}, ${size})`);
        await page.locator('#body-map-figure').scrollIntoViewIfNeeded();
        await screenshot(page, `education-body-map-${lang}-${size}`);
      });
    }
  });

  it("answers an unknown article with a 404 page in the reader's language that leads back to the library", async () => {
    for (const { lang, viewport, size } of LAYOUTS) {
      await withPage(`not-found-${lang}-${size}`, viewport, async (page) => {
        const response = await page.goto(`${server.baseUrl}/learn/no-such-article${lang === 'ar' ? '?lang=ar' : ''}`);
        expect(response?.status()).toBe(404);
        expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(lang === 'ar' ? 'الصفحة غير موجودة' : 'Page not found');
        await expectNoSeriousAxeViolations(page, `404 (${lang}, ${size})`);
        await screenshot(page, `education-404-${lang}-${size}`);
        // A deeper unknown address under /learn is the same page, not the API's JSON.
        const deep = await page.goto(`${server.baseUrl}/learn/a/b${lang === 'ar' ? '?lang=ar' : ''}`);
        expect([deep?.status(), deep?.headers()['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(lang === 'ar' ? 'الصفحة غير موجودة' : 'Page not found');
        await page.getByRole('link', { name: lang === 'ar' ? 'تصفّح جميع مقالات المكتبة' : 'See all articles in the library' }).click();
        await page.waitForURL(lang === 'ar' ? /\/learn\?lang=ar$/ : /\/learn$/);
        await page.getByRole('heading', { level: 1, name: lang === 'ar' ? 'تعرّف على العلاج العصبي العضلي' : 'Learn about neuromuscular therapy' }).waitFor();
      });
    }
  });

  it("lets the administrator edit a practitioner's public profile, which the team page then shows", async () => {
    for (const { lang, viewport, size } of LAYOUTS) {
      await withPage(
        `profile-${lang}-${size}`,
        viewport,
        async (page) => {
          const ar = lang === 'ar';
          await page.goto(`${server.baseUrl}/staff/admin/practitioners`);
          await page.waitForURL(/\/staff\/sign-in\?next=/);
          await page.getByLabel(ar ? 'البريد الإلكتروني' : 'Email').fill('admin@demo.myomap.app');
          await page.getByLabel(ar ? 'كلمة المرور' : 'Password').fill(PASSWORD);
          await page.getByRole('button', { name: ar ? 'تسجيل الدخول' : 'Sign in', exact: true }).click();
          await page.waitForURL(/\/staff\/admin\/practitioners$/);
          await page.getByRole('button', { name: ar ? /عمر خليل/ : /Omar Khalil/ }).click();
          const qualifications = page.getByLabel(ar ? 'المؤهلات (بالعربية)' : 'Qualifications (English)');
          await expect.poll(() => qualifications.inputValue()).not.toBe('');
          const text = ar ? `بكالوريوس علوم الرياضة؛ شهادة في التدليك الرياضي (${size})` : `BSc Sports Science; sports massage certificate (${size})`;
          await qualifications.fill(text);
          const hindi = page.getByLabel(ar ? 'الهندية' : 'Hindi', { exact: true });
          if (!(await hindi.isChecked())) await hindi.check();
          await expectNoSeriousAxeViolations(page, `profile (${lang}, ${size})`);
          await screenshot(page, `education-profile-${lang}-${size}`);
          await page.getByRole('button', { name: ar ? 'احفظ الملف' : 'Save profile' }).click();
          await page.getByText(ar ? 'تم حفظ الملف' : 'Profile saved').waitFor();

          await page.goto(`${server.baseUrl}/team${ar ? '?lang=ar' : '?lang=en'}`);
          const card = page.locator('.edu-card').filter({ hasText: ar ? 'عمر خليل' : 'Omar Khalil' });
          expect(await card.textContent()).toContain(text);
          expect(await card.textContent()).toContain(ar ? 'الهندية' : 'Hindi');
        },
        lang,
      );
    }
  });

  // Last: it takes the first-visit article off the public site in both languages.
  it('lets a physician withdraw the published version, and the public page goes at once (English desktop, Arabic phone)', async () => {
    for (const { lang, viewport, size } of [LAYOUTS[0], LAYOUTS[3]]) {
      await withPage(
        `withdraw-${lang}-${size}`,
        viewport,
        async (page) => {
          const ar = lang === 'ar';
          const publicPage = `${server.baseUrl}/learn/first-visit?lang=${lang}`;
          expect((await page.goto(publicPage))?.status()).toBe(200);
          await page.goto(`${server.baseUrl}/staff/library/first-visit/${lang}`);
          await page.waitForURL(/\/staff\/sign-in\?next=/);
          await page.getByLabel(ar ? 'البريد الإلكتروني' : 'Email').fill('dr.yousef@demo.myomap.app');
          await page.getByLabel(ar ? 'كلمة المرور' : 'Password').fill(PASSWORD);
          await page.getByRole('button', { name: ar ? 'تسجيل الدخول' : 'Sign in', exact: true }).click();
          await page.waitForURL(new RegExp(`/staff/library/first-visit/${lang}$`));
          const panel = page.getByRole('region', { name: ar ? 'السحب من الموقع العام' : 'Withdraw from the public site' });
          await panel
            .getByLabel(ar ? 'السبب (يُحفظ في سجل التدقيق)' : 'Why (kept in the audit log)')
            .fill(ar ? 'نصيحة الملابس تغيّرت.' : 'The advice on clothing changed.');
          await expectNoSeriousAxeViolations(page, `withdraw (${lang}, ${size})`);
          await panel.screenshot({ path: `screenshots/education-withdraw-${lang}-${size}.png` });
          await panel.getByRole('button', { name: ar ? 'اسحب النسخة 1' : 'Withdraw version 1' }).click();
          await panel
            .getByText(ar ? 'سُحبت النسخة 1. لم يعد المقال على الموقع العام.' : 'Version 1 is withdrawn. The article is no longer on the public site.')
            .waitFor();
          // The history says who withdrew it, and when.
          await page
            .getByRole('cell', { name: ar ? 'مسحوب' : 'Withdrawn' })
            .getByText(/Dr\. Yousef Rahman/)
            .waitFor();
          await page
            .locator('table')
            .first()
            .screenshot({ path: `screenshots/education-withdrawn-history-${lang}-${size}.png` });
          // The public page is gone at once, and the library no longer lists it.
          expect((await page.goto(publicPage))?.status()).toBe(404);
          await page.goto(`${server.baseUrl}/learn?lang=${lang}`);
          expect(await page.locator('a[href^="/learn/first-visit"]').count()).toBe(0);
        },
        lang,
      );
    }
  });
});
