import type { Sql } from '../database/database.ts';

/** Rows of `article_questions` (migration 0028). */
export interface QuestionRow {
  id: string;
  slug: string;
  lang: 'en' | 'ar';
  articleTitle: string;
  name: string | null;
  email: string;
  question: string;
  flags: ('age' | 'medication' | 'own_symptom' | 'phone')[];
  status: 'pending' | 'published' | 'rejected' | 'private';
  answer: string | null;
  createdAt: string;
  publishedAt: string | null;
}

type Raw = Omit<QuestionRow, 'createdAt' | 'publishedAt'> & { createdAt: Date | string; publishedAt: Date | string | null };

const COLUMNS = `q.id, q.slug, q.lang, coalesce((select v.title from article_versions v where v.slug = q.slug and v.lang = q.lang
    order by (v.status = 'published') desc, v.version desc limit 1), q.slug) as "articleTitle",
  q.name, q.email, q.question, q.flags, q.status, q.answer, q.created_at as "createdAt", q.published_at as "publishedAt"`;

function toRow(raw: Raw): QuestionRow {
  return { ...raw, createdAt: new Date(raw.createdAt).toISOString(), publishedAt: raw.publishedAt === null ? null : new Date(raw.publishedAt).toISOString() };
}

export async function insertQuestion(
  sql: Sql,
  input: { slug: string; lang: 'en' | 'ar'; name: string | null; email: string; question: string; flags: string[]; at: Date },
): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into article_questions (slug, lang, name, email, question, consent_to_publish, flags, created_at)
     values ($1, $2, $3, $4, $5, true, $6, $7) returning id`,
    [input.slug, input.lang, input.name, input.email, input.question, input.flags, input.at],
  );
  if (!row) throw new Error('question insert returned no row');
  return row.id;
}

export async function listQuestions(sql: Sql, status: QuestionRow['status'] | undefined): Promise<QuestionRow[]> {
  const rows = await sql.query<Raw>(
    `select ${COLUMNS} from article_questions q where ($1::text is null or q.status = $1) order by q.created_at, q.id limit 500`,
    [status ?? null],
  );
  return rows.map(toRow);
}

export async function findQuestionForUpdate(sql: Sql, id: string): Promise<QuestionRow | undefined> {
  const [row] = await sql.query<Raw>(`select ${COLUMNS} from article_questions q where q.id = $1 for update`, [id]);
  return row ? toRow(row) : undefined;
}

export async function decideQuestion(
  sql: Sql,
  id: string,
  change: { status: QuestionRow['status']; answer: string | null; answeredBy: string | null; override: boolean; at: Date },
): Promise<void> {
  await sql.query(
    `update article_questions set status = $2, answer = $3, answered_by = $4, flag_override = $5,
       answered_at = case when $3::text is null then answered_at else $6 end,
       published_at = case when $2 = 'published' then $6 else null end
     where id = $1`,
    [id, change.status, change.answer, change.answeredBy, change.override, change.at],
  );
}

/** What the public page shows: published questions with their answers, oldest first. */
export async function listPublishedQuestions(sql: Sql, slug: string, lang: 'en' | 'ar'): Promise<QuestionRow[]> {
  const rows = await sql.query<Raw>(
    `select ${COLUMNS} from article_questions q where q.slug = $1 and q.lang = $2 and q.status = 'published' order by q.published_at, q.id`,
    [slug, lang],
  );
  return rows.map(toRow);
}

export async function countPendingQuestions(sql: Sql, slug: string, lang: 'en' | 'ar'): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`select count(*)::int as n from article_questions where slug = $1 and lang = $2 and status = 'pending'`, [
    slug,
    lang,
  ]);
  return row?.n ?? 0;
}
