import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import type { Actor } from '../lib/audit.ts';
import type { ReferralRow } from '../stores/referral-store.ts';

/**
 * The signed referral's letter (PDF, English or Arabic), stored immutably as a document; returns its
 * id. The letter engine is the "letters" work (server/src/letters, documents); until it is merged
 * no letter is stored and the email carries the referral's text alone.
 */
export async function issueReferralLetter(_ctx: AppContext, _tx: Sql, _referral: ReferralRow, _actor: Actor): Promise<string | null> {
  return Promise.resolve(null);
}
