import { api } from '../../../lib/api-client.ts';
import type { SignInResult, StaffRole } from '../api/staff-api.ts';

// Declared beside StaffUser (staff-api.ts imports it for sign-in; declaring it here made an import cycle).
export type { SignInResult, SignInStage } from '../api/staff-api.ts';

/** Shapes of the account API (packages/server/src/routes/auth/account*.routes.ts, routes/staff/users.routes.ts). */
export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorSetup {
  secret: string;
  uri: string;
  qrSvg: string;
}

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
  active: boolean;
  passwordSet: boolean;
  twoFactorEnabled: boolean;
  twoFactorExempt: boolean;
}

export interface LinkInfo {
  purpose: 'setup' | 'invite' | 'reset';
  email: string | null;
  name: string | null;
}

export const accountsApi = {
  signInCode: (code: string) => api<SignInResult>('/api/auth/login/two-factor', { method: 'POST', body: { code } }),
  changePassword: (currentPassword: string, newPassword: string) => api<unknown>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
  twoFactor: () => api<TwoFactorStatus>('/api/auth/two-factor'),
  startTwoFactor: () => api<TwoFactorSetup>('/api/auth/two-factor/setup', { method: 'POST' }),
  enableTwoFactor: (code: string) => api<{ recoveryCodes: string[]; csrfToken: string }>('/api/auth/two-factor/enable', { method: 'POST', body: { code } }),
  newRecoveryCodes: (password: string) => api<{ recoveryCodes: string[] }>('/api/auth/two-factor/recovery-codes', { method: 'POST', body: { password } }),
  disableTwoFactor: (password: string) => api<unknown>('/api/auth/two-factor/disable', { method: 'POST', body: { password } }),
  link: (token: string) => api<LinkInfo>(`/api/auth/links/${encodeURIComponent(token)}`),
  useLink: (token: string, body: { password: string; email?: string; name?: string }) => api<unknown>(`/api/auth/links/${encodeURIComponent(token)}`, { method: 'POST', body }),
  users: () => api<StaffAccount[]>('/api/staff/users'),
  invite: (body: { email: string; name: string; role: StaffRole }) => api<unknown>('/api/staff/users', { method: 'POST', body }),
  userAction: (id: string, action: 'deactivate' | 'reactivate' | 'reset-password' | 'reset-two-factor') =>
    api<unknown>(`/api/staff/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
};
