import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads once per change of `key` and ignores answers that arrive after the key moved on
 * (a quick "next week, next week" must not show the first week's slots last).
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data?: T | undefined; error?: unknown; loading: boolean }>({ key: null, loading: key !== null });
  const [round, setRound] = useState(0);
  // `load` is a fresh closure every render and `key` names what it loads: the effect reads the latest
  // `load` through a ref and reruns only when the key (or a reload) asks for it.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    if (key === null) return undefined;
    let current = true;
    setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, loading: true }));
    loadRef.current().then(
      (data) => current && setState({ key, data, loading: false }),
      (error: unknown) => current && setState({ key, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: key !== null && (!fresh || state.loading), reload };
}
