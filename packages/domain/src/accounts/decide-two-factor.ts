export type StaffRoleName = 'admin' | 'reception' | 'therapist' | 'physician';

/**
 * Two-factor sign-in is required for the roles that can read every clinical record or change
 * who has access (admin) and for physicians, who clear patients for treatment (issue 8.2;
 * ASVS 4.0.3 V2.2.3 for accounts with elevated rights). Other roles may opt in.
 * `exempt` is set only on the seeded demo accounts, which production never creates.
 */
export function isTwoFactorRequired(role: StaffRoleName, exempt: boolean): boolean {
  if (exempt) return false;
  return role === 'admin' || role === 'physician';
}

export type SignInStage = 'active' | 'two_factor' | 'enrol';

/**
 * What a correct password leads to: a full session, a second step asking for a code (the user
 * has two-factor), or a session that may do nothing but enrol (required and not yet set up).
 */
export function decideSignInStage(user: { role: StaffRoleName; twoFactorEnabled: boolean; twoFactorExempt: boolean }): SignInStage {
  if (user.twoFactorEnabled) return 'two_factor';
  return isTwoFactorRequired(user.role, user.twoFactorExempt) ? 'enrol' : 'active';
}
