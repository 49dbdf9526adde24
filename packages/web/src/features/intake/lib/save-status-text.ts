import type { TFunction } from 'i18next';
import type { SaveState } from './use-progressive-save.ts';

/** The words of the intake's save status (errorText: lib/api/use-error-text.ts): "Saved" / "Saving…" / "Offline – will retry". */
export function saveStatusText(state: SaveState, t: TFunction<'intake'>, errorText: (error: unknown) => string): string {
  switch (state.status) {
    case 'saving':
      return t('save.saving');
    case 'saved':
      return t('save.saved');
    case 'pending':
      return t('save.pending');
    case 'offline':
      return t('save.offline');
    case 'failed':
      return t('save.failed', { message: state.error?.code === 'conflict' ? t('errors.alreadySubmitted') : errorText(state.error) });
    default:
      return '';
  }
}

/** Answers not yet on the server (they are kept in this browser, but the patient should know). */
export function hasUnsavedAnswers(state: SaveState): boolean {
  return state.status === 'pending' || state.status === 'saving' || state.status === 'offline';
}
