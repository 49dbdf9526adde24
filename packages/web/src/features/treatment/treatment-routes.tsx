import { Route } from 'react-router';
import './treatment.css';
import { AftercarePage } from './pages/aftercare-page.tsx';
import { AlertsPage } from './pages/alerts-page.tsx';
import { HandoutPage } from './pages/handout-page.tsx';
import { NotePage } from './pages/note-page.tsx';
import { NotePrintPage } from './pages/note-print-page.tsx';
import { PlanPage } from './pages/plan-page.tsx';

/**
 * Treatment plans, series booking, session notes and aftercare. Staff pages sign in through
 * /staff/sign-in; the aftercare page is public, opened by the link sent after a session.
 */
export const treatmentRoutes = [
  <Route key="treatment-plan" path="/staff/plans/:id" element={<PlanPage />} />,
  <Route key="treatment-handout" path="/staff/plans/:id/handout" element={<HandoutPage />} />,
  <Route key="treatment-note" path="/staff/notes/:id" element={<NotePage />} />,
  <Route key="treatment-note-print" path="/staff/notes/:id/print" element={<NotePrintPage />} />,
  <Route key="treatment-alerts" path="/staff/alerts" element={<AlertsPage />} />,
  <Route key="treatment-aftercare" path="/aftercare/:token" element={<AftercarePage />} />,
];
