import type { IntakeAnswers } from '@myomap/domain/screening/intake-answers';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api/api-client.ts';
import type { SaveResult } from '../api/intake-api.ts';
import { writeLocalCopy } from './intake-storage.ts';

/**
 * Saves the answers a moment after each change, one request at a time, and keeps retrying
 * after a dropped connection; the device keeps a copy meanwhile (intake-storage.ts). A newer
 * change made while a save is on its way is sent as soon as that save returns.
 */

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'failed';

export interface SaveState {
  status: SaveStatus;
  savedAt: string | undefined;
  /** The required questions still blank, as the last successful save reported them. */
  missingRequired: readonly string[] | undefined;
  error: ApiError | undefined;
}

export interface ProgressiveSave extends SaveState {
  /** Starts from answers the server already has (nothing to send). */
  reset(answers: IntakeAnswers, savedAt: string | undefined): void;
  change(answers: IntakeAnswers): void;
  /** Sends whatever is pending now; true when the server has the latest answers. */
  flush(): Promise<boolean>;
}

const DEBOUNCE_MS = 700;
// Backing off, then every 30 s until the connection comes back (or the 'online' event fires).
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/** Network failures, server errors and rate limits pass; a refusal (400, 404, 409) would only repeat. */
function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'unknown_error', String(error)));

export function useProgressiveSave(save: (answers: IntakeAnswers) => Promise<SaveResult>, storageKey: string): ProgressiveSave {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const latest = useRef<IntakeAnswers | undefined>(undefined);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const halted = useRef(false);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const debounceTimer = useRef<number | undefined>(undefined);
  const retryTimer = useRef<number | undefined>(undefined);
  const attempts = useRef(0);
  const [state, setState] = useState<SaveState>({ status: 'idle', savedAt: undefined, missingRequired: undefined, error: undefined });

  const run = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const answers = latest.current;
    const sending = version.current;
    if (!answers || sending === savedVersion.current) return Promise.resolve();
    window.clearTimeout(retryTimer.current);
    retryTimer.current = undefined;
    halted.current = false;
    setState((s) => ({ ...s, status: 'saving' }));
    const request = saveRef.current(answers).then(
      (result) => {
        savedVersion.current = sending;
        attempts.current = 0;
        const current = sending === version.current;
        if (current) writeLocalCopy(storageKey, answers, false);
        setState({ status: current ? 'saved' : 'pending', savedAt: result.savedAt, missingRequired: result.missingRequired, error: undefined });
      },
      (error: unknown) => {
        if (isRetryable(error)) {
          const delay = RETRY_DELAYS_MS[Math.min(attempts.current, RETRY_DELAYS_MS.length - 1)];
          attempts.current += 1;
          retryTimer.current = window.setTimeout(() => {
            retryTimer.current = undefined;
            void run();
          }, delay);
          setState((s) => ({ ...s, status: 'offline', error: asApiError(error) }));
        } else {
          halted.current = true;
          setState((s) => ({ ...s, status: 'failed', error: asApiError(error) }));
        }
      },
    );
    const settled = request.finally(() => {
      inFlight.current = undefined;
      const waiting = retryTimer.current !== undefined || debounceTimer.current !== undefined || halted.current;
      if (!waiting && version.current !== savedVersion.current) void run();
    });
    inFlight.current = settled;
    return settled;
  }, [storageKey]);

  const reset = useCallback((answers: IntakeAnswers, savedAt: string | undefined) => {
    latest.current = answers;
    version.current = 0;
    savedVersion.current = 0;
    setState({ status: savedAt ? 'saved' : 'idle', savedAt, missingRequired: undefined, error: undefined });
  }, []);

  const change = useCallback(
    (answers: IntakeAnswers) => {
      latest.current = answers;
      version.current += 1;
      writeLocalCopy(storageKey, answers, true);
      // While offline the banner stays until a retry gets through.
      setState((s) => (s.status === 'offline' ? s : { ...s, status: 'pending' }));
      window.clearTimeout(debounceTimer.current);
      debounceTimer.current = window.setTimeout(() => {
        debounceTimer.current = undefined;
        if (retryTimer.current === undefined) void run();
      }, DEBOUNCE_MS);
    },
    [run, storageKey],
  );

  const flush = useCallback(async () => {
    window.clearTimeout(debounceTimer.current);
    debounceTimer.current = undefined;
    for (let attempt = 0; attempt < 3 && version.current !== savedVersion.current; attempt += 1) {
      window.clearTimeout(retryTimer.current);
      retryTimer.current = undefined;
      await run();
      if (halted.current) break;
    }
    return version.current === savedVersion.current;
  }, [run]);

  useEffect(() => {
    const online = () => {
      if (version.current === savedVersion.current) return;
      attempts.current = 0;
      void run();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(debounceTimer.current);
      window.clearTimeout(retryTimer.current);
    };
  }, [run]);

  return useMemo(() => ({ ...state, reset, change, flush }), [state, reset, change, flush]);
}
