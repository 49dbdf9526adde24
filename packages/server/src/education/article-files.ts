import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleMeta } from '@myomap/contract/education/education.schemas';
import type { ParsedArticle } from '@myomap/domain/education/article-schemas';
import { validateArticles } from '@myomap/domain/education/validate-articles';

/**
 * The article files (knowledge-base/articles/<slug>.<lang>.md: YAML front matter, then Markdown),
 * read as the server copies them into the database. A file the content validator refuses is skipped
 * with its reasons (the knowledge-base test refuses it earlier).
 */
export interface ArticleFile {
  slug: string;
  lang: 'en' | 'ar';
  title: string;
  meta: ArticleMeta;
  body: string;
  /** SHA-256 of the file's bytes: a new version is made only when it changes. */
  hash: string;
}

/** The directory beside the built server (scripts/build-server.mjs copies it), else the repository's. */
export function defaultArticlesDir(): string {
  const candidates = [new URL('./articles/', import.meta.url), new URL('../../../../knowledge-base/articles/', import.meta.url)].map((url) =>
    fileURLToPath(url),
  );
  return candidates.find((dir) => existsSync(dir)) ?? (candidates[1] as string);
}

/** An article file as read from disk: its name, its text and the SHA-256 of its bytes. */
export interface ArticleSource {
  file: string;
  text: string;
  hash: string;
}

/** The `.md` files in `dir`, in name order, read and hashed but not yet parsed or checked. */
export function readArticleSources(dir: string): ArticleSource[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, text: bytes.toString('utf8'), hash: createHash('sha256').update(bytes).digest('hex') };
    });
}

/** The parsed article as the server stores it: its front matter becomes the version's meta. */
function toArticleFile(article: ParsedArticle, hash: string): ArticleFile {
  const meta: ArticleMeta = {
    description: article.description,
    reviewed: article.reviewed,
    reviewer: article.reviewer,
    reviewerRole: article.reviewerRole,
    kind: article.kind,
    order: article.order,
    sources: article.sources,
    ...(article.service ? { service: article.service } : {}),
    ...(article.bodyMap ? { bodyMap: true } : {}),
  };
  return { slug: article.slug, lang: article.lang, title: article.title, meta, body: article.body, hash };
}

/**
 * The article files, checked as a set by the content validator (domain/education/validate-articles.ts:
 * each file's format, both languages agreeing, the review date not after `today`, no forbidden claim,
 * links to articles that exist), so the server syncs exactly what the knowledge-base test accepts. A
 * file with any issue is left out and its issues returned as errors.
 * @param today the clinic's date, ISO (YYYY-MM-DD).
 */
export function checkArticleFiles(sources: readonly ArticleSource[], today: string): { articles: ArticleFile[]; errors: string[] } {
  const { articles, issues } = validateArticles(
    sources.map(({ file, text }) => ({ file, text })),
    today,
  );
  const refused = new Set(issues.map((issue) => issue.file));
  const hashes = new Map(sources.map((source) => [source.file, source.hash]));
  return {
    articles: articles.filter((a) => !refused.has(a.file)).map((a) => toArticleFile(a, hashes.get(a.file) ?? '')),
    errors: issues.map((issue) => issue.message),
  };
}
