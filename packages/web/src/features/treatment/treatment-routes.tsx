import { Route } from 'react-router';
import './treatment.css';
import { AftercarePage } from './pages/aftercare-page.tsx';
import { AlertsPage } from './pages/alerts-page.tsx';
import { HandoutPage } from './pages/handout-page.tsx';
import { NotePage } from './pages/note-page.tsx';
import { NotePrintPage } from './pages/note-print-page.tsx';
import { PlanPage } from './pages/plan-page.tsx';

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
