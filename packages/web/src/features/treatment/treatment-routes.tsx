import { Route } from 'react-router';
import './treatment.css';
import { lazyPage } from '../../lib/lazy-page.ts';

// Each page loads on demand (lib/lazy-page.ts).
const AftercarePage = lazyPage(() => import('./pages/aftercare-page.tsx'), 'AftercarePage');
const AlertsPage = lazyPage(() => import('./pages/alerts-page.tsx'), 'AlertsPage');
const HandoutPage = lazyPage(() => import('./pages/handout-page.tsx'), 'HandoutPage');
const NotePage = lazyPage(() => import('./pages/note-page.tsx'), 'NotePage');
const NotePrintPage = lazyPage(() => import('./pages/note-print-page.tsx'), 'NotePrintPage');
const PlanPage = lazyPage(() => import('./pages/plan-page.tsx'), 'PlanPage');

/** Treatment plans, series booking, session notes and alerts: for app.tsx to place inside the staff frame. */
export const treatmentRoutes = [
  <Route key="treatment-plan" path="/staff/plans/:id" element={<PlanPage />} />,
  <Route key="treatment-note" path="/staff/notes/:id" element={<NotePage />} />,
  <Route key="treatment-alerts" path="/staff/alerts" element={<AlertsPage />} />,
];

/** Print views: signed-in staff only, without the frame's bars (each has its own toolbar, hidden in print). */
export const treatmentPrintRoutes = [
  <Route key="treatment-handout" path="/staff/plans/:id/handout" element={<HandoutPage />} />,
  <Route key="treatment-note-print" path="/staff/notes/:id/print" element={<NotePrintPage />} />,
];

/** The aftercare check-in, opened by the patient from the link sent after a session. Public. */
export const aftercareRoutes = [<Route key="treatment-aftercare" path="/aftercare/:token" element={<AftercarePage />} />];
