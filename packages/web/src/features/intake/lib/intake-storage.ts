import type { IntakeAnswers } from '@myomap/domain/screening/intake-answers';

/**
 * The device's copy of the answers, so nothing is lost when the connection drops or the tab
 * closes before a save. `dirty` means the server may not have the latest answers yet.
 */
export interface LocalCopy {
  answers: IntakeAnswers;
  dirty: boolean;
  at: string;
}

function isLocalCopy(value: unknown): value is LocalCopy {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Partial<LocalCopy>;
  return typeof copy.answers === 'object' && copy.answers !== null && typeof copy.dirty === 'boolean';
}

export function readLocalCopy(key: string): LocalCopy | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return isLocalCopy(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

// Storage can be full or switched off (private browsing); the server copy still works then.
export function writeLocalCopy(key: string, answers: IntakeAnswers, dirty: boolean): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ answers, dirty, at: new Date().toISOString() } satisfies LocalCopy));
  } catch {
    /* keep going without a local copy */
  }
}

/** After submitting: health answers should not stay on a shared device. */
export function clearLocalCopy(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}
