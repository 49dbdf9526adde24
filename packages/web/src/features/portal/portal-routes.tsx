import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// The staff side of the portal; the patient's side is in portal-public-routes.tsx.
const StaffPortalRequestsPage = lazyPage(() => import('./pages/staff-portal-requests-page.tsx'), 'StaffPortalRequestsPage', ['errors', 'portal']);

/** The staff page for patients' correction and deletion requests: for app.tsx to place inside the staff frame. */
export const portalStaffRoutes = [
  <Route key="portal-requests" path="/staff/portal-requests" element={<StaffPortalRequestsPage />} {...loadedBeforeNavigation(StaffPortalRequestsPage)} />,
];
