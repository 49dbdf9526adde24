import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Each page loads on demand, with its text, before the router shows it (lib/lazy-page.ts).
const AlertsPage = lazyPage(() => import('./pages/alerts-page.tsx'), 'AlertsPage', ['errors', 'treatment']);
const HandoutPage = lazyPage(() => import('./pages/handout-page.tsx'), 'HandoutPage', ['errors', 'treatment']);
const NotePage = lazyPage(() => import('./pages/note-page.tsx'), 'NotePage', ['bodyChart', 'errors', 'treatment']);
const NotePrintPage = lazyPage(() => import('./pages/note-print-page.tsx'), 'NotePrintPage', ['bodyChart', 'errors', 'treatment']);
const PlanPage = lazyPage(() => import('./pages/plan-page.tsx'), 'PlanPage', ['errors', 'treatment']);

/** Treatment plans, series booking, session notes and alerts: for app.tsx to place inside the staff frame. */
export const treatmentRoutes = [
  <Route key="treatment-plan" path="/staff/plans/:id" element={<PlanPage />} {...loadedBeforeNavigation(PlanPage)} />,
  <Route key="treatment-note" path="/staff/notes/:id" element={<NotePage />} {...loadedBeforeNavigation(NotePage)} />,
  <Route key="treatment-alerts" path="/staff/alerts" element={<AlertsPage />} {...loadedBeforeNavigation(AlertsPage)} />,
];

/** Print views: signed-in staff only, without the frame's bars (each has its own toolbar, hidden in print). */
export const treatmentPrintRoutes = [
  <Route key="treatment-handout" path="/staff/plans/:id/handout" element={<HandoutPage />} {...loadedBeforeNavigation(HandoutPage)} />,
  <Route key="treatment-note-print" path="/staff/notes/:id/print" element={<NotePrintPage />} {...loadedBeforeNavigation(NotePrintPage)} />,
];
