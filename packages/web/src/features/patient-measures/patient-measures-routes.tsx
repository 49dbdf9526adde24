import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Loaded on demand, like the intake: a patient opening the link downloads the questions page without the staff app.
const PatientMeasuresPage = lazyPage(() => import('./pages/patient-measures-page.tsx'), 'PatientMeasuresPage', ['measures']);

/** The patient's outcome questions, opened from the reminder or check-in link, or on the clinic's tablet (issue 11). */
export const patientMeasuresRoutes = [
  <Route key="patient-measures" path="/measures/:token" element={<PatientMeasuresPage />} {...loadedBeforeNavigation(PatientMeasuresPage)} />,
];
