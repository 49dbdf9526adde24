import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ActiveSetOut, InvitedOut, InviteIn, ResetSentOut, StaffAccount, StaffUserIdParams, TwoFactorResetOut } from '@myomap/contract/staff/users.schemas';
import { inviteStaffUser, resetStaffTwoFactor, sendPasswordReset, setStaffUserActive } from '../../accounts/manage-staff-users.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { listStaffAccounts } from '../../stores/staff-account-store.ts';

/** Staff management for admins (accounts/manage-staff-users.ts). */
export const staffUserRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const manage = { access: permit('staff.manage') };
  app.get(
    '/staff/users',
    { config: manage, schema: { operationId: 'listStaffUsers', summary: 'Every staff account', tags: ['admin'], response: { 200: Type.Array(StaffAccount) } } },
    async () => listStaffAccounts(app.ctx.db),
  );

  app.post(
    '/staff/users',
    {
      config: { ...manage, errors: ['email_taken', 'unknown_practitioner'] },
      schema: {
        operationId: 'inviteStaffUser',
        summary: 'Invite a staff member (sends a one-time account link)',
        tags: ['admin'],
        body: InviteIn,
        response: { 201: InvitedOut },
      },
    },
    async (request, reply) => reply.status(201).send(await inviteStaffUser(app.ctx, request.body, staffActor(request))),
  );

  for (const [path, active, operationId, summary] of [
    ['deactivate', false, 'deactivateStaffUser', 'Deactivate a staff account and end its sessions'],
    ['reactivate', true, 'reactivateStaffUser', 'Reactivate a staff account'],
  ] as const) {
    app.post(
      `/staff/users/:id/${path}`,
      { config: manage, schema: { operationId, summary, tags: ['admin'], params: StaffUserIdParams, response: { 200: ActiveSetOut } } },
      async (request) => setStaffUserActive(app.ctx, request.params.id, active, staffActor(request)),
    );
  }

  app.post(
    '/staff/users/:id/reset-password',
    {
      config: manage,
      schema: {
        operationId: 'resetStaffUserPassword',
        summary: 'Send a staff member a password-reset link',
        tags: ['admin'],
        params: StaffUserIdParams,
        response: { 200: ResetSentOut },
      },
    },
    async (request) => sendPasswordReset(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/users/:id/reset-two-factor',
    {
      config: manage,
      schema: {
        operationId: 'resetStaffUserTwoFactor',
        summary: "Turn off a staff member's two-factor sign-in so they can enrol again",
        tags: ['admin'],
        params: StaffUserIdParams,
        response: { 200: TwoFactorResetOut },
      },
    },
    async (request) => resetStaffTwoFactor(app.ctx, request.params.id, staffActor(request)),
  );
};
