import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import QRCode from 'qrcode';
import { hashNewPassword, verifyPassword } from '../../accounts/account-passwords.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit, type Actor } from '../../lib/audit.ts';
import { createSession, readSession, setSessionCookie, staffActor, type StaffSession } from '../../lib/staff-session.ts';
import { permit, SIGN_IN_STEP } from '../../lib/route-access.ts';
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from '../../lib/two-factor.ts';
import {
  clearTwoFactor, countUnusedRecoveryCodes, deleteSessions, enableTotp, findAccountById, replaceRecoveryCodes, setPassword, setPendingTotp,
} from '../../stores/staff-account-store.ts';
import { Code, NewPassword, Password } from '@myomap/contract/auth/auth.schemas';

const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

/** Each signed-in user's own account: password, and two-factor sign-in. */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const sessionActor = (session: StaffSession, ip: string): Actor => ({ type: 'staff', id: session.id, role: session.role, ip });

  async function checkPassword(userId: string, password: string) {
    const account = await findAccountById(app.ctx.db, userId);
    if (!account || !(await verifyPassword(account.passwordHash, password))) throw new AppError('wrong_password', 'Your current password is not right.');
    return account;
  }

  app.post(
    '/auth/password',
    {
      config: { access: permit('account.manage'), rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['staff'], body: Type.Object({ currentPassword: Password, newPassword: NewPassword }) },
    },
    async (request) => {
      const { db, clock } = app.ctx;
      const actor = staffActor(request);
      const account = await checkPassword(actor.id ?? '', request.body.currentPassword);
      const hash = await hashNewPassword(request.body.newPassword, account.email);
      const session = await readSession(request, ['active']);
      await db.transaction(async (tx) => {
        await setPassword(tx, account.id, hash, clock.now());
        // Anyone who knew the old password is signed out everywhere but here (ASVS 3.3.3).
        await deleteSessions(tx, account.id, session.tokenHash);
        await writeAudit(tx, actor, { action: 'auth.password_changed', entityType: 'staff_user', entityId: account.id });
      });
      return { changed: true };
    },
  );

  app.get(
    '/auth/two-factor',
    { config: { access: SIGN_IN_STEP }, schema: { tags: ['staff'], response: { 200: Type.Object({ enabled: Type.Boolean(), required: Type.Boolean(), recoveryCodesLeft: Type.Integer() }) } } },
    async (request) => {
      const session = await readSession(request, ['active', 'enrol']);
      return { enabled: session.twoFactorEnabled, required: session.twoFactorRequired, recoveryCodesLeft: await countUnusedRecoveryCodes(app.ctx.db, session.id) };
    },
  );

  app.post(
    '/auth/two-factor/setup',
    { config: { access: SIGN_IN_STEP }, schema: { tags: ['staff'], response: { 200: Type.Object({ secret: Type.String(), uri: Type.String(), qrSvg: Type.String() }) } } },
    async (request) => {
      const session = await readSession(request, ['active', 'enrol']);
      if (session.twoFactorEnabled) throw new AppError('two_factor_already_enabled', 'Two-factor sign-in is already on.');
      const { secret, uri } = newTotpSecret('Myomap', session.email);
      await setPendingTotp(app.ctx.db, session.id, encryptSecret(app.ctx.config.sessionSecret, secret));
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return { secret, uri, qrSvg };
    },
  );

  app.post(
    '/auth/two-factor/enable',
    {
      config: { access: SIGN_IN_STEP, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['staff'], body: Type.Object({ code: Code }), response: { 200: Type.Composite([RecoveryCodes, Type.Object({ csrfToken: Type.String() })]) } },
    },
    async (request, reply) => {
      const { db, clock, config } = app.ctx;
      const session = await readSession(request, ['active', 'enrol']);
      const now = clock.now();
      const recoveryCodes = newRecoveryCodes();
      const result = await db.transaction(async (tx) => {
        const account = await findAccountById(tx, session.id, { lock: true });
        if (account?.twoFactorEnabled) throw new AppError('two_factor_already_enabled', 'Two-factor sign-in is already on.');
        if (!account?.totpPendingEnc) throw new AppError('two_factor_not_started', 'Start setting up two-factor sign-in first.');
        const step = verifyTotp(decryptSecret(config.sessionSecret, account.totpPendingEnc), request.body.code, now, null);
        if (step === undefined) return undefined;
        await enableTotp(tx, account.id, account.totpPendingEnc, step, now);
        await replaceRecoveryCodes(tx, account.id, recoveryCodes.map((code) => hashRecoveryCode(config.sessionSecret, code)), now);
        await writeAudit(tx, sessionActor(session, request.ip), { action: 'auth.two_factor_enabled', entityType: 'staff_user', entityId: account.id });
        if (session.stage !== 'enrol') return { csrfToken: session.csrfToken };
        // Enrolment done: the restricted session becomes a full one, under a new id.
        await tx.query('delete from staff_sessions where id_hash = $1', [session.tokenHash]);
        const full = await createSession(tx, account.id, 'active', now, config.sessionMaxHours);
        await writeAudit(tx, sessionActor(session, request.ip), { action: 'auth.login', entityType: 'staff_user', entityId: account.id, after: { secondFactor: 'totp' } });
        return { csrfToken: full.csrfToken, cookie: full };
      });
      if (!result) throw new AppError('invalid_two_factor_code', 'That code is not right; check the time on your phone and try the next one.');
      if (result.cookie) setSessionCookie(reply, result.cookie);
      return { recoveryCodes, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/two-factor/recovery-codes',
    { config: { access: permit('account.manage') }, schema: { tags: ['staff'], body: Type.Object({ password: Password }), response: { 200: RecoveryCodes } } },
    async (request) => {
      const { db, clock, config } = app.ctx;
      const actor = staffActor(request);
      const account = await checkPassword(actor.id ?? '', request.body.password);
      if (!account.twoFactorEnabled) throw new AppError('two_factor_not_started', 'Two-factor sign-in is off.');
      const recoveryCodes = newRecoveryCodes();
      await db.transaction(async (tx) => {
        await replaceRecoveryCodes(tx, account.id, recoveryCodes.map((code) => hashRecoveryCode(config.sessionSecret, code)), clock.now());
        await writeAudit(tx, actor, { action: 'auth.recovery_codes_replaced', entityType: 'staff_user', entityId: account.id });
      });
      return { recoveryCodes };
    },
  );

  app.post(
    '/auth/two-factor/disable',
    { config: { access: permit('account.manage') }, schema: { tags: ['staff'], body: Type.Object({ password: Password }) } },
    async (request) => {
      const actor = staffActor(request);
      const session = await readSession(request, ['active']);
      if (session.twoFactorRequired) throw new AppError('two_factor_required', 'Your role must sign in with two-factor.');
      const account = await checkPassword(session.id, request.body.password);
      await app.ctx.db.transaction(async (tx) => {
        await clearTwoFactor(tx, account.id);
        await writeAudit(tx, actor, { action: 'auth.two_factor_disabled', entityType: 'staff_user', entityId: account.id });
      });
      return { enabled: false };
    },
  );
};
