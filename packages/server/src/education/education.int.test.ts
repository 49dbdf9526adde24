import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSentMessages } from '../test-support/read-outbox.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { syncArticles } from './sync-articles.ts';

type Headers = Awaited<ReturnType<typeof signIn>>;

const fixtures = fileURLToPath(new URL('./test-fixtures/', import.meta.url));

/** Issue 15: the education library (files → versions → review → publish → public pages) and questions in public. */
describe.each(databaseTargets)('education library on %s', (target) => {
  let t: TestApp;
  let dir: string;
  let therapist: Headers;
  let physician: Headers;
  let reception: Headers;

  const get = (url: string, headers?: Headers) => t.app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });
  const post = (url: string, headers: Headers, payload: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url, headers, payload });
  const ask = (payload: Record<string, unknown>, remoteAddress = '198.51.100.1') =>
    t.app.inject({ method: 'POST', url: '/api/articles/test-soreness/questions', payload, remoteAddress });
  const jsonLd = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string) as Record<string, unknown>);

  beforeAll(async () => {
    t = await createTestApp(target, { webDist: join(fixtures, 'web') });
    dir = mkdtempSync(join(tmpdir(), 'myomap-articles-'));
    cpSync(join(fixtures, 'articles'), dir, { recursive: true });
    await signInAll();
  });
  async function signInAll() {
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
    reception = await signIn(t.app, 'reception@demo.myomap.app');
  }
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every file into a published version once, and a changed file into a new version, keeping the old', async () => {
    const first = await syncArticles(t.ctx.db, dir, t.clock.now());
    expect(first.errors).toEqual([]);
    expect(first.created.sort()).toEqual(['test-faq.ar@1', 'test-faq.en@1', 'test-soreness.ar@1', 'test-soreness.en@1']);
    expect((await syncArticles(t.ctx.db, dir, t.clock.now())).created).toEqual([]);

    const file = join(dir, 'test-soreness.en.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('usually eases', 'often eases'));
    t.clock.advance(60_000);
    expect((await syncArticles(t.ctx.db, dir, t.clock.now())).created).toEqual(['test-soreness.en@2']);
    const versions = (await get('/api/staff/articles/test-soreness/en/versions', therapist)).json<{ version: number; status: string }[]>();
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    expect((await get('/learn/test-soreness')).body).toContain('often eases');
  });

  it('checks the files again when one is gone, though every other is unchanged', async () => {
    const file = join(dir, 'test-faq.ar.md');
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    const result = await syncArticles(t.ctx.db, dir, t.clock.now());
    expect(result.created).toEqual([]);
    expect(result.errors.join(' ')).toContain('test-faq');
    writeFileSync(file, text);
    expect(await syncArticles(t.ctx.db, dir, t.clock.now())).toEqual({ created: [], errors: [] });
  });

  it('skips a file that breaks the article format and names it', async () => {
    writeFileSync(join(dir, 'broken.en.md'), '---\nslug: broken\n---\nno front matter to speak of');
    const result = await syncArticles(t.ctx.db, dir, t.clock.now());
    expect(result.created).toEqual([]);
    expect(result.errors.join(' ')).toContain('broken.en.md');
    rmSync(join(dir, 'broken.en.md'));
  });

  it('syncs only what the content validator accepts: a future review date, a claim or a link to no article keeps the old version', async () => {
    const file = join(dir, 'test-soreness.en.md');
    const good = readFileSync(file, 'utf8');
    const refused = [
      good.replace('reviewed: 2026-11-30', 'reviewed: 2099-01-01'),
      good.replace('## After a session', '## After a session\n\nNMT cures muscle pain for good.'),
      good.replace('## After a session', '## After a session\n\nSee [the guide](/learn/no-such-article).'),
    ];
    for (const text of refused) {
      writeFileSync(file, text);
      const result = await syncArticles(t.ctx.db, dir, t.clock.now());
      expect(result.created).toEqual([]);
      expect(result.errors.join(' ')).toContain('test-soreness.en.md');
    }
    writeFileSync(file, good);
    expect((await syncArticles(t.ctx.db, dir, t.clock.now())).errors).toEqual([]);
  });

  it('never changes or deletes a published version (the database refuses)', async () => {
    await expect(t.ctx.db.query(`update article_versions set body = 'changed' where slug = 'test-soreness' and version = 1 and lang = 'en'`)).rejects.toThrow(
      /published article version cannot change/,
    );
    await expect(t.ctx.db.query(`delete from article_versions where slug = 'test-soreness'`)).rejects.toThrow(/kept/);
  });

  it('takes a staff edit through review: draft, submit, a physician approves, publish', async () => {
    expect((await get('/api/staff/articles', reception)).statusCode).toBe(403);
    const list = (await get('/api/staff/articles', therapist)).json<{ slug: string; lang: string }[]>();
    expect(list.map((a) => `${a.slug}.${a.lang}`)).toEqual(['test-soreness.ar', 'test-soreness.en', 'test-faq.ar', 'test-faq.en']);

    const draft = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/articles/test-soreness/en/draft',
      headers: therapist,
      payload: { title: 'Soreness after a session', description: 'What to expect after a session.', body: '## After\n\nStaff-edited text.' },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ version: 3, status: 'draft', origin: 'staff', createdBy: 'Amira Saleh' });
    expect((await post('/api/staff/articles/test-soreness/en/approve', physician)).json().error.code).toBe('illegal_transition');
    expect((await post('/api/staff/articles/test-soreness/en/submit', therapist)).json()).toMatchObject({ status: 'in_review' });
    // A therapist drafts but does not approve clinical content, nor publish.
    expect((await post('/api/staff/articles/test-soreness/en/approve', therapist)).statusCode).toBe(403);
    // The next morning in Sharjah: the review is dated the clinic's day (staff sessions do not last overnight).
    t.clock.advance(86_400_000);
    await signInAll();
    const approved = (await post('/api/staff/articles/test-soreness/en/approve', physician)).json();
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Dr. Yousef Rahman', meta: { reviewer: 'Dr. Yousef Rahman', reviewed: '2026-12-01' } });
    expect((await get('/learn/test-soreness')).body).not.toContain('Staff-edited text');
    expect((await post('/api/staff/articles/test-soreness/en/publish', therapist)).statusCode).toBe(403);
    expect((await post('/api/staff/articles/test-soreness/en/publish', physician)).json()).toMatchObject({ status: 'published', version: 3 });
    expect((await post('/api/staff/articles/test-soreness/en/publish', physician)).json().error.code).toBe('illegal_transition');

    const page = (await get('/learn/test-soreness')).body;
    expect(page).toContain('Staff-edited text');
    expect(page).toContain('<time datetime="2026-12-01">');
    const versions = (await get('/api/staff/articles/test-soreness/en/versions', therapist)).json<{ version: number }[]>();
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const audit = await t.ctx.db.query<{ action: string }>(
      `select action from audit_log where entity_type = 'article' and action like 'article.%' and action <> 'article.sync' order by at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['article.draft', 'article.submit', 'article.approve', 'article.publish']);
  });

  it('previews Markdown as the page renders it, with raw HTML shown as text', async () => {
    const preview = await post('/api/staff/articles/preview', therapist, { body: '## Hi\n\n<script>alert(1)</script> [x](javascript:alert(1))' });
    expect(preview.json().html).toContain('<h2>Hi</h2>');
    expect(preview.json().html).not.toContain('<script>');
    expect(preview.json().html).not.toContain('href="javascript:');
  });

  it('renders the library, an article, the FAQ and the team as HTML in English and Arabic, with head, JSON-LD and booking', async () => {
    const en = await get('/learn/test-soreness');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('<link rel="canonical" href="http://myomap.test/learn/test-soreness">');
    expect(en.body).toContain('hreflang="ar" href="http://myomap.test/learn/test-soreness?lang=ar"');
    expect(en.body).toContain('hreflang="x-default"');
    expect(en.body).not.toContain('/assets/index.js');
    expect(en.body).toContain('href="/book?service=svc-nmt-initial"');
    expect(en.body).toContain('<details><summary>');
    const [page] = jsonLd(en.body);
    expect(page).toMatchObject({ '@type': 'MedicalWebPage', lastReviewed: '2026-12-01', reviewedBy: { name: 'Dr. Yousef Rahman' } });

    const ar = await get('/learn/test-soreness?lang=ar');
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('مقال تجريبي عن الألم بعد الجلسة');
    expect(ar.body).toContain('آخر مراجعة');
    expect(ar.headers['set-cookie']).toContain('myomap_lang=ar');

    const faq = await get('/learn/test-faq');
    expect(jsonLd(faq.body).map((item) => item['@type'])).toEqual(['MedicalWebPage', 'FAQPage']);
    expect(jsonLd(faq.body)[1]).toMatchObject({
      mainEntity: [{ '@type': 'Question', name: 'How long does soreness last?', acceptedAnswer: { text: 'Usually a day or two.' } }],
    });
    await t.ctx.db.query(`update services set bookable_online = false where id = 'svc-physician-review'`);
    expect((await get('/learn/test-faq')).body).toMatch(/please call reception on[^<]*<a class="edu-button" href="tel:/);

    const library = (await get('/learn?lang=ar')).body;
    expect(library).toContain('href="/learn/test-soreness?lang=ar"');
    const team = (await get('/team')).body;
    expect(team).toContain('MBBS; specialist in physical medicine and rehabilitation');
    expect(team).toContain('English, Arabic, French');
    // An unknown article, or one not published in the language asked for, is a 404 page in the reader's language.
    const missing = await get('/learn/no-such-article');
    expect([missing.statusCode, missing.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(missing.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(missing.body).toContain('<h1>Page not found</h1>');
    expect(missing.body).toContain('<a class="edu-button" href="/learn">See all articles in the library</a>');
    expect(missing.body).toContain('<meta name="robots" content="noindex">');
    expect(missing.body).not.toContain('rel="canonical"');
    const missingAr = await get('/learn/no-such-article?lang=ar');
    expect(missingAr.statusCode).toBe(404);
    expect(missingAr.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(missingAr.body).toContain('href="/learn?lang=ar">تصفّح جميع مقالات المكتبة</a>');
    const fromCookie = await t.app.inject({ method: 'GET', url: '/learn/Not_A_Slug', cookies: { myomap_lang: 'ar' } });
    expect([fromCookie.statusCode, fromCookie.body.includes('الصفحة غير موجودة')]).toEqual([404, true]);
    // Any deeper path under /learn is the same HTML 404 in the reader's language, never the API's JSON.
    for (const [url, cookies, heading] of [
      ['/learn/a/b', {}, 'Page not found'],
      ['/learn/test-soreness/extra?lang=ar', {}, 'الصفحة غير موجودة'],
      ['/learn/a/b/c', { myomap_lang: 'ar' }, 'الصفحة غير موجودة'],
    ] as const) {
      const deep = await t.app.inject({ method: 'GET', url, cookies });
      expect([url, deep.statusCode, deep.headers['content-type']]).toEqual([url, 404, 'text/html; charset=utf-8']);
      expect(deep.body).toContain(`<h1>${heading}</h1>`);
      expect(deep.body).toContain('<meta name="robots" content="noindex">');
    }
    const sitemap = (await get('/sitemap.xml')).body;
    for (const path of ['/learn', '/learn/test-soreness', '/learn/test-faq', '/team']) expect(sitemap).toContain(`<loc>http://myomap.test${path}</loc>`);
  });

  it('holds a question until it is moderated; a flagged one is not published without an override', async () => {
    const form = await t.app.inject({
      method: 'POST',
      url: '/learn/test-soreness/questions',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lang=en&name=Layla&email=layla%40example.org&question=Should+I+drink+water+after+a+session%3F&consent=yes&website=',
    });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/learn/test-soreness?asked=1#questions');
    expect((await get('/learn/test-soreness?asked=1')).body).toContain('held for moderation');
    expect((await get('/learn/test-soreness')).body).not.toContain('drink water after a session');

    expect((await ask({ email: 'x@example.org', question: 'No consent?' })).statusCode).toBe(400);
    expect((await ask({ email: 'bot@example.org', question: 'Buy now', consent: true, website: 'https://spam.example' })).statusCode).toBe(201);
    expect((await ask({ email: 'nour@example.org', question: 'I have pain in my shoulder and take 400 mg ibuprofen', consent: true })).statusCode).toBe(201);

    expect((await get('/api/staff/questions', reception)).statusCode).toBe(403);
    const queue = (await get('/api/staff/questions', therapist))
      .json<{ id: string; email: string; flags: string[] }[]>()
      .sort((a, b) => a.email.localeCompare(b.email));
    expect(queue.map((q) => [q.email, q.flags])).toEqual([
      ['layla@example.org', []],
      ['nour@example.org', ['medication', 'own_symptom']],
    ]);
    const [general, personal] = queue as unknown as [{ id: string }, { id: string }];

    const refused = await post(`/api/staff/questions/${personal.id}/moderate`, therapist, { decision: 'publish', answer: 'Please call us.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('personal_health_details');
    expect((await get('/api/staff/questions', therapist)).json()).toHaveLength(2);
    expect(
      (await post(`/api/staff/questions/${personal.id}/moderate`, therapist, { decision: 'private', answer: 'We will call you to talk it through.' })).json(),
    ).toMatchObject({
      status: 'private',
    });

    expect((await post(`/api/staff/questions/${general.id}/moderate`, therapist, { decision: 'publish' })).statusCode).toBe(400);
    expect(
      (await post(`/api/staff/questions/${general.id}/moderate`, therapist, { decision: 'publish', answer: 'Yes, if you are thirsty.' })).json(),
    ).toMatchObject({
      status: 'published',
    });
    expect((await post(`/api/staff/questions/${general.id}/moderate`, therapist, { decision: 'reject' })).json().error.code).toBe('illegal_transition');

    const page = (await get('/learn/test-soreness')).body;
    expect(page).toContain('Should I drink water after a session?');
    expect(page).toContain('Yes, if you are thirsty.');
    expect(page).not.toContain('ibuprofen');
    expect(page).not.toContain('layla@example.org');
    expect((await get('/learn/test-soreness?lang=ar')).body).not.toContain('Should I drink water');

    const mail = await readSentMessages(t.ctx, 'article_question_answer');
    expect(mail.map((m) => m.recipient).sort()).toEqual(['layla@example.org', 'nour@example.org']);
    expect(mail.find((m) => m.recipient === 'layla@example.org')?.body).toContain('http://myomap.test/learn/test-soreness');
    expect(mail.find((m) => m.recipient === 'nour@example.org')?.body).not.toContain('/learn/');
    const stored = await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from article_questions where email = 'bot@example.org'`);
    expect(stored[0]?.n).toBe(0);
  });

  it('publishes a flagged question only with an explicit override', async () => {
    await ask({ email: 'sam@example.org', question: 'My son is 12 and has leg cramps, can he come?', consent: true }, '198.51.100.7');
    const [flagged] = (await get('/api/staff/questions', physician)).json<{ id: string; flags: string[] }[]>();
    expect(flagged?.flags).toEqual(['age', 'own_symptom']);
    const published = await post(`/api/staff/questions/${flagged?.id}/moderate`, physician, {
      decision: 'publish',
      answer: 'Children are seen with a parent.',
      overrideFlags: true,
    });
    expect(published.json()).toMatchObject({ status: 'published' });
  });

  it('lets an administrator, and nobody else, set a practitioner’s public profile', async () => {
    const admin = await signIn(t.app, 'admin@demo.myomap.app');
    const profile = { qualifications: { en: 'MSc Manual Therapy', ar: 'ماجستير العلاج اليدوي' }, languages: ['ar', 'en', 'ur'] };
    const put = (headers: Headers, id = 'prac-omar') =>
      t.app.inject({ method: 'PUT', url: `/api/staff/practitioners/${id}/profile`, headers, payload: profile });
    expect((await put(therapist)).statusCode).toBe(403);
    expect((await put(admin, 'nobody')).statusCode).toBe(404);
    expect((await put(admin)).json()).toEqual({ id: 'prac-omar', ...profile });
    expect((await get('/api/staff/practitioners/prac-omar/profile', therapist)).statusCode).toBe(403);
    expect((await get('/api/staff/practitioners/nobody/profile', admin)).statusCode).toBe(404);
    expect((await get('/api/staff/practitioners/prac-omar/profile', admin)).json()).toEqual({ id: 'prac-omar', ...profile });
    const team = (await get('/team?lang=ar')).body;
    expect(team).toContain('ماجستير العلاج اليدوي');
    expect(team).toContain('العربية، الإنجليزية، الأردية');
  });

  it('limits questions per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await ask({ email: 'r@example.org', question: `Question ${i}?`, consent: true }, '203.0.113.50')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await ask({ email: 'r@example.org', question: 'From elsewhere?', consent: true }, '203.0.113.51')).statusCode).toBe(201);
  });

  it('answers a browser form post that is refused with a page (429, 404), and a JSON client with the JSON error', async () => {
    const form = (lang: 'en' | 'ar', slug = 'test-soreness') =>
      t.app.inject({
        method: 'POST',
        url: `/learn/${slug}/questions${lang === 'ar' ? '?lang=ar' : ''}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `lang=${lang}&email=f%40example.org&question=A+general+question%3F&consent=yes`,
        remoteAddress: '203.0.113.60',
      });
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await form('en')).statusCode);
    expect(codes).toEqual([303, 303, 303, 303, 303]);
    const limited = await form('en');
    expect([limited.statusCode, limited.headers['content-type']]).toEqual([429, 'text/html; charset=utf-8']);
    expect(limited.body).toContain('<h1>Too many questions for now</h1>');
    expect(limited.body).toContain('href="/learn">Back to the library</a>');
    const limitedAr = await form('ar');
    expect(limitedAr.statusCode).toBe(429);
    expect(limitedAr.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(limitedAr.body).toContain('<h1>عدد كبير من الأسئلة حاليًا</h1>');
    // The same limit for a JSON client is the API's error body.
    const json = await t.app.inject({
      method: 'POST',
      url: '/learn/test-soreness/questions',
      headers: { 'content-type': 'application/json' },
      payload: { email: 'f@example.org', question: 'JSON?', consent: true },
      remoteAddress: '203.0.113.60',
    });
    expect([json.statusCode, json.json().error.code]).toEqual([429, 'rate_limited']);

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/learn/no-such-article/questions?lang=ar',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lang=ar&email=f%40example.org&question=%D8%B3%D8%A4%D8%A7%D9%84%D8%9F&consent=yes',
      remoteAddress: '203.0.113.61',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('الصفحة غير موجودة');
  });

  // Last: it takes test-soreness (en) off the public pages.
  it('withdraws the published version: readers see the previous one at once, then none; the versions are kept and audited', async () => {
    const withdraw = (headers: Headers, payload: Record<string, unknown> = { reason: 'The dose advice changed.' }) =>
      post('/api/staff/articles/test-soreness/en/withdraw', headers, payload);
    // Whoever may publish may withdraw; a therapist, who drafts, may not. A reason is required.
    expect((await withdraw(therapist)).statusCode).toBe(403);
    expect((await withdraw(physician, { reason: '  ' })).statusCode).toBe(400);
    expect((await get('/learn/test-soreness')).body).toContain('Staff-edited text');

    const first = await withdraw(physician);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      withdrawn: { version: 3, status: 'withdrawn', withdrawnBy: 'Dr. Yousef Rahman', withdrawnAt: t.clock.now().toISOString() },
      published: { version: 2, status: 'published', withdrawnBy: null, withdrawnAt: null },
    });
    const page = (await get('/learn/test-soreness')).body;
    expect(page).not.toContain('Staff-edited text');
    expect(page).toContain('often eases');
    // The Arabic article is its own version line and stays.
    expect((await get('/learn/test-soreness?lang=ar')).statusCode).toBe(200);

    expect((await withdraw(physician)).json()).toMatchObject({ withdrawn: { version: 2 }, published: { version: 1 } });
    expect((await withdraw(physician)).json()).toMatchObject({ withdrawn: { version: 1 }, published: null });
    expect((await get('/learn/test-soreness?lang=en')).statusCode).toBe(404);
    expect((await get('/learn?lang=en')).body).not.toContain('/learn/test-soreness"');
    expect((await withdraw(physician)).json().error.code).toBe('illegal_transition');
    // Staff still find the article and every version, word for word.
    const list = (await get('/api/staff/articles', therapist)).json<{ slug: string; lang: string; published: unknown }[]>();
    expect(list.find((a) => a.slug === 'test-soreness' && a.lang === 'en')).toMatchObject({ published: null });
    const versions = (await get('/api/staff/articles/test-soreness/en/versions', therapist)).json<{ version: number; status: string }[]>();
    expect(versions.map((v) => `${v.version}:${v.status}`)).toEqual(['3:withdrawn', '2:withdrawn', '1:withdrawn']);
    expect((await get('/api/staff/articles/test-soreness/en/versions/3', therapist)).json().body).toContain('Staff-edited text');

    const audit = await t.ctx.db.query<{ after: { version: number; reason: string; readersSee: number | null } }>(
      `select after from audit_log where action = 'article.withdraw' and entity_id = 'test-soreness.en' order by at, id`,
    );
    expect(audit.map((a) => [a.after.version, a.after.readersSee, a.after.reason])).toEqual([
      [3, 2, 'The dose advice changed.'],
      [2, 1, 'The dose advice changed.'],
      [1, null, 'The dose advice changed.'],
    ]);
    // The database keeps a withdrawal final, and only a published version can be withdrawn.
    await expect(
      t.ctx.db.query(`update article_versions set status = 'published', withdrawn_at = null where slug = 'test-soreness' and lang = 'en' and version = 1`),
    ).rejects.toThrow(/stays withdrawn/);
    // An unchanged file is not copied back in at the next start; a changed one publishes again.
    expect((await syncArticles(t.ctx.db, dir, t.clock.now())).created).toEqual([]);
    const file = join(dir, 'test-soreness.en.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('often eases', 'mostly eases'));
    expect((await syncArticles(t.ctx.db, dir, t.clock.now())).created).toEqual(['test-soreness.en@4']);
    expect((await get('/learn/test-soreness?lang=en')).body).toContain('mostly eases');
  });
});
