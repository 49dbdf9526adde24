import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { countRecentConsentsForLink } from '../stores/consent-store.ts';

/**
 * Consents signed through one patient link (one appointment) per day. A patient may sign
 * again after a mistake or a new consent version; a script holding the link may not add
 * hundreds of append-only rows of up to 400 kB each. Staff signing at reception are not limited.
 */
export const CONSENTS_PER_LINK_PER_DAY = 3;

/** Refuses (429 rate_limited) a consent over the limit; the advisory lock makes concurrent signatures count in turn. */
export async function assertConsentAllowance(tx: Sql, appointmentId: string, now: Date): Promise<void> {
  if ((await countRecentConsentsForLink(tx, appointmentId, now)) >= CONSENTS_PER_LINK_PER_DAY) {
    throw new AppError('rate_limited', `At most ${CONSENTS_PER_LINK_PER_DAY} consents a day may be signed through one link.`, {
      limit: CONSENTS_PER_LINK_PER_DAY,
    });
  }
}
