import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Loaded on demand, with their text, before the router shows them (lib/lazy-page.ts); the chart
// library loads with the first chart. Most staff sessions never open these pages.
const PatientOutcomesPage = lazyPage(() => import('./pages/patient-outcomes-page.tsx'), 'PatientOutcomesPage', ['errors', 'outcomes']);
const OutcomeReportPage = lazyPage(() => import('./pages/outcome-report-page.tsx'), 'OutcomeReportPage', ['errors', 'outcomes']);

/** A patient's episodes and progress, and the clinic's outcome report. For app.tsx to place inside the staff frame. */
export const outcomesRoutes = [
  <Route key="outcomes-patient" path="/staff/patients/:id/outcomes" element={<PatientOutcomesPage />} {...loadedBeforeNavigation(PatientOutcomesPage)} />,
  <Route key="outcomes-report" path="/staff/reports/outcomes" element={<OutcomeReportPage />} {...loadedBeforeNavigation(OutcomeReportPage)} />,
];
