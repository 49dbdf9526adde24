import { can } from '@myomap/domain/access/permissions';
import { createContext, useContext, type ReactNode } from 'react';
import { useStaffSession } from '../../../lib/use-staff-session.ts';
import type { StaffUser } from '../api/treatment-api.ts';

export type SessionState = { status: 'loading' } | { status: 'ready'; user: StaffUser } | { status: 'signed-out' } | { status: 'error' };

/** Who is signed in (the shared hook, which also picks up the CSRF token for writes). */
export function useStaffSessionState(): SessionState {
  return useStaffSession();
}

const UserContext = createContext<StaffUser | null>(null);

export function StaffUserProvider({ user, children }: { user: StaffUser; children: ReactNode }) {
  return <UserContext value={user}>{children}</UserContext>;
}

/** The signed-in user; only inside TreatmentLayout. */
export function useStaffUser(): StaffUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useStaffUser needs TreatmentLayout');
  return user;
}

/** Who may do what here, from the one permission table; the server enforces the same table. */
export const treatmentAbilities = (role: string) => ({
  writePlan: can(role, 'plan.write'),
  cosign: can(role, 'plan.cosign'),
  bookSeries: can(role, 'plan.series.book'),
  writeNote: can(role, 'note.write'),
});
