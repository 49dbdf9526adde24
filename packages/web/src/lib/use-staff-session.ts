import { useEffect, useState } from 'react';
import type { CurrentSession, StaffUser } from '@myomap/contract/auth/auth.schemas';
import { api, ApiError, setCsrfToken } from './api-client.ts';

export type { StaffUser } from '@myomap/contract/auth/auth.schemas';

export type StaffSessionState = { status: 'loading' } | { status: 'ready'; user: StaffUser } | { status: 'signed-out' } | { status: 'error' };

/**
 * Staff pages can be opened directly (a bookmark, a reload) before the staff shell has signed
 * in: ask the server who is signed in and pick up the CSRF token that writes need.
 */
export function useStaffSession(): StaffSessionState {
  const [state, setState] = useState<StaffSessionState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api<CurrentSession>('/api/auth/me').then(
      (session) => {
        setCsrfToken(session.csrfToken);
        if (live) setState({ status: 'ready', user: session.user });
      },
      (error: unknown) => {
        if (live) setState(error instanceof ApiError && error.status === 401 ? { status: 'signed-out' } : { status: 'error' });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
