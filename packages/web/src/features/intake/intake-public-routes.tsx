import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Loaded on demand, with its text, before the router shows it (lib/lazy-page.ts): a patient opening
// the link from the confirmation email downloads the form without the staff app. Apart from the
// staff route (intake-routes.tsx), which the public site never downloads.
const PatientIntakePage = lazyPage(() => import('./pages/patient-intake-page.tsx'), 'PatientIntakePage', ['bodyChart', 'errors', 'intake']);
const PortalIntakePage = lazyPage(() => import('./pages/portal-intake-page.tsx'), 'PortalIntakePage', ['bodyChart', 'errors', 'intake']);

/** The intake form from the patient's own link in the booking confirmation. Public; the page brings its own frame. */
export const intakeRoutes = [
  <Route key="intake-patient" path="/intake/:reference" element={<PatientIntakePage />} {...loadedBeforeNavigation(PatientIntakePage)} />,
  <Route key="intake-portal" path="/portal/visits/:id/intake" element={<PortalIntakePage />} {...loadedBeforeNavigation(PortalIntakePage)} />,
];
