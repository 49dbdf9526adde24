import type { ArticleWithdrawalOut } from '@myomap/contract/education/education.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findPublishedVersion, findVersion, lockArticle, withdrawVersion, type ArticleVersionRow } from '../stores/article-store.ts';
import { articleVersionSummary } from './manage-articles.ts';

/**
 * Takes the version readers see off the public page (a mistake found after publishing, or advice
 * that changed): readers see the previous published version again at once, or no page when there
 * is none (the pages are rendered per request from findPublishedVersion). The version is kept word
 * for word and marked withdrawn, which is final (0031's trigger). An article file left unchanged is
 * not copied back in at the next start: sync-articles compares with the last file version, withdrawn
 * or not, so only a changed file publishes again.
 */
type Lang = 'en' | 'ar';

export function withdrawArticle(ctx: AppContext, slug: string, lang: Lang, reason: string, actor: Actor): Promise<ArticleWithdrawalOut> {
  return ctx.db.transaction(async (tx) => {
    if (!(await lockArticle(tx, slug))) throw new AppError('not_found', 'No such article.');
    const current = await findPublishedVersion(tx, slug, lang);
    if (!current) throw new AppError('illegal_transition', 'No published version to withdraw.', { status: null });
    await withdrawVersion(tx, current.id, ctx.clock.now(), actor.id ?? null);
    const now = await findPublishedVersion(tx, slug, lang);
    await writeAudit(tx, actor, {
      action: 'article.withdraw',
      entityType: 'article',
      entityId: `${slug}.${lang}`,
      before: { version: current.version, status: 'published' },
      after: { version: current.version, status: 'withdrawn', reason: reason.trim(), readersSee: now?.version ?? null },
    });
    const withdrawn = (await findVersion(tx, slug, lang, current.version)) as ArticleVersionRow;
    return { withdrawn: articleVersionSummary(withdrawn), published: now ? articleVersionSummary(now) : null };
  });
}
