import type { InvitedOut, InviteIn } from '@myomap/contract/staff/users.schemas';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR, type Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import {
  clearTwoFactor,
  createAccountLink,
  deleteSessions,
  findAccountById,
  insertStaffAccount,
  setActive,
  type StaffAccountRow,
} from '../stores/staff-account-store.ts';
import { enqueueAccountLinkEmail } from './account-messages.ts';

/** Staff management for admins: invite, deactivate and reactivate, reset password, reset two-factor. All audited. */
const INVITE_HOURS = 72;
const RESET_HOURS = 24;

/** The target account, refusing the caller's own (an admin cannot lock themselves out). */
async function otherAccount(tx: Sql, callerId: string | undefined, id: string): Promise<StaffAccountRow> {
  const account = await findAccountById(tx, id, { lock: true });
  if (!account) throw new AppError('not_found', 'No such staff member.');
  if (account.id === callerId) throw new AppError('own_account', 'Use your own account page for your account.');
  return account;
}

export async function inviteStaffUser(ctx: AppContext, body: InviteIn, actor: Actor): Promise<InvitedOut> {
  const { db, clock, config } = ctx;
  const now = clock.now();
  const email = body.email.trim().toLowerCase();
  const name = body.name.trim();
  try {
    const id = await db.transaction(async (tx) => {
      const userId = await insertStaffAccount(tx, { email, name, role: body.role, practitionerId: body.practitionerId ?? null, passwordHash: null });
      const token = await createAccountLink(tx, 'invite', userId, now, INVITE_HOURS);
      await enqueueAccountLinkEmail(
        tx,
        { purpose: 'invite', email, name, token, publicUrl: config.publicUrl, validHours: INVITE_HOURS, now },
        config.sessionSecret,
      );
      await writeAudit(tx, actor, { action: 'staff_user.invited', entityType: 'staff_user', entityId: userId, after: { email, name, role: body.role } });
      return userId;
    });
    return { id, email, name, role: body.role };
  } catch (error) {
    if (pgErrorCode(error) === PG_ERROR.uniqueViolation) throw new AppError('email_taken', 'A staff member already has this email.');
    if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('unknown_practitioner', 'No such practitioner.');
    throw error;
  }
}

export async function setStaffUserActive(ctx: AppContext, id: string, active: boolean, actor: Actor): Promise<{ id: string; active: boolean }> {
  await ctx.db.transaction(async (tx) => {
    const account = await otherAccount(tx, actor.id, id);
    await setActive(tx, account.id, active);
    // A deactivated account's sessions end now, not when they expire.
    if (!active) await deleteSessions(tx, account.id);
    await writeAudit(tx, actor, {
      action: `staff_user.${active ? 'reactivated' : 'deactivated'}`,
      entityType: 'staff_user',
      entityId: account.id,
      before: { active: account.active },
      after: { active },
    });
  });
  return { id, active };
}

/** Sends a reset link, or a new invitation to someone who never set a password. */
export async function sendPasswordReset(ctx: AppContext, id: string, actor: Actor): Promise<{ sent: true }> {
  const { db, clock, config } = ctx;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const account = await otherAccount(tx, actor.id, id);
    if (!account.active) throw new AppError('conflict', 'Reactivate the account first.');
    const purpose = account.passwordHash ? 'reset' : 'invite';
    const validHours = purpose === 'reset' ? RESET_HOURS : INVITE_HOURS;
    const token = await createAccountLink(tx, purpose, account.id, now, validHours);
    await enqueueAccountLinkEmail(
      tx,
      { purpose, email: account.email, name: account.name, token, publicUrl: config.publicUrl, validHours, now },
      config.sessionSecret,
    );
    await writeAudit(tx, actor, { action: 'staff_user.password_reset_sent', entityType: 'staff_user', entityId: account.id });
  });
  return { sent: true };
}

export async function resetStaffTwoFactor(ctx: AppContext, id: string, actor: Actor): Promise<{ reset: true }> {
  await ctx.db.transaction(async (tx) => {
    const account = await otherAccount(tx, actor.id, id);
    await clearTwoFactor(tx, account.id);
    // Lost phone: whoever holds it is signed out; the owner enrols again at next sign-in.
    await deleteSessions(tx, account.id);
    await writeAudit(tx, actor, {
      action: 'staff_user.two_factor_reset',
      entityType: 'staff_user',
      entityId: account.id,
      before: { twoFactorEnabled: account.twoFactorEnabled },
    });
  });
  return { reset: true };
}
