import type { Sql } from '../database/database.ts';
import { readPublicServices } from '../public-site/read-public-site.ts';

/** The id of the services JSON in the booking page (read by web/src/features/public-booking/api/services-in-page.ts). */
export const SERVICES_ELEMENT_ID = 'myomap-services';

/**
 * Data a page of the app shows on its first screen, for web-pages.ts to write into the page as JSON
 * beside the clinic's settings: the booking page's first step lists the services, so with them in
 * the page its first render needs no GET /api/services (a round trip after the script, on a phone
 * the longest wait before the list shows). The same answer GET /api/services sends, read per page.
 */
export async function firstScreenData(sql: Sql, path: string): Promise<{ id: string; value: unknown }[]> {
  if (path !== '/book') return [];
  return [{ id: SERVICES_ELEMENT_ID, value: await readPublicServices(sql) }];
}
