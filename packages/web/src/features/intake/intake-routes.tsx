import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Loaded on demand, with its text, before the router shows it (lib/lazy-page.ts). The patient's own
// links are in intake-public-routes.tsx.
const StaffIntakePage = lazyPage(() => import('./pages/staff-intake-page.tsx'), 'StaffIntakePage', ['bodyChart', 'errors', 'intake']);

/**
 * The reception tablet version, handed to the patient: for app.tsx to place in the staff frame's
 * sign-in guard without its bars (the page brings the patient-facing intake frame).
 */
export const staffIntakeRoutes = [
  <Route key="intake-staff" path="/staff/appointments/:id/intake" element={<StaffIntakePage />} {...loadedBeforeNavigation(StaffIntakePage)} />,
];
