import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { enqueueAccountLinkEmail } from '../../accounts/account-messages.ts';
import { pgErrorCode, PG_ERROR, type Sql } from '../../database/database.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { permit } from '../../lib/route-access.ts';
import {
  clearTwoFactor, createAccountLink, deleteSessions, findAccountById, insertStaffAccount, listStaffAccounts, setActive, type StaffAccountRow,
} from '../../stores/staff-account-store.ts';

const INVITE_HOURS = 72;
const RESET_HOURS = 24;

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const Role = Type.Union([Type.Literal('admin'), Type.Literal('reception'), Type.Literal('therapist'), Type.Literal('physician')]);
const StaffListItem = Type.Object({
  id: Type.String(), email: Type.String(), name: Type.String(), role: Type.String(), practitionerId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(), passwordSet: Type.Boolean(), twoFactorEnabled: Type.Boolean(), twoFactorExempt: Type.Boolean(), createdAt: Type.Unsafe<string>({}),
});

/** Staff management for admins: invite, deactivate and reactivate, reset password, reset two-factor. All audited. */
export const staffUserRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The target account, refusing the caller's own (an admin cannot lock themselves out). */
  async function otherAccount(tx: Sql, callerId: string | undefined, id: string): Promise<StaffAccountRow> {
    const account = await findAccountById(tx, id, { lock: true });
    if (!account) throw new AppError('not_found', 'No such staff member.');
    if (account.id === callerId) throw new AppError('own_account', 'Use your own account page for your account.');
    return account;
  }

  app.get('/staff/users', { config: { access: permit('staff.manage') }, schema: { tags: ['admin'], response: { 200: Type.Array(StaffListItem) } } }, async () => listStaffAccounts(app.ctx.db));

  app.post(
    '/staff/users',
    {
      config: { access: permit('staff.manage') },
      schema: {
        tags: ['admin'],
        body: Type.Object({
          email: Type.String({ format: 'email', maxLength: 254 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          role: Role,
          practitionerId: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
        }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { db, clock, config } = app.ctx;
      const actor = staffActor(request);
      const now = clock.now();
      const email = request.body.email.trim().toLowerCase();
      const name = request.body.name.trim();
      try {
        const id = await db.transaction(async (tx) => {
          const userId = await insertStaffAccount(tx, { email, name, role: request.body.role, practitionerId: request.body.practitionerId ?? null, passwordHash: null });
          const token = await createAccountLink(tx, 'invite', userId, now, INVITE_HOURS);
          await enqueueAccountLinkEmail(tx, { purpose: 'invite', email, name, token, publicUrl: config.publicUrl, validHours: INVITE_HOURS, now }, config.sessionSecret);
          await writeAudit(tx, actor, { action: 'staff_user.invited', entityType: 'staff_user', entityId: userId, after: { email, name, role: request.body.role } });
          return userId;
        });
        return reply.status(201).send({ id, email, name, role: request.body.role });
      } catch (error) {
        if (pgErrorCode(error) === PG_ERROR.uniqueViolation) throw new AppError('email_taken', 'A staff member already has this email.');
        if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('unknown_practitioner', 'No such practitioner.');
        throw error;
      }
    },
  );

  for (const [path, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(`/staff/users/:id/${path}`, { config: { access: permit('staff.manage') }, schema: { tags: ['admin'], params: IdParams } }, async (request) => {
      const actor = staffActor(request);
      await app.ctx.db.transaction(async (tx) => {
        const account = await otherAccount(tx, actor.id, request.params.id);
        await setActive(tx, account.id, active);
        // A deactivated account's sessions end now, not when they expire.
        if (!active) await deleteSessions(tx, account.id);
        await writeAudit(tx, actor, { action: `staff_user.${path}d`, entityType: 'staff_user', entityId: account.id, before: { active: account.active }, after: { active } });
      });
      return { id: request.params.id, active };
    });
  }

  app.post('/staff/users/:id/reset-password', { config: { access: permit('staff.manage') }, schema: { tags: ['admin'], params: IdParams } }, async (request) => {
    const { db, clock, config } = app.ctx;
    const actor = staffActor(request);
    const now = clock.now();
    await db.transaction(async (tx) => {
      const account = await otherAccount(tx, actor.id, request.params.id);
      if (!account.active) throw new AppError('conflict', 'Reactivate the account first.');
      const purpose = account.passwordHash ? 'reset' : 'invite';
      const token = await createAccountLink(tx, purpose, account.id, now, purpose === 'reset' ? RESET_HOURS : INVITE_HOURS);
      await enqueueAccountLinkEmail(tx, { purpose, email: account.email, name: account.name, token, publicUrl: config.publicUrl, validHours: purpose === 'reset' ? RESET_HOURS : INVITE_HOURS, now }, config.sessionSecret);
      await writeAudit(tx, actor, { action: 'staff_user.password_reset_sent', entityType: 'staff_user', entityId: account.id });
    });
    return { sent: true };
  });

  app.post('/staff/users/:id/reset-two-factor', { config: { access: permit('staff.manage') }, schema: { tags: ['admin'], params: IdParams } }, async (request) => {
    const actor = staffActor(request);
    await app.ctx.db.transaction(async (tx) => {
      const account = await otherAccount(tx, actor.id, request.params.id);
      await clearTwoFactor(tx, account.id);
      // Lost phone: whoever holds it is signed out; the owner enrols again at next sign-in.
      await deleteSessions(tx, account.id);
      await writeAudit(tx, actor, { action: 'staff_user.two_factor_reset', entityType: 'staff_user', entityId: account.id, before: { twoFactorEnabled: account.twoFactorEnabled } });
    });
    return { reset: true };
  });
};
