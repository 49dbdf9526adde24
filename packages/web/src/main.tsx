import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstPageLoaded } from './app/app.tsx';
import './app/styles.css';

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

// Browsers with Temporal (Chromium 144+, Firefox 139+) download no polyfill; the others fetch it
// (about 19 KB gzipped) before the first render. App code reads the global Temporal only when it
// runs, never while its module loads, so nothing needs it earlier.
const temporal = 'Temporal' in globalThis ? Promise.resolve() : import('temporal-polyfill/global');
// The first render waits for the first page's module and text (app.tsx), so it never suspends: over a
// page the server drew (/book's services) the drawn markup stays until the same page replaces it.
const drawn = root.hasChildNodes();
void Promise.all([temporal, firstPageLoaded]).then(
  () => render(root, drawn),
  () => render(root, false),
);
