import { Route } from 'react-router';
import './clinical.css';
import { lazyPage } from '../../lib/lazy-page.ts';

// Each page loads on demand (lib/lazy-page.ts).
const AssessmentPage = lazyPage(() => import('./pages/assessment-page.tsx'), 'AssessmentPage');
const DuplicatesPage = lazyPage(() => import('./pages/duplicates-page.tsx'), 'DuplicatesPage');
const MergePage = lazyPage(() => import('./pages/merge-page.tsx'), 'MergePage');
const PatientPage = lazyPage(() => import('./pages/patient-page.tsx'), 'PatientPage');
const PatientsPage = lazyPage(() => import('./pages/patients-page.tsx'), 'PatientsPage');

/** The clinical record: patients, their visits and assessments on the body chart. Staff only. */
export const clinicalRoutes = [
  <Route key="clinical-patients" path="/staff/patients" element={<PatientsPage />} />,
  <Route key="clinical-duplicates" path="/staff/patients/duplicates" element={<DuplicatesPage />} />,
  <Route key="clinical-patient" path="/staff/patients/:id" element={<PatientPage />} />,
  <Route key="clinical-merge" path="/staff/patients/:id/merge" element={<MergePage />} />,
  <Route key="clinical-assessment" path="/staff/assessments/:id" element={<AssessmentPage />} />,
];
