/**
 * The whole article set (knowledge-base/articles): each file parsed on its own (parse-article.ts),
 * then the rules across files. Every slug exists in every language with the same slug, service,
 * kind, bodyMap and order; no two slugs share a place in the list; the reviewed date is not after
 * today (the caller passes today, so the domain reads no clock); and no file makes a forbidden
 * claim (find-forbidden-claims.ts); a link to another article (/learn/<slug>) names a slug in the
 * set, in the file's language. The server loads only a set with no issues; the knowledge-base
 * test fails on any.
 */
import { Temporal } from 'temporal-polyfill';
import { ARTICLE_LANGUAGES, type ArticleIssue, type ParsedArticle } from './article-schemas.ts';
import { findForbiddenClaims } from './find-forbidden-claims.ts';
import { parseArticle, type ArticleFile } from './parse-article.ts';

export interface ArticleSetReport {
  /** Every file whose front matter is valid, in list order (order, then slug, then language). */
  articles: ParsedArticle[];
  issues: ArticleIssue[];
}

/** @param today the clinic's current date, ISO (YYYY-MM-DD). */
export function validateArticles(files: readonly ArticleFile[], today: string): ArticleSetReport {
  const issues: ArticleIssue[] = [];
  const articles: ParsedArticle[] = [];
  const seen = new Map<string, ParsedArticle>();
  // A file whose front matter is broken still counts as its slug's translation (from its name), so
  // the report names the broken file once instead of also calling the other language's file orphaned.
  const named = new Set(files.map((file) => FILE_NAME.exec(file.file)?.slice(1, 3).join('.')).filter((key) => key !== undefined));
  for (const file of files) {
    const result = parseArticle(file);
    issues.push(...result.issues);
    const article = result.article;
    if (article === undefined) continue;
    const key = `${article.slug}.${article.lang}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ file: article.file, field: 'slug', code: 'duplicate_article', message: `${article.file}: ${key} is also in ${earlier.file}` });
      continue;
    }
    seen.set(key, article);
    articles.push(article);
    issues.push(...checkReviewed(article, today), ...checkClaims(article));
  }
  issues.push(...checkTranslations(articles, named), ...checkOrder(articles), ...checkLinks(articles));
  articles.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug) || a.lang.localeCompare(b.lang));
  return { articles, issues };
}

function checkReviewed(article: ParsedArticle, today: string): ArticleIssue[] {
  let reviewed: Temporal.PlainDate;
  try {
    reviewed = Temporal.PlainDate.from(article.reviewed, { overflow: 'reject' });
  } catch {
    return [{ file: article.file, field: 'reviewed', code: 'schema', message: `${article.file}: reviewed: ${article.reviewed} is not a calendar date` }];
  }
  if (Temporal.PlainDate.compare(reviewed, Temporal.PlainDate.from(today)) > 0) {
    return [
      { file: article.file, field: 'reviewed', code: 'reviewed_in_future', message: `${article.file}: reviewed ${article.reviewed} is after today (${today})` },
    ];
  }
  return [];
}

function checkClaims(article: ParsedArticle): ArticleIssue[] {
  const fields = [
    ['title', article.title],
    ['description', article.description],
    ['body', article.body],
  ] as const;
  return fields.flatMap(([field, text]) =>
    findForbiddenClaims(text).map((finding) => ({
      file: article.file,
      field,
      code: 'forbidden_claim' as const,
      message: `${article.file}: ${field} claims "${finding.phrase}" ("${finding.match}" in "${finding.sentence}"); say it only as a denial (e.g. "does not cure") or not at all`,
    })),
  );
}

// The fields both languages must agree on: they decide the library's list, booking link and body map.
const SHARED_FIELDS = ['service', 'kind', 'bodyMap', 'order'] as const;

const FILE_NAME = /^([a-z0-9-]+)\.([a-z]+)\.md$/;

function checkTranslations(articles: readonly ParsedArticle[], named: ReadonlySet<string>): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  const bySlug = new Map<string, ParsedArticle[]>();
  for (const article of articles) bySlug.set(article.slug, [...(bySlug.get(article.slug) ?? []), article]);
  for (const [slug, versions] of bySlug) {
    const [first] = versions;
    if (first === undefined) continue;
    for (const lang of ARTICLE_LANGUAGES) {
      if (!versions.some((version) => version.lang === lang) && !named.has(`${slug}.${lang}`)) {
        issues.push({
          file: first.file,
          field: 'lang',
          code: 'translation_missing',
          message: `${first.file}: ${slug} has no ${lang} version (${slug}.${lang}.md)`,
        });
      }
    }
    for (const other of versions.slice(1)) {
      for (const field of SHARED_FIELDS) {
        const mine = shared(first, field);
        const theirs = shared(other, field);
        if (mine !== theirs) {
          issues.push({
            file: other.file,
            field,
            code: 'translation_mismatch',
            message: `${other.file}: ${field} is ${String(theirs)} but ${first.file} says ${String(mine)}`,
          });
        }
      }
    }
  }
  return issues;
}

function shared(article: ParsedArticle, field: (typeof SHARED_FIELDS)[number]): string | number | boolean | undefined {
  // No body map is the same as bodyMap: false.
  return field === 'bodyMap' ? (article.bodyMap ?? false) : article[field];
}

function checkOrder(articles: readonly ParsedArticle[]): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  for (const article of articles) {
    const clash = articles.find((other) => other.lang === article.lang && other.order === article.order && other.slug !== article.slug);
    if (clash !== undefined) {
      issues.push({
        file: article.file,
        field: 'order',
        code: 'duplicate_order',
        message: `${article.file}: order ${article.order} is also used by ${clash.file}`,
      });
    }
  }
  return issues;
}

// A Markdown link to an article page: [text](/learn/<slug>) or (/learn/<slug>?lang=ar), with an optional #anchor.
const ARTICLE_LINK = /\]\(\s*\/learn\/([^)\s?#]*)(\?[^)\s#]*)?(#[^)\s]*)?\s*\)/g;

/**
 * Links between articles use the public address: /learn/<slug> in English, /learn/<slug>?lang=ar in
 * Arabic (the Arabic page's own address, so a reader stays in their language). A link to a slug the
 * set does not have would be a 404 for the reader.
 */
function checkLinks(articles: readonly ParsedArticle[]): ArticleIssue[] {
  const slugs = new Set(articles.map((article) => article.slug));
  const issues: ArticleIssue[] = [];
  for (const article of articles) {
    for (const match of article.body.matchAll(ARTICLE_LINK)) {
      const [link, slug = '', query = ''] = match;
      if (!slugs.has(slug)) {
        issues.push({
          file: article.file,
          field: 'body',
          code: 'link_unknown_article',
          message: `${article.file}: ${link.slice(2, -1)} links to no article (no ${slug || '(empty)'} slug)`,
        });
        continue;
      }
      const expected = article.lang === 'ar' ? '?lang=ar' : '';
      if (query !== expected) {
        issues.push({
          file: article.file,
          field: 'body',
          code: 'link_wrong_language',
          message: `${article.file}: ${link.slice(2, -1)} should be /learn/${slug}${expected} (the ${article.lang} page)`,
        });
      }
    }
  }
  return issues;
}
