import type { Sql } from '../database/database.ts';
import { listPublishedVersions } from '../stores/article-store.ts';

/** The education library's public addresses, for /sitemap.xml (lib/web-pages.ts): the library, the team and every published article. */
export async function listEducationPaths(sql: Sql): Promise<string[]> {
  const published = await listPublishedVersions(sql, 'en');
  return ['/learn', ...published.map((v) => `/learn/${v.slug}`), '/team'];
}
