import type { ArticleMeta, ArticleStatus } from '@myomap/contract/education/education.schemas';
import type { Sql } from '../database/database.ts';

/** Rows of `articles` and `article_versions` (migration 0027). */
export interface ArticleVersionRow {
  id: string;
  slug: string;
  lang: 'en' | 'ar';
  version: number;
  origin: 'file' | 'staff';
  meta: ArticleMeta;
  title: string;
  body: string;
  contentHash: string;
  status: ArticleStatus;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  /** Who took the version off the public site, and when (status 'withdrawn' only). */
  withdrawnBy: string | null;
  withdrawnAt: string | null;
}

const COLUMNS = `v.id, v.slug, v.lang, v.version, v.origin, v.meta, v.title, v.body, v.content_hash as "contentHash", v.status,
  cu.name as "createdBy", v.created_at as "createdAt", au.name as "approvedBy", v.approved_at as "approvedAt", v.published_at as "publishedAt",
  wu.name as "withdrawnBy", v.withdrawn_at as "withdrawnAt"`;
const FROM = `article_versions v left join staff_users cu on cu.id = v.created_by left join staff_users au on au.id = v.approved_by
  left join staff_users wu on wu.id = v.withdrawn_by`;

type Raw = Omit<ArticleVersionRow, 'createdAt' | 'approvedAt' | 'publishedAt' | 'withdrawnAt'> & {
  createdAt: Date | string;
  approvedAt: Date | string | null;
  publishedAt: Date | string | null;
  withdrawnAt: Date | string | null;
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
function toRow(raw: Raw): ArticleVersionRow {
  return {
    ...raw,
    createdAt: new Date(raw.createdAt).toISOString(),
    approvedAt: iso(raw.approvedAt),
    publishedAt: iso(raw.publishedAt),
    withdrawnAt: iso(raw.withdrawnAt),
  };
}

export async function ensureArticle(sql: Sql, slug: string): Promise<void> {
  await sql.query('insert into articles (slug) values ($1) on conflict (slug) do nothing', [slug]);
}

export async function lockArticle(sql: Sql, slug: string): Promise<boolean> {
  const rows = await sql.query('select slug from articles where slug = $1 for update', [slug]);
  return rows.length === 1;
}

export async function insertArticleVersion(
  sql: Sql,
  input: {
    slug: string;
    lang: 'en' | 'ar';
    origin: 'file' | 'staff';
    meta: ArticleMeta;
    title: string;
    body: string;
    contentHash: string;
    status: ArticleStatus;
    createdBy: string | null;
    at: Date;
  },
): Promise<number> {
  const [row] = await sql.query<{ version: number }>(
    `insert into article_versions (slug, lang, version, origin, meta, title, body, content_hash, status, created_by, created_at, published_at)
     values ($1, $2, (select coalesce(max(version), 0) + 1 from article_versions where slug = $1 and lang = $2), $3, $4, $5, $6, $7, $8, $9, $10,
             case when $8 = 'published' then $10::timestamptz end)
     returning version`,
    [input.slug, input.lang, input.origin, JSON.stringify(input.meta), input.title, input.body, input.contentHash, input.status, input.createdBy, input.at],
  );
  if (!row) throw new Error('article version insert returned no row');
  return row.version;
}

/** The hash of the newest version copied from the file, so an unchanged file makes no new version. */
export async function lastFileHash(sql: Sql, slug: string, lang: 'en' | 'ar'): Promise<string | undefined> {
  const [row] = await sql.query<{ hash: string }>(
    `select content_hash as hash from article_versions where slug = $1 and lang = $2 and origin = 'file' order by version desc limit 1`,
    [slug, lang],
  );
  return row?.hash;
}

/** The content hash of each article's latest version copied from a file (one per slug and language). */
export async function latestFileHashes(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ hash: string }>(
    `select distinct on (slug, lang) content_hash as hash from article_versions where origin = 'file' order by slug, lang, version desc`,
  );
  return rows.map((row) => row.hash);
}

export async function listVersions(sql: Sql, slug: string, lang: 'en' | 'ar'): Promise<ArticleVersionRow[]> {
  const rows = await sql.query<Raw>(`select ${COLUMNS} from ${FROM} where v.slug = $1 and v.lang = $2 order by v.version desc`, [slug, lang]);
  return rows.map(toRow);
}

export async function findVersion(sql: Sql, slug: string, lang: 'en' | 'ar', version: number): Promise<ArticleVersionRow | undefined> {
  const [row] = await sql.query<Raw>(`select ${COLUMNS} from ${FROM} where v.slug = $1 and v.lang = $2 and v.version = $3`, [slug, lang, version]);
  return row ? toRow(row) : undefined;
}

/** The open version (draft, in review or approved), if any: at most one per article and language. */
export async function findOpenVersion(sql: Sql, slug: string, lang: 'en' | 'ar'): Promise<ArticleVersionRow | undefined> {
  const [row] = await sql.query<Raw>(`select ${COLUMNS} from ${FROM} where v.slug = $1 and v.lang = $2 and v.status in ('draft', 'in_review', 'approved')`, [
    slug,
    lang,
  ]);
  return row ? toRow(row) : undefined;
}

/** The version readers see: the most recently published one. */
export async function findPublishedVersion(sql: Sql, slug: string, lang: 'en' | 'ar'): Promise<ArticleVersionRow | undefined> {
  const [row] = await sql.query<Raw>(
    `select ${COLUMNS} from ${FROM} where v.slug = $1 and v.lang = $2 and v.status = 'published' order by v.published_at desc, v.version desc limit 1`,
    [slug, lang],
  );
  return row ? toRow(row) : undefined;
}

/** The published version of every article in one language, in the library's order. */
export async function listPublishedVersions(sql: Sql, lang: 'en' | 'ar'): Promise<ArticleVersionRow[]> {
  const rows = await sql.query<Raw>(
    `select distinct on (v.slug) ${COLUMNS} from ${FROM} where v.lang = $1 and v.status = 'published' order by v.slug, v.published_at desc, v.version desc`,
    [lang],
  );
  return rows.map(toRow).sort((a, b) => a.meta.order - b.meta.order || a.slug.localeCompare(b.slug));
}

export async function listArticleSlugs(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ slug: string }>('select slug from articles order by slug');
  return rows.map((r) => r.slug);
}

/** Changes the open version's text; a changed text is a draft again and needs a new review. */
export async function updateOpenDraft(sql: Sql, id: string, input: { meta: ArticleMeta; title: string; body: string; contentHash: string }): Promise<void> {
  await sql.query(
    `update article_versions set meta = $2, title = $3, body = $4, content_hash = $5, status = 'draft', submitted_at = null, approved_by = null, approved_at = null
     where id = $1 and status in ('draft', 'in_review', 'approved')`,
    [id, JSON.stringify(input.meta), input.title, input.body, input.contentHash],
  );
}

export async function setVersionStatus(
  sql: Sql,
  id: string,
  change: { status: ArticleStatus; at: Date; approvedBy?: string; meta?: ArticleMeta },
): Promise<void> {
  await sql.query(
    `update article_versions set status = $2,
       submitted_at = case when $2 = 'in_review' then $3 else submitted_at end,
       approved_by = case when $2 = 'approved' then $4 else approved_by end,
       approved_at = case when $2 = 'approved' then $3 else approved_at end,
       published_at = case when $2 = 'published' then $3 else published_at end,
       meta = coalesce($5::jsonb, meta)
     where id = $1`,
    [id, change.status, change.at, change.approvedBy ?? null, change.meta ? JSON.stringify(change.meta) : null],
  );
}

/** Withdraws a published version (the database allows no other move from published, and keeps its text). */
export async function withdrawVersion(sql: Sql, id: string, at: Date, by: string | null): Promise<void> {
  await sql.query(`update article_versions set status = 'withdrawn', withdrawn_at = $2, withdrawn_by = $3 where id = $1 and status = 'published'`, [
    id,
    at,
    by,
  ]);
}

/** Practitioners on the public team page, with their qualifications and languages. */
export interface TeamMemberRow {
  id: string;
  name: { en: string; ar: string };
  title: { en: string; ar: string };
  bio: { en: string; ar: string };
  qualifications: { en: string; ar: string };
  languages: string[];
  kind: 'therapist' | 'physician';
}

export async function listTeam(sql: Sql): Promise<TeamMemberRow[]> {
  return sql.query<TeamMemberRow>(
    `select id, json_build_object('en', name_en, 'ar', name_ar) as name, json_build_object('en', title_en, 'ar', title_ar) as title,
            json_build_object('en', bio_en, 'ar', bio_ar) as bio, json_build_object('en', qualifications_en, 'ar', qualifications_ar) as qualifications,
            languages, kind
     from practitioners where active order by kind, name_en`,
  );
}

/** How a staff member signs a review: their practitioner name and title when linked, else their account name. */
export async function findReviewerName(
  sql: Sql,
  staffId: string,
): Promise<{ name: { en: string; ar: string }; title: { en: string; ar: string } } | undefined> {
  const [row] = await sql.query<{ name: { en: string; ar: string }; title: { en: string; ar: string } }>(
    `select json_build_object('en', coalesce(p.name_en, s.name), 'ar', coalesce(p.name_ar, s.name)) as name,
            json_build_object('en', coalesce(nullif(p.title_en, ''), ''), 'ar', coalesce(nullif(p.title_ar, ''), '')) as title
     from staff_users s left join practitioners p on p.id = s.practitioner_id where s.id = $1`,
    [staffId],
  );
  return row;
}

/** A practitioner's public profile as the administrator edits it, or undefined when there is no such practitioner. */
export async function findPractitionerProfile(
  sql: Sql,
  id: string,
): Promise<{ id: string; qualifications: { en: string; ar: string }; languages: string[] } | undefined> {
  const [row] = await sql.query<{ id: string; qualifications: { en: string; ar: string }; languages: string[] }>(
    `select id, json_build_object('en', qualifications_en, 'ar', qualifications_ar) as qualifications, languages from practitioners where id = $1`,
    [id],
  );
  return row;
}

/** Sets a practitioner's public profile; false when there is no such practitioner. */
export async function updatePractitionerProfile(
  sql: Sql,
  id: string,
  profile: { qualifications: { en: string; ar: string }; languages: string[] },
): Promise<boolean> {
  const rows = await sql.query('update practitioners set qualifications_en = $2, qualifications_ar = $3, languages = $4 where id = $1 returning id', [
    id,
    profile.qualifications.en.trim(),
    profile.qualifications.ar.trim(),
    profile.languages,
  ]);
  return rows.length === 1;
}
