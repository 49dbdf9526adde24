/**
 * One article file on its own: split the YAML front matter from the Markdown body, check the front
 * matter against its schema and the file name, and check the body's shape. Pure: the caller reads
 * the file and passes its name and text; checks across files live in validate-articles.ts.
 */
import { Value } from '@sinclair/typebox/value';
import { parse as parseYaml } from 'yaml';
import { ArticleFrontMatter, type ArticleIssue, type FaqEntry, type ParsedArticle } from './article-schemas.ts';

export interface ArticleFile {
  /** The file's base name, e.g. what-is-nmt.ar.md. */
  file: string;
  text: string;
}

export interface ParseArticleResult {
  /** Set when the front matter is valid (body issues may still be listed). */
  article: ParsedArticle | undefined;
  issues: ArticleIssue[];
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n([\s\S]*))?$/;
// An HTML tag or comment. Articles are Markdown only, so the library can render them without raw HTML.
const RAW_HTML = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>|<!--/;
const QUESTION_END = /[?؟]\s*$/u;

export function parseArticle({ file, text }: ArticleFile): ParseArticleResult {
  const split = FRONT_MATTER.exec(text);
  if (split === null) {
    return {
      article: undefined,
      issues: [{ file, code: 'front_matter_missing', message: `${file}: the file must start with YAML front matter between two "---" lines` }],
    };
  }
  let data: unknown;
  try {
    data = parseYaml(split[1] ?? '', { uniqueKeys: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { article: undefined, issues: [{ file, code: 'yaml_invalid', message: `${file}: the front matter is not valid YAML: ${reason}` }] };
  }
  // One issue per field: a union (lang, service, kind) reports several errors for one wrong value.
  const schemaIssues = new Map<string, ArticleIssue>();
  for (const error of Value.Errors(ArticleFrontMatter, data)) {
    const field = error.path.replace(/^\//, '') || '(front matter)';
    if (!schemaIssues.has(field)) schemaIssues.set(field, { file, field, code: 'schema', message: `${file}: ${field}: ${error.message}` });
  }
  if (schemaIssues.size > 0) return { article: undefined, issues: [...schemaIssues.values()] };

  const frontMatter = data as ArticleFrontMatter;
  const body = (split[2] ?? '').trim();
  const issues: ArticleIssue[] = [];
  const expected = `${frontMatter.slug}.${frontMatter.lang}.md`;
  if (file !== expected) {
    issues.push({ file, field: 'slug', code: 'file_name_mismatch', message: `${file}: slug and lang say the file should be named ${expected}` });
  }
  frontMatter.sources.forEach((source, index) => {
    if (source.authors === undefined && source.publisher === undefined) {
      issues.push({
        file,
        field: `sources/${index}`,
        code: 'source_without_author_or_publisher',
        message: `${file}: sources/${index} needs authors or a publisher`,
      });
    }
  });
  issues.push(...checkBody(file, body));
  const faq = frontMatter.kind === 'faq' ? extractFaqEntries(body) : [];
  if (frontMatter.kind === 'faq') issues.push(...checkFaq(file, faq));
  return { article: { ...frontMatter, file, body, faq }, issues };
}

function checkBody(file: string, body: string): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  if (body === '') issues.push({ file, field: 'body', code: 'body_empty', message: `${file}: the article has no body` });
  if (RAW_HTML.test(body)) issues.push({ file, field: 'body', code: 'raw_html', message: `${file}: the body contains raw HTML; use Markdown only` });
  // The page renders the front-matter title as its one <h1>; body headings start at "## ".
  if (/^#[ \t]/m.test(body))
    issues.push({ file, field: 'body', code: 'top_level_heading', message: `${file}: body headings start at "## " (the title is the page's only "# ")` });
  return issues;
}

/**
 * An FAQ body: every "## " heading is a question and the Markdown under it, up to the next "## ",
 * is its answer (the library renders these as a schema.org FAQPage). Text before the first
 * question is an introduction and belongs to no entry.
 */
export function extractFaqEntries(body: string): FaqEntry[] {
  const entries: FaqEntry[] = [];
  let current: { question: string; lines: string[] } | undefined;
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##[ \t]+(.+?)\s*$/.exec(line);
    if (heading !== null) {
      if (current !== undefined) entries.push({ question: current.question, answer: current.lines.join('\n').trim() });
      current = { question: heading[1] ?? '', lines: [] };
    } else if (current !== undefined) {
      current.lines.push(line);
    }
  }
  if (current !== undefined) entries.push({ question: current.question, answer: current.lines.join('\n').trim() });
  return entries;
}

function checkFaq(file: string, entries: readonly FaqEntry[]): ArticleIssue[] {
  if (entries.length === 0) {
    return [{ file, field: 'body', code: 'faq_without_questions', message: `${file}: an faq needs at least one "## " question` }];
  }
  return entries.flatMap((entry): ArticleIssue[] => {
    const issues: ArticleIssue[] = [];
    if (!QUESTION_END.test(entry.question)) {
      issues.push({
        file,
        field: 'body',
        code: 'faq_heading_not_question',
        message: `${file}: FAQ heading "${entry.question}" must be a question (end with ? or ؟)`,
      });
    }
    if (entry.answer === '') {
      issues.push({ file, field: 'body', code: 'faq_answer_empty', message: `${file}: FAQ question "${entry.question}" has no answer` });
    }
    return issues;
  });
}
