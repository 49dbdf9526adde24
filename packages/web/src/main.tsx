import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import i18n from './app/i18n.ts';
import './app/styles.css';
import { SERVER_DRAWN_PAGES } from './features/public-booking/public-routes.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
/**
 * Over a page the server drew, the first render is a transition: React yields to the browser every
 * few milliseconds while it builds the page, instead of one long task a tap would wait behind (on a
 * slow phone that task was most of the booking page's blocking time), and the drawn markup stays
 * on screen until the commit.
 */
const render = (element: HTMLElement, drawn: boolean) => {
  const root = createRoot(element);
  if (drawn) startTransition(() => root.render(app));
  else root.render(app);
};

/**
 * A page the server drew (its first screen is already on screen: /book's services) is replaced by the
 * app in one render, once that render cannot suspend: the page's chunk and its text in the reader's
 * language are in. Until then the server's markup stays, so nothing blanks or moves (issue 13).
 */
async function whenFirstRenderIsReady(): Promise<boolean> {
  const page = root?.hasChildNodes() ? SERVER_DRAWN_PAGES[window.location.pathname] : undefined;
  if (!page) return false;
  await Promise.all([page.preload(), i18n.loadNamespaces(['common', 'booking'])]);
  return true;
}

// Browsers with Temporal (Chromium 144+, Firefox 139+) download no polyfill; the others fetch it
// (about 19 KB gzipped) before the first render. App code reads the global Temporal only when it
// runs, never while its module loads, so nothing needs it earlier.
const temporal = 'Temporal' in globalThis ? Promise.resolve() : import('temporal-polyfill/global');
void Promise.all([temporal, whenFirstRenderIsReady()]).then(
  ([, drawn]) => render(root, drawn),
  () => render(root, false),
);
