import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { NonBlankText } from '../common/text.schemas.ts';

/** The education library and its public questions (issue 15): staff editing, review, publishing and moderation. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });
export const ArticleLanguage = Type.Union([Type.Literal('en'), Type.Literal('ar')]);
export const ArticleStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('in_review'),
  Type.Literal('approved'),
  Type.Literal('published'),
  Type.Literal('withdrawn'),
]);
export type ArticleStatus = Static<typeof ArticleStatus>;

export const ArticleParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }),
  lang: ArticleLanguage,
});
export const ArticleVersionParams = Type.Object({ ...ArticleParams.properties, version: Type.Integer({ minimum: 1, maximum: 100000 }) });

export const ArticleSource = Type.Object({
  title: Type.String(),
  authors: Type.Optional(Type.String()),
  publisher: Type.Optional(Type.String()),
  year: Type.Optional(Type.Integer()),
  url: Type.Optional(Type.String()),
});

/** The front matter of a version: what the public page shows beside the body. */
export const ArticleMeta = Type.Object({
  description: Type.String(),
  reviewed: Type.String({ description: 'last-reviewed date, YYYY-MM-DD' }),
  reviewer: Type.String(),
  reviewerRole: Type.String(),
  service: Type.Optional(Type.String()),
  kind: Type.Union([Type.Literal('article'), Type.Literal('faq')]),
  bodyMap: Type.Optional(Type.Boolean()),
  order: Type.Integer(),
  sources: Type.Array(ArticleSource),
});
export type ArticleMeta = Static<typeof ArticleMeta>;

export const ArticleVersionSummaryOut = Type.Object({
  version: Type.Integer(),
  status: ArticleStatus,
  origin: Type.Union([Type.Literal('file'), Type.Literal('staff')]),
  title: Type.String(),
  createdAt: Timestamp,
  createdBy: Nullable(Type.String()),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Timestamp),
  publishedAt: Nullable(Timestamp),
  /** Who took it off the public site, and when: set for a withdrawn version only. */
  withdrawnBy: Nullable(Type.String()),
  withdrawnAt: Nullable(Timestamp),
});
export type ArticleVersionSummaryOut = Static<typeof ArticleVersionSummaryOut>;

export const ArticleVersionOut = Type.Object({
  ...ArticleVersionSummaryOut.properties,
  slug: Type.String(),
  lang: ArticleLanguage,
  meta: ArticleMeta,
  body: Type.String({ description: 'Markdown' }),
});
export type ArticleVersionOut = Static<typeof ArticleVersionOut>;

export const ArticleListItemOut = Type.Object({
  slug: Type.String(),
  lang: ArticleLanguage,
  title: Type.String(),
  order: Type.Integer(),
  published: Nullable(Type.Object({ version: Type.Integer(), publishedAt: Timestamp, reviewed: Type.String() })),
  open: Nullable(Type.Object({ version: Type.Integer(), status: ArticleStatus })),
  pendingQuestions: Type.Integer(),
});
export type ArticleListItemOut = Static<typeof ArticleListItemOut>;

/** A staff edit: a new draft (or the open draft changed) with this Markdown. */
export const ArticleDraftIn = Type.Object(
  {
    title: NonBlankText({ maxLength: 200 }),
    description: NonBlankText({ maxLength: 160 }),
    body: NonBlankText({ maxLength: 100000 }),
  },
  { additionalProperties: false },
);
export type ArticleDraftIn = Static<typeof ArticleDraftIn>;

export const ArticlePreviewIn = Type.Object({ body: Type.String({ maxLength: 100000 }) }, { additionalProperties: false });
export const ArticlePreviewOut = Type.Object({ html: Type.String() });

export const QuestionStatus = Type.Union([Type.Literal('pending'), Type.Literal('published'), Type.Literal('rejected'), Type.Literal('private')]);
export const PersonalHealthFlag = Type.Union([Type.Literal('age'), Type.Literal('medication'), Type.Literal('own_symptom'), Type.Literal('phone')]);

export const QuestionOut = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  lang: ArticleLanguage,
  articleTitle: Type.String(),
  name: Nullable(Type.String()),
  email: Type.String(),
  question: Type.String(),
  flags: Type.Array(PersonalHealthFlag),
  status: QuestionStatus,
  answer: Nullable(Type.String()),
  createdAt: Timestamp,
  publishedAt: Nullable(Timestamp),
});
export type QuestionOut = Static<typeof QuestionOut>;

export const QuestionQuery = Type.Object({ status: Type.Optional(QuestionStatus) }, { additionalProperties: false });
export const QuestionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** What a moderator decides: publish with an answer, reject, or answer privately by email. */
export const ModerateQuestionIn = Type.Object(
  {
    decision: Type.Union([Type.Literal('publish'), Type.Literal('reject'), Type.Literal('private')]),
    answer: Type.Optional(NonBlankText({ maxLength: 5000 })),
    /** Publishing a question flagged as personal health details needs this, set on purpose. */
    overrideFlags: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ModerateQuestionIn = Static<typeof ModerateQuestionIn>;

/** The public "Leave a reply" form, as JSON (the server-rendered page posts the same fields as a form). */
export const AskQuestionIn = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    email: Type.String({ format: 'email', maxLength: 254 }),
    question: NonBlankText({ maxLength: 2000 }),
    consent: Type.Literal(true),
    lang: Type.Optional(ArticleLanguage),
    /** The honeypot: hidden from people, filled by bots. A filled one is answered like a success and stores nothing. */
    website: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AskQuestionIn = Static<typeof AskQuestionIn>;
export const AskQuestionOut = Type.Object({ received: Type.Literal(true) });
export const ArticleSlugParams = Type.Object({ slug: ArticleParams.properties.slug });

/** A practitioner's public profile on /team: qualifications in both languages and the languages they speak (ISO 639-1). */
export const PractitionerProfileIn = Type.Object(
  {
    qualifications: Type.Object({ en: Type.String({ maxLength: 500 }), ar: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: 12, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type PractitionerProfileIn = Static<typeof PractitionerProfileIn>;
export const PractitionerProfileOut = Type.Object({ id: Type.String(), ...PractitionerProfileIn.properties });
export const PractitionerParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** Withdrawing the published version readers see: why, for the audit log. */
export const ArticleWithdrawIn = Type.Object({ reason: NonBlankText({ maxLength: 500 }) }, { additionalProperties: false });
export type ArticleWithdrawIn = Static<typeof ArticleWithdrawIn>;

/** The version withdrawn, and the one readers see now (the previous published version, or none). */
export const ArticleWithdrawalOut = Type.Object({ withdrawn: ArticleVersionSummaryOut, published: Nullable(ArticleVersionSummaryOut) });
export type ArticleWithdrawalOut = Static<typeof ArticleWithdrawalOut>;
