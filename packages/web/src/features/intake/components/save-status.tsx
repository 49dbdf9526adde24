import type { SaveState } from '../lib/use-progressive-save.ts';
import { useTranslation } from 'react-i18next';

/** "Saved" / "Saving…" / "Offline – will retry", announced politely as it changes. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation('intake');
  const text =
    state.status === 'saving'
      ? t('save.saving')
      : state.status === 'saved'
        ? t('save.saved')
        : state.status === 'pending'
          ? t('save.pending')
          : state.status === 'offline'
            ? t('save.offline')
            : state.status === 'failed'
              ? t('save.failed', { message: state.error?.code === 'conflict' ? t('errors.alreadySubmitted') : t('errors.generic') })
              : '';
  return (
    <p className={`ik-save ik-save--${state.status}`} role="status" aria-live="polite" data-status={state.status}>
      {text}
    </p>
  );
}
