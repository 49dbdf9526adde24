import { Route } from 'react-router';
import { PatientIntakePage } from './pages/patient-intake-page.tsx';
import { StaffIntakePage } from './pages/staff-intake-page.tsx';

/**
 * The intake form: the patient's own link from the booking confirmation, and the reception
 * tablet version for a signed-in receptionist. Each page brings its own frame.
 */
export const intakeRoutes = [
  <Route key="intake-patient" path="/intake/:reference" element={<PatientIntakePage />} />,
  <Route key="intake-staff" path="/staff/appointments/:id/intake" element={<StaffIntakePage />} />,
];
