import { describe, expect, it } from 'vitest';
import type { ArticleIssueCode } from './article-schemas.ts';
import { extractFaqEntries, parseArticle } from './parse-article.ts';
import { validateArticles } from './validate-articles.ts';

// Fixtures: a valid pair of files, and bad variants made from it one fault at a time.
const TODAY = '2026-12-03';

function frontMatter(fields: Record<string, string>): string {
  const base: Record<string, string> = {
    slug: 'what-is-nmt',
    lang: 'en',
    title: 'What neuromuscular therapy is',
    description: 'A short guide.',
    reviewed: '2026-11-30',
    reviewer: 'Dr. Yousef Rahman',
    reviewerRole: 'Supervising physician',
    service: 'svc-nmt-initial',
    kind: 'article',
    order: '1',
    sources: '\n  - title: "The Trigger Point Manual"\n    authors: Simons DG, Travell JG, Simons LS\n    year: 1999',
  };
  const merged = { ...base, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== '<omit>')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

const EN_BODY = '## In short\n\nNMT is hands-on therapy for muscle pain. It does not cure disease.\n';
const AR_BODY = '## باختصار\n\nالعلاج العصبي العضلي علاج يدوي لآلام العضلات، ولا يشفي الأمراض.\n';
const en = (fields: Record<string, string> = {}, body = EN_BODY) => ({ file: `${fields.slug ?? 'what-is-nmt'}.en.md`, text: frontMatter(fields) + body });
const ar = (fields: Record<string, string> = {}, body = AR_BODY) => ({
  file: `${fields.slug ?? 'what-is-nmt'}.ar.md`,
  text:
    frontMatter({
      lang: 'ar',
      title: 'ما هو العلاج العصبي العضلي',
      description: 'دليل قصير.',
      reviewer: 'د. يوسف رحمن',
      reviewerRole: 'الطبيب المشرف',
      ...fields,
    }) + body,
});

const codes = (files: { file: string; text: string }[]): [string, ArticleIssueCode, string | undefined][] =>
  validateArticles(files, TODAY).issues.map((issue) => [issue.file, issue.code, issue.field]);

describe('validateArticles', () => {
  it('accepts a valid pair and returns both parsed articles', () => {
    const report = validateArticles([en(), ar()], TODAY);
    expect(report.issues).toEqual([]);
    expect(report.articles.map((article) => [article.file, article.lang, article.service, article.order])).toEqual([
      ['what-is-nmt.ar.md', 'ar', 'svc-nmt-initial', 1],
      ['what-is-nmt.en.md', 'en', 'svc-nmt-initial', 1],
    ]);
    expect(report.articles[1]?.sources[0]?.year).toBe(1999);
    expect(report.articles[1]?.body.startsWith('## In short')).toBe(true);
  });

  it('names the file and field of a schema error', () => {
    expect(codes([en({ order: 'first' }), ar()])).toEqual([['what-is-nmt.en.md', 'schema', 'order']]);
    expect(codes([en({ service: 'svc-spa-day' }), ar()])).toContainEqual(['what-is-nmt.en.md', 'schema', 'service']);
    expect(codes([en({ reviewer: '<omit>' }), ar()])).toContainEqual(['what-is-nmt.en.md', 'schema', 'reviewer']);
    expect(codes([en({ kind: 'blog' }), ar()])).toContainEqual(['what-is-nmt.en.md', 'schema', 'kind']);
    expect(codes([en({ colour: 'blue' }), ar()])).toContainEqual(['what-is-nmt.en.md', 'schema', 'colour']);
  });

  it('rejects a description longer than 160 characters', () => {
    expect(codes([en({ description: 'x'.repeat(161) }), ar()])).toEqual([['what-is-nmt.en.md', 'schema', 'description']]);
    expect(codes([en({ description: 'x'.repeat(160) }), ar()])).toEqual([]);
  });

  it('requires at least one source, each with authors or a publisher', () => {
    expect(codes([en({ sources: '[]' }), ar()])).toEqual([['what-is-nmt.en.md', 'schema', 'sources']]);
    expect(codes([en({ sources: '\n  - title: A book\n    year: 2001' }), ar()])).toEqual([
      ['what-is-nmt.en.md', 'source_without_author_or_publisher', 'sources/0'],
    ]);
    expect(codes([en({ sources: '\n  - title: A page\n    publisher: NHS\n    year: 2023\n    url: http://nhs.uk' }), ar()])).toEqual([
      ['what-is-nmt.en.md', 'schema', 'sources/0/url'],
    ]);
  });

  it('rejects a file without front matter, or with broken YAML', () => {
    expect(codes([{ file: 'what-is-nmt.en.md', text: '# Hello\n' }, ar()])).toContainEqual(['what-is-nmt.en.md', 'front_matter_missing', undefined]);
    expect(codes([en({ title: 'NMT: what it is' }), ar()])).toContainEqual(['what-is-nmt.en.md', 'yaml_invalid', undefined]);
  });

  it('requires the file name to be <slug>.<lang>.md', () => {
    expect(codes([{ ...en(), file: 'nmt.en.md' }, ar()])).toContainEqual(['nmt.en.md', 'file_name_mismatch', 'slug']);
  });

  it('requires both languages for every slug', () => {
    expect(codes([en()])).toEqual([['what-is-nmt.en.md', 'translation_missing', 'lang']]);
    expect(codes([ar()])).toEqual([['what-is-nmt.ar.md', 'translation_missing', 'lang']]);
  });

  it('requires both languages to agree on service, kind, bodyMap and order', () => {
    expect(codes([en(), ar({ service: 'svc-physician-review' })])).toEqual([['what-is-nmt.ar.md', 'translation_mismatch', 'service']]);
    expect(codes([en(), ar({ service: '<omit>' })])).toEqual([['what-is-nmt.ar.md', 'translation_mismatch', 'service']]);
    expect(codes([en(), ar({ order: '2' })])).toEqual([['what-is-nmt.ar.md', 'translation_mismatch', 'order']]);
    expect(codes([en({ bodyMap: 'true' }), ar()])).toEqual([['what-is-nmt.ar.md', 'translation_mismatch', 'bodyMap']]);
    // No body map and bodyMap: false mean the same.
    expect(codes([en({ bodyMap: 'false' }), ar()])).toEqual([]);
  });

  it('rejects two files for the same slug and language, and two slugs in the same place', () => {
    expect(codes([en(), ar(), en()])).toContainEqual(['what-is-nmt.en.md', 'duplicate_article', 'slug']);
    expect(codes([en(), ar(), en({ slug: 'faq' }), ar({ slug: 'faq' })])).toContainEqual(['faq.en.md', 'duplicate_order', 'order']);
  });

  it('rejects a reviewed date after today, or one that is not a calendar date', () => {
    expect(codes([en({ reviewed: '2026-12-04' }), ar()])).toEqual([['what-is-nmt.en.md', 'reviewed_in_future', 'reviewed']]);
    expect(codes([en({ reviewed: TODAY }), ar()])).toEqual([]);
    expect(codes([en({ reviewed: '2026-02-30' }), ar()])).toEqual([['what-is-nmt.en.md', 'schema', 'reviewed']]);
    expect(codes([en({ reviewed: '30/11/2026' }), ar()])).toEqual([['what-is-nmt.en.md', 'schema', 'reviewed']]);
  });

  it('rejects forbidden claims in either language, in the body, title or description', () => {
    expect(codes([en({}, '## Why\n\nNMT cures back pain.\n'), ar()])).toEqual([['what-is-nmt.en.md', 'forbidden_claim', 'body']]);
    expect(codes([en(), ar({}, '## لماذا\n\nالنتائج مضمونة.\n')])).toEqual([['what-is-nmt.ar.md', 'forbidden_claim', 'body']]);
    expect(codes([en({ title: 'The most effective massage' }), ar()])).toEqual([['what-is-nmt.en.md', 'forbidden_claim', 'title']]);
    expect(codes([en(), ar({ description: 'جلسة لإزالة السموم.' })])).toEqual([['what-is-nmt.ar.md', 'forbidden_claim', 'description']]);
  });

  it('rejects raw HTML and a second top-level heading in the body', () => {
    expect(codes([en({}, '## A\n\n<script>alert(1)</script>\n'), ar()])).toEqual([['what-is-nmt.en.md', 'raw_html', 'body']]);
    expect(codes([en({}, '# Title again\n\nText.\n'), ar()])).toEqual([['what-is-nmt.en.md', 'top_level_heading', 'body']]);
    expect(codes([en({}, ''), ar()])).toEqual([['what-is-nmt.en.md', 'body_empty', 'body']]);
  });
});

describe('FAQ files', () => {
  const faqBody = 'Intro text.\n\n## Does it hurt?\n\nIt can be uncomfortable.\n\n## How long is a session?\n\nAbout an hour.\n- Plus intake.\n';

  it('reads every "## " heading as a question and the text under it as the answer', () => {
    expect(extractFaqEntries(faqBody)).toEqual([
      { question: 'Does it hurt?', answer: 'It can be uncomfortable.' },
      { question: 'How long is a session?', answer: 'About an hour.\n- Plus intake.' },
    ]);
    const parsed = parseArticle({ file: 'faq.en.md', text: frontMatter({ slug: 'faq', kind: 'faq' }) + faqBody });
    expect(parsed.issues).toEqual([]);
    expect(parsed.article?.faq).toHaveLength(2);
  });

  it('rejects a heading that is not a question, an empty answer, and an faq without questions', () => {
    const parse = (body: string) =>
      parseArticle({ file: 'faq.en.md', text: frontMatter({ slug: 'faq', kind: 'faq' }) + body }).issues.map((issue) => issue.code);
    expect(parse('## Session length\n\nAbout an hour.\n')).toEqual(['faq_heading_not_question']);
    expect(parse('## Does it hurt?\n\n## Is it safe?\n\nUsually.\n')).toEqual(['faq_answer_empty']);
    expect(parse('Only an introduction.\n')).toEqual(['faq_without_questions']);
    expect(parse('## هل هو مؤلم؟\n\nقد يكون مزعجًا.\n')).toEqual([]);
  });
});

describe('links between articles', () => {
  const other = (lang: 'en' | 'ar') =>
    lang === 'en'
      ? en({ slug: 'faq', kind: 'faq', order: '2' }, '## Does it hurt?\n\nIt can be uncomfortable.\n')
      : ar({ slug: 'faq', kind: 'faq', order: '2' }, '## هل هو مؤلم؟\n\nقد يكون مزعجًا.\n');

  it("accepts links to articles in the set, in the file's language", () => {
    const enBody = `${EN_BODY}\nSee [the FAQ](/learn/faq) and [its first answer](/learn/faq#does-it-hurt).\n`;
    const arBody = `${AR_BODY}\nانظر [الأسئلة الشائعة](/learn/faq?lang=ar).\n`;
    expect(codes([en({}, enBody), ar({}, arBody), other('en'), other('ar')])).toEqual([]);
  });

  it('rejects a link to a slug that is not in the set', () => {
    const enBody = `${EN_BODY}\nSee [the doctor page](/learn/see-a-doctor).\n`;
    const arBody = `${AR_BODY}\nانظر [صفحة](/learn/no-such-page?lang=ar).\n`;
    expect(codes([en({}, enBody), ar({}, arBody), other('en'), other('ar')])).toEqual([
      ['what-is-nmt.en.md', 'link_unknown_article', 'body'],
      ['what-is-nmt.ar.md', 'link_unknown_article', 'body'],
    ]);
  });

  it('rejects an Arabic link to the English page and an English link to the Arabic one', () => {
    const enBody = `${EN_BODY}\nSee [the FAQ](/learn/faq?lang=ar).\n`;
    const arBody = `${AR_BODY}\nانظر [الأسئلة الشائعة](/learn/faq).\n`;
    expect(codes([en({}, enBody), ar({}, arBody), other('en'), other('ar')])).toEqual([
      ['what-is-nmt.en.md', 'link_wrong_language', 'body'],
      ['what-is-nmt.ar.md', 'link_wrong_language', 'body'],
    ]);
  });
});
