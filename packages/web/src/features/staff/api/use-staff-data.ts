import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { useStaffSession } from '../session/staff-session.tsx';

interface DataState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a staff screen and reloads it when `key` changes. A 401 ends the session
 * (the guard then shows sign-in); a late answer for an old key is ignored.
 */
export function useStaffData<T>(load: () => Promise<T>, key: string): DataState<T> {
  const { expire } = useStaffSession();
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef
      .current()
      .then((data) => {
        if (live) setState({ data, error: undefined, loading: false });
      })
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) expire();
        setState((previous) => ({ ...previous, error, loading: false }));
      });
    return () => {
      live = false;
    };
  }, [key, round, expire]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

/** For actions (save, cancel): reports a 401 to the session and rethrows. */
export function useSessionGuard(): (error: unknown) => void {
  const { expire } = useStaffSession();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) expire();
    },
    [expire],
  );
}
