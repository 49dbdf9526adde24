import { Route } from 'react-router';
import { clinicalRoutes } from '../features/clinical/clinical-routes.tsx';
import { educationRoutes } from '../features/education/education-routes.tsx';
import { staffIntakeRoutes } from '../features/intake/intake-routes.tsx';
import { outcomesRoutes } from '../features/outcomes/outcomes-routes.tsx';
import { portalStaffRoutes } from '../features/portal/portal-routes.tsx';
import { referralsRoutes } from '../features/referrals/referrals-routes.tsx';
import { safetyRoutes } from '../features/safety/safety-routes.tsx';
import { staffRoutes, staffSignInRoutes } from '../features/staff/staff-routes.tsx';
import { treatmentPrintRoutes, treatmentRoutes } from '../features/treatment/treatment-routes.tsx';
import { lazyPage, loadedBeforeNavigation } from '../lib/lazy-page.ts';

// The staff frame (navigation, session, alerts) loads with the first staff page, never on the public site.
const StaffFrame = lazyPage(() => import('./staff-frame/staff-frame.tsx'), 'StaffFrame', ['errors', 'frame', 'staff']);

/**
 * Every staff route (app.tsx adds them to the router the first time a staff address is opened), so
 * the public site does not download the staff route table either.
 */
export const staffAppRoutes = [
  ...staffSignInRoutes,
  // One frame for every staff screen: the sign-in guard, the top bar and the navigation.
  <Route key="staff-frame" element={<StaffFrame />} {...loadedBeforeNavigation(StaffFrame)}>
    {clinicalRoutes}
    {treatmentRoutes}
    {safetyRoutes}
    {outcomesRoutes}
    {referralsRoutes}
    {staffRoutes}
    {portalStaffRoutes}
    {educationRoutes}
  </Route>,
  <Route key="staff-frame-bare" element={<StaffFrame bare />} {...loadedBeforeNavigation(StaffFrame)}>
    {treatmentPrintRoutes}
    {staffIntakeRoutes}
  </Route>,
];
