import type { Database } from '../database/database.ts';
import { systemActor, writeAudit } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { ensureArticle, insertArticleVersion, lastFileHash, latestFileHashes } from '../stores/article-store.ts';
import { checkArticleFiles, readArticleSources } from './article-files.ts';

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
  const sources = readArticleSources(dir);
  // Every file the very bytes of its article's latest copy, and no other copy: each was checked when it
  // was copied (a review date once past stays past), so there is nothing to parse, check or copy. This
  // is every start but the first after an edit, and it keeps the check's few hundred milliseconds off
  // the start (issue 13: a later start healthy within 3 s).
  const copied = await latestFileHashes(db);
  const onDisk = new Set(sources.map((source) => source.hash));
  if (copied.length === sources.length && copied.every((hash) => onDisk.has(hash))) return { created: [], errors: [] };
  // The review date is checked against the clinic's date (UTC before the clinic is set up).
  const clinic = await loadClinic(db).catch(() => undefined);
  const { articles, errors } = checkArticleFiles(sources, localDate(now, clinic?.timeZone ?? 'UTC'));
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
