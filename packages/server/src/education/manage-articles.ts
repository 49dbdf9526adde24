import { createHash } from 'node:crypto';
import type { ArticleDraftIn, ArticleListItemOut, ArticleVersionOut, ArticleVersionSummaryOut } from '@myomap/contract/education/education.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import {
  findOpenVersion,
  findPublishedVersion,
  findReviewerName,
  findVersion,
  insertArticleVersion,
  listArticleSlugs,
  listVersions,
  lockArticle,
  setVersionStatus,
  updateOpenDraft,
  type ArticleVersionRow,
} from '../stores/article-store.ts';
import { countPendingQuestions } from '../stores/article-question-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';

/**
 * The staff side of the education library: a draft in Markdown, submitted for review, approved by a
 * physician (the permission table's article.approve), then published. Each step is one legal move
 * from the one before (draft → in_review → approved → published); a published version never changes
 * (the database's protect_article_version), so an edit after publishing is a new version.
 */
type Lang = 'en' | 'ar';

/** A version as the staff screens list it (also the withdrawal's answer). */
export function articleVersionSummary(row: ArticleVersionRow): ArticleVersionSummaryOut {
  return {
    version: row.version,
    status: row.status,
    origin: row.origin,
    title: row.title,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    publishedAt: row.publishedAt,
    withdrawnBy: row.withdrawnBy,
    withdrawnAt: row.withdrawnAt,
  };
}

function full(row: ArticleVersionRow): ArticleVersionOut {
  return { ...articleVersionSummary(row), slug: row.slug, lang: row.lang, meta: row.meta, body: row.body };
}

export function listArticles(ctx: AppContext): Promise<ArticleListItemOut[]> {
  return ctx.db.transaction(async (tx) => {
    const items: ArticleListItemOut[] = [];
    for (const slug of await listArticleSlugs(tx)) {
      for (const lang of ['en', 'ar'] as const) {
        const [published, open] = await Promise.all([findPublishedVersion(tx, slug, lang), findOpenVersion(tx, slug, lang)]);
        // An article whose every published version was withdrawn still appears, under its newest version.
        const shown = open ?? published ?? (await listVersions(tx, slug, lang))[0];
        if (!shown) continue;
        items.push({
          slug,
          lang,
          title: shown.title,
          order: shown.meta.order,
          published: published?.publishedAt ? { version: published.version, publishedAt: published.publishedAt, reviewed: published.meta.reviewed } : null,
          open: open ? { version: open.version, status: open.status } : null,
          pendingQuestions: await countPendingQuestions(tx, slug, lang),
        });
      }
    }
    return items.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug) || a.lang.localeCompare(b.lang));
  });
}

export async function listArticleVersions(ctx: AppContext, slug: string, lang: Lang): Promise<ArticleVersionSummaryOut[]> {
  const rows = await listVersions(ctx.db, slug, lang);
  if (rows.length === 0) throw new AppError('not_found', 'No such article.');
  return rows.map(articleVersionSummary);
}

export async function readArticleVersion(ctx: AppContext, slug: string, lang: Lang, version: number): Promise<ArticleVersionOut> {
  const row = await findVersion(ctx.db, slug, lang, version);
  if (!row) throw new AppError('not_found', 'No such article version.');
  return full(row);
}

async function lockOpen(tx: Sql, slug: string, lang: Lang): Promise<ArticleVersionRow | undefined> {
  if (!(await lockArticle(tx, slug))) throw new AppError('not_found', 'No such article.');
  return findOpenVersion(tx, slug, lang);
}

/** Saves the open draft, or starts one from the version readers see (its sources and settings carried over). */
export function saveDraft(ctx: AppContext, slug: string, lang: Lang, input: ArticleDraftIn, actor: Actor): Promise<ArticleVersionOut> {
  return ctx.db.transaction(async (tx) => {
    const open = await lockOpen(tx, slug, lang);
    const base = open ?? (await findPublishedVersion(tx, slug, lang)) ?? (await listVersions(tx, slug, lang))[0];
    if (!base) throw new AppError('not_found', 'No such article in this language.');
    const content = { title: input.title.trim(), body: input.body.trim(), meta: { ...base.meta, description: input.description.trim() } };
    const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    let version: number;
    if (open) {
      await updateOpenDraft(tx, open.id, { ...content, contentHash });
      version = open.version;
    } else {
      version = await insertArticleVersion(tx, {
        slug,
        lang,
        origin: 'staff',
        ...content,
        contentHash,
        status: 'draft',
        createdBy: actor.id ?? null,
        at: ctx.clock.now(),
      });
    }
    await writeAudit(tx, actor, { action: 'article.draft', entityType: 'article', entityId: `${slug}.${lang}`, after: { version, title: content.title } });
    return full((await findVersion(tx, slug, lang, version)) as ArticleVersionRow);
  });
}

const STEP = {
  submit: { from: 'draft', to: 'in_review', action: 'article.submit' },
  approve: { from: 'in_review', to: 'approved', action: 'article.approve' },
  publish: { from: 'approved', to: 'published', action: 'article.publish' },
} as const;

/** One step of the review: submit (the author), approve (a physician: it names them as reviewer, dated today), publish. */
export function moveArticle(ctx: AppContext, slug: string, lang: Lang, step: keyof typeof STEP, actor: Actor): Promise<ArticleVersionOut> {
  return ctx.db.transaction(async (tx) => {
    const open = await lockOpen(tx, slug, lang);
    const { from, to, action } = STEP[step];
    if (!open || open.status !== from) {
      throw new AppError('illegal_transition', `Only a version in ${from} can be moved to ${to}.`, { status: open?.status ?? null });
    }
    const at = ctx.clock.now();
    let meta = open.meta;
    if (step === 'approve') {
      const reviewer = actor.id ? await findReviewerName(tx, actor.id) : undefined;
      const clinic = await loadClinic(tx);
      meta = {
        ...open.meta,
        reviewed: localDate(at, clinic.timeZone),
        ...(reviewer ? { reviewer: reviewer.name[lang], reviewerRole: reviewer.title[lang] || open.meta.reviewerRole } : {}),
      };
    }
    await setVersionStatus(tx, open.id, { status: to, at, ...(step === 'approve' && actor.id ? { approvedBy: actor.id, meta } : {}) });
    await writeAudit(tx, actor, {
      action,
      entityType: 'article',
      entityId: `${slug}.${lang}`,
      after: { version: open.version, status: to },
    });
    return full((await findVersion(tx, slug, lang, open.version)) as ArticleVersionRow);
  });
}
