import { Route } from 'react-router';
import './clinical.css';
import { AssessmentPage } from './pages/assessment-page.tsx';
import { DuplicatesPage } from './pages/duplicates-page.tsx';
import { MergePage } from './pages/merge-page.tsx';
import { PatientPage } from './pages/patient-page.tsx';
import { PatientsPage } from './pages/patients-page.tsx';

/** The clinical record: patients, their visits and assessments on the body chart. Staff only. */
export const clinicalRoutes = [
  <Route key="clinical-patients" path="/staff/patients" element={<PatientsPage />} />,
  <Route key="clinical-duplicates" path="/staff/patients/duplicates" element={<DuplicatesPage />} />,
  <Route key="clinical-patient" path="/staff/patients/:id" element={<PatientPage />} />,
  <Route key="clinical-merge" path="/staff/patients/:id/merge" element={<MergePage />} />,
  <Route key="clinical-assessment" path="/staff/assessments/:id" element={<AssessmentPage />} />,
];
