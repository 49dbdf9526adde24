import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken } from '../../../lib/api-client.ts';
import { treatmentApi, type StaffUser } from '../api/treatment-api.ts';

export type SessionState = { status: 'loading' } | { status: 'ready'; user: StaffUser } | { status: 'signed-out' } | { status: 'error' };

/**
 * Treatment pages may be opened directly (a bookmark, a link in an alert): ask the server who is
 * signed in, and pick up the CSRF token for writes.
 */
export function useStaffSessionState(): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    treatmentApi
      .me()
      .then((session) => {
        setCsrfToken(session.csrfToken);
        if (live) setState({ status: 'ready', user: session.user });
      })
      .catch((error: unknown) => {
        if (live) setState(error instanceof ApiError && error.status === 401 ? { status: 'signed-out' } : { status: 'error' });
      });
    return () => {
      live = false;
    };
  }, []);
  return state;
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
