import { StrictMode } from 'react';
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
// Browsers with Temporal (Chromium 144+, Firefox 139+) download no polyfill; the others fetch it
// (about 19 KB gzipped) before the first render. App code reads the global Temporal only when it
// runs, never while its module loads, so nothing needs it earlier.
const temporal = 'Temporal' in globalThis ? Promise.resolve() : import('temporal-polyfill/global');
// The first render waits for the first page's module and text (app.tsx), so it never suspends: over a
// page the server drew (/book's services) the drawn markup stays until the same page replaces it, in
// one task (Preact, the browser build, renders synchronously). A failed load renders too: the router
// shows its error.
void Promise.allSettled([temporal, firstPageLoaded]).then(() => createRoot(root).render(app));
