import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, startRouter } from './app/app.tsx';
import { startText } from './app/i18n.ts';
import { holdLaterParts } from './lib/server-drawn.tsx';
import './app/styles.css';

/**
 * Ends the current task, so the browser can paint and answer a tap before the next boot step (issue 13:
 * on a phone each step is one long task, and total blocking time counts each one's excess over 50 ms).
 * scheduler.yield() (Chromium 129+, Firefox 142+) resumes ahead of other queued work; elsewhere a timer.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The app starts in steps, each a task of its own: the modules' evaluation (this module's imports),
 * the text (i18next), the router (which starts loading the first page's module and text), then the
 * first render once that page has loaded, so the first render never suspends.
 *
 * A page the server drew (/book's services, packages/server/src/lib/web-pages.ts), in the language the
 * app chose, is taken over where it stands: the app draws the same markup, so it only attaches its
 * handlers (hydration), with nothing rebuilt or laid out again. Drawn in another language, it is
 * replaced in one task (Preact renders synchronously). A failed load renders too: the router shows its error.
 */
async function boot(root: HTMLElement): Promise<void> {
  // Browsers with Temporal (Chromium 144+, Firefox 139+) download no polyfill; the others fetch it
  // (about 19 KB gzipped) before the first render. App code reads the global Temporal only when it
  // runs, never while its module loads, so nothing needs it earlier.
  const temporal = 'Temporal' in globalThis ? Promise.resolve() : import('temporal-polyfill/global');
  await nextTask();
  const i18n = startText();
  await nextTask();
  const firstPageLoaded = startRouter();
  await Promise.allSettled([temporal, firstPageLoaded]);
  await nextTask();
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  if (root.dataset.drawnIn === i18n.language && root.firstElementChild) {
    // The parts in <HydrateLater> (lib/server-drawn.tsx) are hydrated in the tasks after this one,
    // a turn each; a task after the last, the page is the app's, and #root no longer says it was drawn.
    const lastTurn = holdLaterParts(nextTask);
    hydrateRoot(root, app);
    void lastTurn.then(nextTask).then(() => root.removeAttribute('data-drawn-in'));
  } else {
    // Drawn in another language (or not drawn): rendered afresh, and no longer the server's drawing.
    root.removeAttribute('data-drawn-in');
    createRoot(root).render(app);
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
void boot(root);
