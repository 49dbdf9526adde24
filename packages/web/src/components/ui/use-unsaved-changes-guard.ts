import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Warns before edits are lost. While `dirty` is true:
 * - closing the tab, reloading or typing another address asks the browser's own question
 *   (`beforeunload`; browsers show their standard text, not ours);
 * - following a link or the back button inside the app asks `message` and stays if the user
 *   says no (react-router's useBlocker, which needs the data router made in app.tsx). The
 *   question defaults to the common "You have unsaved changes…" text.
 * Navigation that only changes the query string or hash on the same page is never blocked.
 */
export function useUnsavedChangesGuard(dirty: boolean, message?: string): void {
  const { t } = useTranslation('common');
  const question = message ?? t('unsavedChanges.leave');
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);
}
