import type { Database } from '../database/database.ts';
import { systemActor, writeAudit } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { ensureArticle, insertArticleVersion, lastFileHash } from '../stores/article-store.ts';
import { readArticleFiles } from './article-files.ts';

export interface SyncResult {
  /** `slug.lang@version` of every version made. */
  created: string[];
  errors: string[];
}

/**
 * Copies the article files into the database at start. The files are the reviewed source: a file
 * whose bytes changed since its last copy becomes a new published version (its front matter names
 * the reviewer and the review date); an unchanged file adds nothing. Earlier versions, and versions
 * staff made in the app, are kept: the newest published one is what readers see.
 */
export async function syncArticles(db: Database, dir: string, now: Date): Promise<SyncResult> {
  // The review date is checked against the clinic's date (UTC before the clinic is set up).
  const clinic = await loadClinic(db).catch(() => undefined);
  const { articles, errors } = readArticleFiles(dir, localDate(now, clinic?.timeZone ?? 'UTC'));
  const created: string[] = [];
  await db.transaction(async (tx) => {
    for (const file of articles) {
      if ((await lastFileHash(tx, file.slug, file.lang)) === file.hash) continue;
      await ensureArticle(tx, file.slug);
      const version = await insertArticleVersion(tx, {
        slug: file.slug,
        lang: file.lang,
        origin: 'file',
        meta: file.meta,
        title: file.title,
        body: file.body,
        contentHash: file.hash,
        status: 'published',
        createdBy: null,
        at: now,
      });
      await writeAudit(tx, systemActor, { action: 'article.sync', entityType: 'article', entityId: `${file.slug}.${file.lang}`, after: { version } });
      created.push(`${file.slug}.${file.lang}@${version}`);
    }
  });
  return { created, errors };
}
