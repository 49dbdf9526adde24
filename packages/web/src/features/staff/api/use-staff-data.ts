import { useCallback, useEffect, useRef, useState } from 'react';

interface DataState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a staff screen and reloads it when `key` changes; a late answer for an old key is
 * ignored. (A 401 ends the session in the API client, lib/api/api-client.ts.)
 * TODO(issue 10): being replaced by TanStack Query options per feature.
 */
export function useStaffData<T>(load: () => Promise<T>, key: string): DataState<T> {
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
        if (live) setState((previous) => ({ ...previous, error, loading: false }));
      });
    return () => {
      live = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

/** For actions (save, cancel): nothing left to do, the API client ends the session on a 401. */
export function useSessionGuard(): (error: unknown) => void {
  return useCallback(() => undefined, []);
}
