import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChangePasswordIn,
  PasswordChangedOut,
  PasswordIn,
  RecoveryCodesOut,
  TwoFactorDisabledOut,
  TwoFactorEnabledOut,
  TwoFactorSetupOut,
  TwoFactorStatusOut,
} from '@myomap/contract/auth/account.schemas';
import { TwoFactorCodeIn } from '@myomap/contract/auth/auth.schemas';
import {
  changePassword,
  disableTwoFactor,
  enableTwoFactor,
  readTwoFactorStatus,
  replaceOwnRecoveryCodes,
  startTwoFactor,
} from '../../accounts/manage-own-account.ts';
import { permit, SIGN_IN_STEP } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

/** Each signed-in user's own account: password, and two-factor sign-in (accounts/manage-own-account.ts). */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/password',
    {
      config: { access: permit('account.manage'), errors: ['wrong_password', 'password_too_weak'], rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'changePassword',
        summary: "Change the signed-in user's password",
        tags: ['staff'],
        body: ChangePasswordIn,
        response: { 200: PasswordChangedOut },
      },
    },
    async (request) => changePassword(app.ctx, request, request.body, staffActor(request)),
  );

  app.get(
    '/auth/two-factor',
    {
      config: { access: SIGN_IN_STEP },
      schema: {
        operationId: 'getTwoFactorStatus',
        summary: 'Whether two-factor sign-in is on for the signed-in user',
        tags: ['staff'],
        response: { 200: TwoFactorStatusOut },
      },
    },
    async (request) => readTwoFactorStatus(app.ctx, request),
  );

  app.post(
    '/auth/two-factor/setup',
    {
      config: { access: SIGN_IN_STEP, errors: ['two_factor_already_enabled'] },
      schema: {
        operationId: 'startTwoFactorSetup',
        summary: 'Start two-factor enrolment (a new secret and QR code)',
        tags: ['staff'],
        response: { 200: TwoFactorSetupOut },
      },
    },
    async (request) => startTwoFactor(app.ctx, request),
  );

  app.post(
    '/auth/two-factor/enable',
    {
      config: {
        access: SIGN_IN_STEP,
        errors: ['invalid_two_factor_code', 'two_factor_not_started', 'two_factor_already_enabled'],
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'enableTwoFactor',
        summary: 'Turn two-factor sign-in on with a first code; returns recovery codes',
        tags: ['staff'],
        body: TwoFactorCodeIn,
        response: { 200: TwoFactorEnabledOut },
      },
    },
    async (request, reply) => enableTwoFactor(app.ctx, request, reply, request.body.code),
  );

  app.post(
    '/auth/two-factor/recovery-codes',
    {
      config: { access: permit('account.manage'), errors: ['wrong_password', 'two_factor_required'] },
      schema: {
        operationId: 'regenerateRecoveryCodes',
        summary: "Replace the signed-in user's recovery codes",
        tags: ['staff'],
        body: PasswordIn,
        response: { 200: RecoveryCodesOut },
      },
    },
    async (request) => replaceOwnRecoveryCodes(app.ctx, request.body.password, staffActor(request)),
  );

  app.post(
    '/auth/two-factor/disable',
    {
      config: { access: permit('account.manage'), errors: ['wrong_password', 'two_factor_required'] },
      schema: {
        operationId: 'disableTwoFactor',
        summary: 'Turn two-factor sign-in off',
        tags: ['staff'],
        body: PasswordIn,
        response: { 200: TwoFactorDisabledOut },
      },
    },
    async (request) => disableTwoFactor(app.ctx, request, request.body.password, staffActor(request)),
  );
};
