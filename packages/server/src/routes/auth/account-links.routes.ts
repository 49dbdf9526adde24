import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hashNewPassword } from '../../accounts/account-passwords.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemActor, writeAudit } from '../../lib/audit.ts';
import { countStaffUsers, deleteSessions, findUsableLink, insertStaffAccount, markLinkUsed, setPassword } from '../../stores/staff-account-store.ts';
import { NewPassword } from '@myomap/contract/auth/auth.schemas';
import { ACCOUNT_LINK } from '../../lib/route-access.ts';

const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
const LinkInfo = Type.Object({
  purpose: Type.Union([Type.Literal('setup'), Type.Literal('invite'), Type.Literal('reset')]),
  email: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
});

/**
 * One-time links, opened without a session: the first admin's setup link (printed in the log
 * on first run), an invitation and a password reset (sent by email). Each works once.
 */
export const accountLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = { access: ACCOUNT_LINK, rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get('/auth/links/:token', { config: limit, schema: { tags: ['staff'], params: TokenParams, response: { 200: LinkInfo } } }, async (request) => {
    const { db, clock } = app.ctx;
    const link = await findUsableLink(db, request.params.token, clock.now());
    if (!link) throw new AppError('link_invalid', 'This link has expired or was already used.');
    if (link.purpose === 'setup' && (await countStaffUsers(db)) > 0) throw new AppError('setup_complete', 'The first admin already exists; sign in instead.');
    return { purpose: link.purpose, email: link.email, name: link.name };
  });

  app.post(
    '/auth/links/:token',
    {
      config: limit,
      schema: {
        tags: ['staff'],
        params: TokenParams,
        // The setup link also names the first admin; invitations and resets already have an account.
        body: Type.Object({
          password: NewPassword,
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { db, clock } = app.ctx;
      const now = clock.now();
      const found = await findUsableLink(db, request.params.token, now);
      if (!found) throw new AppError('link_invalid', 'This link has expired or was already used.');

      if (found.purpose === 'setup') {
        const email = request.body.email?.trim().toLowerCase();
        const name = request.body.name?.trim();
        if (!email || !name) throw new AppError('validation_failed', 'Give the first admin’s name and email.', [{ field: email ? 'body.name' : 'body.email', problem: 'is required' }]);
        const hash = await hashNewPassword(request.body.password, email);
        const userId = await db.transaction(async (tx) => {
          // One first admin, even when two people open setup links at once.
          await tx.query(`select pg_advisory_xact_lock(hashtext('myomap.first_admin'))`);
          if (!(await findUsableLink(tx, request.params.token, now, { lock: true }))) throw new AppError('link_invalid', 'This link has expired or was already used.');
          if ((await countStaffUsers(tx)) > 0) throw new AppError('setup_complete', 'The first admin already exists; sign in instead.');
          const id = await insertStaffAccount(tx, { email, name, role: 'admin', practitionerId: null, passwordHash: hash });
          await markLinkUsed(tx, found.idHash, now);
          await writeAudit(tx, { ...systemActor, ip: request.ip }, { action: 'staff_user.first_admin_created', entityType: 'staff_user', entityId: id, after: { email, name, role: 'admin' } });
          return id;
        });
        return { userId, email };
      }

      if (request.body.email !== undefined || request.body.name !== undefined) {
        throw new AppError('validation_failed', 'Only the password can be set with this link.', [{ field: 'body', problem: 'has fields this link does not take' }]);
      }
      const userId = found.userId ?? '';
      const hash = await hashNewPassword(request.body.password, found.email ?? '');
      await db.transaction(async (tx) => {
        if (!(await findUsableLink(tx, request.params.token, now, { lock: true }))) throw new AppError('link_invalid', 'This link has expired or was already used.');
        await setPassword(tx, userId, hash, now);
        await markLinkUsed(tx, found.idHash, now);
        // A reset signs the account out everywhere: whoever had the old password is out.
        await deleteSessions(tx, userId);
        await writeAudit(tx, { type: 'staff', id: userId, ip: request.ip }, { action: found.purpose === 'invite' ? 'auth.invitation_accepted' : 'auth.password_reset', entityType: 'staff_user', entityId: userId });
      });
      return { userId, email: found.email };
    },
  );
};
