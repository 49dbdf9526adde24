import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api/api-client.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'missing' } | { status: 'error' };

/** Loads once per key; `reload` fetches again, `set` replaces the data with a server answer. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((data) => live && setState({ status: 'ready', data }))
      .catch((error: unknown) => live && setState(error instanceof ApiError && error.status === 404 ? { status: 'missing' } : { status: 'error' }));
    return () => {
      live = false;
    };
    // `load` is a new closure each render; the key says when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, set };
}
