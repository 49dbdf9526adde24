import type { Database } from '../database/database.ts';
import { countStaffUsers, createAccountLink } from '../stores/staff-account-store.ts';

export const SETUP_LINK_HOURS = 24;

/**
 * First run: when the database has no staff at all (production never seeds demo staff),
 * issue a one-time link that creates the first admin. Each start without staff issues a new
 * link; every earlier one stops working as soon as any admin exists.
 */
export async function issueSetupLinkIfNoStaff(db: Database, now: Date, publicUrl: string): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    if ((await countStaffUsers(tx)) > 0) return undefined;
    const token = await createAccountLink(tx, 'setup', null, now, SETUP_LINK_HOURS);
    return `${publicUrl}/setup/${token}`;
  });
}
