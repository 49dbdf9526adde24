import { can } from '@myomap/domain/access/permissions';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken } from '../../../lib/api-client.ts';
import { staffApi, type StaffRole, type StaffUser } from '../api/staff-api.ts';
import type { SignInResult } from '../accounts/accounts-api.ts';

/** 'enrol': signed in with a password, and must set up two-factor sign-in before anything else. */
type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: StaffUser; stage: 'active' | 'enrol' };

interface SessionValue {
  state: SessionState;
  /** The password step; a 'two_factor' result leaves the user signed out until completeSignIn. */
  signIn(email: string, password: string): Promise<SignInResult>;
  /** Takes a later step's answer (code accepted, enrolment done) or a new CSRF token. */
  completeSignIn(result: { csrfToken: string; user?: StaffUser; stage?: SignInResult['stage'] }): void;
  signOut(everywhere: boolean): Promise<void>;
  /** Called when the server says the session ended (401): forget the user so the guard sends them to sign-in. */
  expire(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds who is signed in; asks /api/auth/me once, and keeps the CSRF token in the API client. */
export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    staffApi
      .me()
      .then((session) => {
        setCsrfToken(session.csrfToken);
        if (live) setState({ status: 'signed-in', user: session.user, stage: session.stage === 'enrol' ? 'enrol' : 'active' });
      })
      .catch(() => {
        if (live) setState({ status: 'signed-out' });
      });
    return () => {
      live = false;
    };
  }, []);

  const completeSignIn = useCallback((result: { csrfToken: string; user?: StaffUser; stage?: SignInResult['stage'] }) => {
    setCsrfToken(result.csrfToken);
    const { user, stage } = result;
    if (stage === 'two_factor') return;
    setState((current) => {
      const known = user ?? (current.status === 'signed-in' ? current.user : undefined);
      return known ? { status: 'signed-in', user: known, stage: stage === 'enrol' ? 'enrol' : 'active' } : current;
    });
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await staffApi.signIn(email, password);
      completeSignIn(result);
      return result;
    },
    [completeSignIn],
  );

  const signOut = useCallback(async (everywhere: boolean) => {
    try {
      await (everywhere ? staffApi.signOutEverywhere() : staffApi.signOut());
    } catch (error) {
      // An already-ended session is signed out anyway.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(undefined);
    setState({ status: 'signed-out' });
  }, []);

  const expire = useCallback(() => {
    setCsrfToken(undefined);
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo(() => ({ state, signIn, completeSignIn, signOut, expire }), [state, signIn, completeSignIn, signOut, expire]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useStaffSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useStaffSession must be used inside StaffSessionProvider');
  return value;
}

/** The signed-in user; only for components under the sign-in guard. */
export function useStaffUser(): StaffUser {
  const { state } = useStaffSession();
  if (state.status !== 'signed-in') throw new Error('useStaffUser needs a signed-in user');
  return state.user;
}

/**
 * Who may do what in the UI, read from the one permission table the server enforces
 * (@myomap/domain/access/permissions); the web only hides what the server would refuse.
 */
export const staffAbilities = (role: StaffRole) => ({
  book: can(role, 'calendar.write'),
  admin: can(role, 'catalog.manage'),
  exceptions: can(role, 'exceptions.write'),
  mailbox: can(role, 'mailbox.read'),
  audit: can(role, 'audit.read'),
  /** Flagged online bookings (/staff/suspicious-bookings): keep or release. */
  suspiciousBookings: can(role, 'bookings.review'),
  /** The physician review queue (/staff/reviews). */
  reviews: can(role, 'review.queue.read'),
  /** Alerts (/staff/alerts) and the other clinical pages. */
  clinical: can(role, 'alerts.read'),
  /** The intake form on the reception tablet (/staff/appointments/:id/intake). */
  intake: can(role, 'intake.fill'),
});
