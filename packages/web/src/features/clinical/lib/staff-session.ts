import { useEffect, useState } from 'react';
import { api, ApiError, setCsrfToken } from '../../../lib/api-client.ts';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

let csrfToken: string | undefined;

/** The token the last /api/auth/me gave; multipart uploads need it outside api(). */
export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

export type SessionState = { status: 'loading' } | { status: 'ready'; user: StaffUser } | { status: 'signed-out' } | { status: 'error' };

/**
 * Clinical pages may be opened directly (a bookmark, a reload), before the staff shell has
 * signed in; ask the server who is signed in and pick up the CSRF token for writes.
 */
export function useStaffSession(): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api<{ user: StaffUser; csrfToken: string }>('/api/auth/me')
      .then((session) => {
        csrfToken = session.csrfToken;
        setCsrfToken(session.csrfToken);
        if (live) setState({ status: 'ready', user: session.user });
      })
      .catch((error: unknown) => {
        if (!live) return;
        setState(error instanceof ApiError && error.status === 401 ? { status: 'signed-out' } : { status: 'error' });
      });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
