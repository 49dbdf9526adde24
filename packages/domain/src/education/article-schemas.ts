/**
 * The patient education article format (issue 15). One Markdown file per slug and language in
 * knowledge-base/articles/<slug>.<lang>.md: YAML front matter, then a Markdown body. The content
 * and the library share this one schema; docs/ARCHITECTURE.md ("Education articles") describes it.
 */
import { Type, type Static } from '@sinclair/typebox';

export const ARTICLE_LANGUAGES = ['en', 'ar'] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** The services an article may offer to book (the demo clinic's service ids). */
export const ARTICLE_SERVICES = ['svc-nmt-initial', 'svc-nmt-follow-60', 'svc-nmt-follow-45', 'svc-physician-review'] as const;

/** Search engines cut a meta description at about 160 characters. */
export const MAX_DESCRIPTION_LENGTH = 160;

export const ArticleSource = Type.Object(
  {
    title: Type.String({ minLength: 1 }),
    authors: Type.Optional(Type.String({ minLength: 1 })),
    publisher: Type.Optional(Type.String({ minLength: 1 })),
    year: Type.Integer({ minimum: 1900, maximum: 2100 }),
    url: Type.Optional(Type.String({ pattern: '^https://\\S+$' })),
  },
  { additionalProperties: false },
);
export type ArticleSource = Static<typeof ArticleSource>;

export const ArticleFrontMatter = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    lang: Type.Union(ARTICLE_LANGUAGES.map((lang) => Type.Literal(lang))),
    title: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION_LENGTH }),
    // An ISO calendar date; YAML 1.2 (the `yaml` package's default) keeps it a string.
    reviewed: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }),
    reviewer: Type.String({ minLength: 1 }),
    reviewerRole: Type.String({ minLength: 1 }),
    service: Type.Optional(Type.Union(ARTICLE_SERVICES.map((id) => Type.Literal(id)))),
    kind: Type.Union([Type.Literal('article'), Type.Literal('faq')]),
    bodyMap: Type.Optional(Type.Boolean()),
    order: Type.Integer({ minimum: 1 }),
    sources: Type.Array(ArticleSource, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ArticleFrontMatter = Static<typeof ArticleFrontMatter>;

/** An FAQ entry: a "## " heading (the question) and the Markdown under it up to the next "## " (the answer). */
export interface FaqEntry {
  question: string;
  answer: string;
}

/** One article file, parsed and checked on its own. */
export interface ParsedArticle extends ArticleFrontMatter {
  /** The file name it came from, e.g. what-is-nmt.en.md. */
  file: string;
  /** The Markdown after the front matter, trimmed. */
  body: string;
  /** For kind faq: the questions and answers in file order; empty for articles. */
  faq: FaqEntry[];
}

export type ArticleIssueCode =
  | 'front_matter_missing'
  | 'yaml_invalid'
  | 'schema'
  | 'file_name_mismatch'
  | 'source_without_author_or_publisher'
  | 'body_empty'
  | 'raw_html'
  | 'top_level_heading'
  | 'faq_without_questions'
  | 'faq_heading_not_question'
  | 'faq_answer_empty'
  | 'translation_missing'
  | 'translation_mismatch'
  | 'duplicate_article'
  | 'duplicate_order'
  | 'reviewed_in_future'
  | 'forbidden_claim'
  | 'link_unknown_article'
  | 'link_wrong_language';

/** A problem in one file; field names the front-matter field (JSON-pointer style) or "body". */
export interface ArticleIssue {
  file: string;
  field?: string;
  code: ArticleIssueCode;
  message: string;
}
