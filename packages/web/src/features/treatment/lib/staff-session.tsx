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

/** Who may do what here; the server checks the same roles again. */
export const treatmentAbilities = (role: string) => ({
  writePlan: role === 'therapist' || role === 'physician',
  cosign: role === 'physician',
  bookSeries: role === 'admin' || role === 'reception' || role === 'therapist',
  writeNote: role === 'therapist' || role === 'physician',
});
