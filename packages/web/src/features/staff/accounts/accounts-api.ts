import { api } from '../../../lib/api/api-client.ts';
import type { LinkInfo, LinkUsedOut } from '@myomap/contract/auth/account-links.schemas';
import type {
  PasswordChangedOut,
  RecoveryCodesOut,
  TwoFactorDisabledOut,
  TwoFactorEnabledOut,
  TwoFactorSetupOut,
  TwoFactorStatusOut,
} from '@myomap/contract/auth/account.schemas';
import type { SessionResponse, SignInStage } from '@myomap/contract/auth/auth.schemas';
import type { CalendarFeedLinkOut } from '@myomap/contract/staff/calendar-feed.schemas';
import type { ActiveSetOut, InvitedOut, InviteIn, ResetSentOut, StaffAccount, TwoFactorResetOut } from '@myomap/contract/staff/users.schemas';

/** Shapes of the account API, derived from the contract (packages/contract/src/auth, staff/users). */
export type { LinkInfo, SignInStage, StaffAccount };
export type SignInResult = SessionResponse;
export type TwoFactorStatus = TwoFactorStatusOut;
export type TwoFactorSetup = TwoFactorSetupOut;

export const accountsApi = {
  signInCode: (code: string) => api<SignInResult>('/api/auth/login/two-factor', { method: 'POST', body: { code } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<PasswordChangedOut>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
  twoFactor: () => api<TwoFactorStatus>('/api/auth/two-factor'),
  startTwoFactor: () => api<TwoFactorSetup>('/api/auth/two-factor/setup', { method: 'POST' }),
  enableTwoFactor: (code: string) => api<TwoFactorEnabledOut>('/api/auth/two-factor/enable', { method: 'POST', body: { code } }),
  newRecoveryCodes: (password: string) => api<RecoveryCodesOut>('/api/auth/two-factor/recovery-codes', { method: 'POST', body: { password } }),
  disableTwoFactor: (password: string) => api<TwoFactorDisabledOut>('/api/auth/two-factor/disable', { method: 'POST', body: { password } }),
  calendarFeed: () => api<CalendarFeedLinkOut>('/api/staff/account/calendar-feed'),
  rotateCalendarFeed: () => api<CalendarFeedLinkOut>('/api/staff/account/calendar-feed/rotate', { method: 'POST' }),
  link: (token: string) => api<LinkInfo>(`/api/auth/links/${encodeURIComponent(token)}`),
  useLink: (token: string, body: { password: string; email?: string; name?: string }) =>
    api<LinkUsedOut>(`/api/auth/links/${encodeURIComponent(token)}`, { method: 'POST', body }),
  users: () => api<StaffAccount[]>('/api/staff/users'),
  invite: (body: Pick<InviteIn, 'email' | 'name' | 'role'>) => api<InvitedOut>('/api/staff/users', { method: 'POST', body }),
  userAction: (id: string, action: 'deactivate' | 'reactivate' | 'reset-password' | 'reset-two-factor') =>
    api<ActiveSetOut | ResetSentOut | TwoFactorResetOut>(`/api/staff/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
};
