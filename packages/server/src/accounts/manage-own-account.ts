import type { PasswordChangedOut, RecoveryCodesOut, TwoFactorEnabledOut, TwoFactorSetupOut, TwoFactorStatusOut } from '@myomap/contract/auth/account.schemas';
import type { Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type QRCodeModule from 'qrcode';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { loadWhenUsed } from '../lib/load-when-used.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { createSession, readSession, setSessionCookie, type StaffSession } from '../lib/staff-session.ts';
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from '../lib/two-factor.ts';
import {
  clearTwoFactor,
  countUnusedRecoveryCodes,
  deleteSessionByHash,
  deleteSessions,
  enableTotp,
  findAccountById,
  replaceRecoveryCodes,
  setPassword,
  setPendingTotp,
} from '../stores/staff-account-store.ts';
import { hashNewPassword, verifyPassword } from './account-passwords.ts';

/** qrcode, loaded when a staff member first sets up two-factor sign-in (lib/load-when-used.ts). */
const qrCode = loadWhenUsed<typeof QRCodeModule>('qrcode');

/** Each signed-in user's own account: password, and two-factor sign-in. */
const sessionActor = (session: StaffSession, ip: string): Actor => ({ type: 'staff', id: session.id, role: session.role, ip });

async function checkPassword(ctx: AppContext, userId: string, password: string) {
  const account = await findAccountById(ctx.db, userId);
  if (!account || !(await verifyPassword(account.passwordHash, password))) throw new AppError('wrong_password', 'Your current password is not right.');
  return account;
}

export async function changePassword(
  ctx: AppContext,
  request: FastifyRequest,
  body: { currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<Static<typeof PasswordChangedOut>> {
  const account = await checkPassword(ctx, actor.id ?? '', body.currentPassword);
  const hash = await hashNewPassword(body.newPassword, account.email);
  const session = await readSession(request, ['active']);
  await ctx.db.transaction(async (tx) => {
    await setPassword(tx, account.id, hash, ctx.clock.now());
    // Anyone who knew the old password is signed out everywhere but here (ASVS 3.3.3).
    await deleteSessions(tx, account.id, session.tokenHash);
    await writeAudit(tx, actor, { action: 'auth.password_changed', entityType: 'staff_user', entityId: account.id });
  });
  return { changed: true };
}

export async function readTwoFactorStatus(ctx: AppContext, request: FastifyRequest): Promise<TwoFactorStatusOut> {
  const session = await readSession(request, ['active', 'enrol']);
  return { enabled: session.twoFactorEnabled, required: session.twoFactorRequired, recoveryCodesLeft: await countUnusedRecoveryCodes(ctx.db, session.id) };
}

export async function startTwoFactor(ctx: AppContext, request: FastifyRequest): Promise<TwoFactorSetupOut> {
  const session = await readSession(request, ['active', 'enrol']);
  if (session.twoFactorEnabled) throw new AppError('two_factor_already_enabled', 'Two-factor sign-in is already on.');
  const { secret, uri } = newTotpSecret('Myomap', session.email);
  await setPendingTotp(ctx.db, session.id, encryptSecret(ctx.config.sessionSecret, secret));
  const qrSvg = await qrCode().toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret, uri, qrSvg };
}

/** Confirms the pending secret with a code; an enrolment session then becomes a full one, under a new id. */
export async function enableTwoFactor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, code: string): Promise<TwoFactorEnabledOut> {
  const { db, clock, config } = ctx;
  const session = await readSession(request, ['active', 'enrol']);
  const now = clock.now();
  const recoveryCodes = newRecoveryCodes();
  const result = await db.transaction(async (tx) => {
    const account = await findAccountById(tx, session.id, { lock: true });
    if (account?.twoFactorEnabled) throw new AppError('two_factor_already_enabled', 'Two-factor sign-in is already on.');
    if (!account?.totpPendingEnc) throw new AppError('two_factor_not_started', 'Start setting up two-factor sign-in first.');
    const step = verifyTotp(decryptSecret(config.sessionSecret, account.totpPendingEnc), code, now, null);
    if (step === undefined) return undefined;
    await enableTotp(tx, account.id, account.totpPendingEnc, step, now);
    await replaceRecoveryCodes(
      tx,
      account.id,
      recoveryCodes.map((c) => hashRecoveryCode(config.sessionSecret, c)),
      now,
    );
    await writeAudit(tx, sessionActor(session, request.ip), { action: 'auth.two_factor_enabled', entityType: 'staff_user', entityId: account.id });
    if (session.stage !== 'enrol') return { csrfToken: session.csrfToken };
    // Enrolment done: the restricted session becomes a full one, under a new id.
    await deleteSessionByHash(tx, session.tokenHash);
    const full = await createSession(tx, account.id, 'active', now, config.sessionMaxHours);
    await writeAudit(tx, sessionActor(session, request.ip), {
      action: 'auth.login',
      entityType: 'staff_user',
      entityId: account.id,
      after: { secondFactor: 'totp' },
    });
    return { csrfToken: full.csrfToken, cookie: full };
  });
  if (!result) throw new AppError('invalid_two_factor_code', 'That code is not right; check the time on your phone and try the next one.');
  if (result.cookie) setSessionCookie(reply, result.cookie);
  return { recoveryCodes, csrfToken: result.csrfToken };
}

export async function replaceOwnRecoveryCodes(ctx: AppContext, password: string, actor: Actor): Promise<RecoveryCodesOut> {
  const account = await checkPassword(ctx, actor.id ?? '', password);
  if (!account.twoFactorEnabled) throw new AppError('two_factor_not_started', 'Two-factor sign-in is off.');
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await replaceRecoveryCodes(
      tx,
      account.id,
      recoveryCodes.map((code) => hashRecoveryCode(ctx.config.sessionSecret, code)),
      ctx.clock.now(),
    );
    await writeAudit(tx, actor, { action: 'auth.recovery_codes_replaced', entityType: 'staff_user', entityId: account.id });
  });
  return { recoveryCodes };
}

export async function disableTwoFactor(ctx: AppContext, request: FastifyRequest, password: string, actor: Actor): Promise<{ enabled: false }> {
  const session = await readSession(request, ['active']);
  if (session.twoFactorRequired) throw new AppError('two_factor_required', 'Your role must sign in with two-factor.');
  const account = await checkPassword(ctx, session.id, password);
  await ctx.db.transaction(async (tx) => {
    await clearTwoFactor(tx, account.id);
    await writeAudit(tx, actor, { action: 'auth.two_factor_disabled', entityType: 'staff_user', entityId: account.id });
  });
  return { enabled: false };
}
