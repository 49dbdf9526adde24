import type { LinkInfo, LinkUsedOut, UseLinkIn } from '@myomap/contract/auth/account-links.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { systemActor, writeAudit } from '../lib/audit.ts';
import {
  countStaffUsers,
  deleteSessions,
  findUsableLink,
  insertStaffAccount,
  lockFirstAdminCreation,
  markLinkUsed,
  setPassword,
} from '../stores/staff-account-store.ts';
import { hashNewPassword } from './account-passwords.ts';

const LINK_INVALID = 'This link has expired or was already used.';

/**
 * One-time links, opened without a session: the first admin's setup link (printed in the log
 * on first run), an invitation and a password reset (sent by email). Each works once.
 */
export async function describeAccountLink(ctx: AppContext, token: string): Promise<LinkInfo> {
  const link = await findUsableLink(ctx.db, token, ctx.clock.now());
  if (!link) throw new AppError('link_invalid', LINK_INVALID);
  if (link.purpose === 'setup' && (await countStaffUsers(ctx.db)) > 0) throw new AppError('setup_complete', 'The first admin already exists; sign in instead.');
  return { purpose: link.purpose, email: link.email, name: link.name };
}

/** Sets the password a link is for; the setup link also creates the first admin. */
export async function useAccountLink(ctx: AppContext, token: string, body: UseLinkIn, ip: string): Promise<LinkUsedOut> {
  const { db, clock } = ctx;
  const now = clock.now();
  const found = await findUsableLink(db, token, now);
  if (!found) throw new AppError('link_invalid', LINK_INVALID);

  if (found.purpose === 'setup') {
    const email = body.email?.trim().toLowerCase();
    const name = body.name?.trim();
    if (!email || !name)
      throw new AppError('validation_failed', 'Give the first admin’s name and email.', [
        { field: email ? 'body.name' : 'body.email', problem: 'is required' },
      ]);
    const hash = await hashNewPassword(body.password, email);
    const userId = await db.transaction(async (tx) => {
      // One first admin, even when two people open setup links at once.
      await lockFirstAdminCreation(tx);
      if (!(await findUsableLink(tx, token, now, { lock: true }))) throw new AppError('link_invalid', LINK_INVALID);
      if ((await countStaffUsers(tx)) > 0) throw new AppError('setup_complete', 'The first admin already exists; sign in instead.');
      const id = await insertStaffAccount(tx, { email, name, role: 'admin', practitionerId: null, passwordHash: hash });
      await markLinkUsed(tx, found.idHash, now);
      await writeAudit(
        tx,
        { ...systemActor, ip },
        { action: 'staff_user.first_admin_created', entityType: 'staff_user', entityId: id, after: { email, name, role: 'admin' } },
      );
      return id;
    });
    return { userId, email };
  }

  if (body.email !== undefined || body.name !== undefined) {
    throw new AppError('validation_failed', 'Only the password can be set with this link.', [{ field: 'body', problem: 'has fields this link does not take' }]);
  }
  const userId = found.userId ?? '';
  const hash = await hashNewPassword(body.password, found.email ?? '');
  await db.transaction(async (tx) => {
    if (!(await findUsableLink(tx, token, now, { lock: true }))) throw new AppError('link_invalid', LINK_INVALID);
    await setPassword(tx, userId, hash, now);
    await markLinkUsed(tx, found.idHash, now);
    // A reset signs the account out everywhere: whoever had the old password is out.
    await deleteSessions(tx, userId);
    await writeAudit(
      tx,
      { type: 'staff', id: userId, ip },
      { action: found.purpose === 'invite' ? 'auth.invitation_accepted' : 'auth.password_reset', entityType: 'staff_user', entityId: userId },
    );
  });
  return { userId, email: found.email };
}
