import type { CurrentSession, SessionResponse, SignedOutOut, StaffUser } from '@myomap/contract/auth/auth.schemas';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api, ApiError, setCsrfToken } from '../api/api-client.ts';

export type { StaffUser } from '@myomap/contract/auth/auth.schemas';

/** 'enrol': signed in with a password, and must set up two-factor sign-in before anything else. */
interface SignedIn {
  user: StaffUser;
  stage: 'active' | 'enrol';
}

export type StaffSessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'error' } | ({ status: 'signed-in' } & SignedIn);

const sessionKey = ['staff-session'] as const;

/** Who is signed in: asked once (GET /api/auth/me), then kept up to date by sign-in, sign-out and any 401. */
export const staffSessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<SignedIn | null> => {
    try {
      const session = await api<CurrentSession>('/api/auth/me');
      setCsrfToken(session.csrfToken);
      return { user: session.user, stage: session.stage };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

/**
 * Ends the session in the browser: forgets the user and every screen's cached data (health data is
 * not kept after sign-out). The API client calls this on any 401 (lib/api/api-client.ts onUnauthorized),
 * and the staff frame then sends the user to sign-in.
 */
export function endStaffSession(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  if (queryClient.getQueryData(sessionKey) === null) return;
  queryClient.setQueryData(sessionKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] && query.queryKey[0] !== 'clinic' });
}

export interface StaffSession {
  state: StaffSessionState;
  /** The password step; a 'two_factor' result leaves the user signed out until completeSignIn. */
  signIn(email: string, password: string): Promise<SessionResponse>;
  /** Takes a later step's answer (code accepted, enrolment done) or a new CSRF token. */
  completeSignIn(result: { csrfToken: string; user?: StaffUser; stage?: SessionResponse['stage'] }): void;
  signOut(everywhere: boolean): Promise<void>;
}

/** The one session hook of the staff app. */
export function useStaffSession(): StaffSession {
  const queryClient = useQueryClient();
  const query = useQuery(staffSessionQuery);

  const completeSignIn = useCallback(
    (result: { csrfToken: string; user?: StaffUser; stage?: SessionResponse['stage'] }) => {
      setCsrfToken(result.csrfToken);
      if (result.stage === 'two_factor') return;
      const stage = result.stage === 'enrol' ? 'enrol' : 'active';
      queryClient.setQueryData(sessionKey, (current: SignedIn | null | undefined) => {
        const user = result.user ?? current?.user;
        return user ? { user, stage } : (current ?? null);
      });
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await api<SessionResponse>('/api/auth/login', { method: 'POST', body: { email, password } });
      completeSignIn(result);
      return result;
    },
    [completeSignIn],
  );

  const signOut = useCallback(
    async (everywhere: boolean) => {
      try {
        await api<SignedOutOut>(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout', { method: 'POST' });
      } catch (error) {
        // An already-ended session is signed out anyway.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      endStaffSession(queryClient);
    },
    [queryClient],
  );

  const state: StaffSessionState = useMemo(() => {
    if (query.data) return { status: 'signed-in', ...query.data };
    if (query.data === null) return { status: 'signed-out' };
    return query.isError ? { status: 'error' } : { status: 'loading' };
  }, [query.data, query.isError]);

  return useMemo(() => ({ state, signIn, completeSignIn, signOut }), [state, signIn, completeSignIn, signOut]);
}

/** The signed-in user; only for components inside the staff frame, which renders them once someone is signed in. */
export function useStaffUser(): StaffUser {
  const { data } = useQuery(staffSessionQuery);
  if (!data) throw new Error('useStaffUser needs a signed-in user (use it inside StaffFrame)');
  return data.user;
}
