import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Each page loads on demand, with its text, before the router shows it (lib/lazy-page.ts).
const AssessmentPage = lazyPage(() => import('./pages/assessment-page.tsx'), 'AssessmentPage', ['bodyChart', 'clinical', 'errors']);
const DuplicatesPage = lazyPage(() => import('./pages/duplicates-page.tsx'), 'DuplicatesPage', ['clinical', 'errors']);
const MergePage = lazyPage(() => import('./pages/merge-page.tsx'), 'MergePage', ['clinical', 'errors']);
const PatientPage = lazyPage(() => import('./pages/patient-page.tsx'), 'PatientPage', ['clinical', 'errors']);
const PatientsPage = lazyPage(() => import('./pages/patients-page.tsx'), 'PatientsPage', ['clinical', 'errors']);

/** The clinical record: patients, their visits and assessments on the body chart. Staff only. */
export const clinicalRoutes = [
  <Route key="clinical-patients" path="/staff/patients" element={<PatientsPage />} {...loadedBeforeNavigation(PatientsPage)} />,
  <Route key="clinical-duplicates" path="/staff/patients/duplicates" element={<DuplicatesPage />} {...loadedBeforeNavigation(DuplicatesPage)} />,
  <Route key="clinical-patient" path="/staff/patients/:id" element={<PatientPage />} {...loadedBeforeNavigation(PatientPage)} />,
  <Route key="clinical-merge" path="/staff/patients/:id/merge" element={<MergePage />} {...loadedBeforeNavigation(MergePage)} />,
  <Route key="clinical-assessment" path="/staff/assessments/:id" element={<AssessmentPage />} {...loadedBeforeNavigation(AssessmentPage)} />,
];
