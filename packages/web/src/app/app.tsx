import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { createBrowserRouter, createRoutesFromElements, Route, RouterProvider } from 'react-router';
import { clinicalRoutes } from '../features/clinical/clinical-routes.tsx';
import { intakeRoutes, staffIntakeRoutes } from '../features/intake/intake-routes.tsx';
import { patientMeasuresRoutes } from '../features/patient-measures/patient-measures-routes.tsx';
import { outcomesRoutes } from '../features/outcomes/outcomes-routes.tsx';
import { publicRoutes } from '../features/public-booking/public-routes.tsx';
import { referPublicRoutes, referralsRoutes } from '../features/referrals/referrals-routes.tsx';
import { safetyRoutes } from '../features/safety/safety-routes.tsx';
import { staffRoutes, staffSignInRoutes } from '../features/staff/staff-routes.tsx';
import { aftercareRoutes, treatmentPrintRoutes, treatmentRoutes } from '../features/treatment/treatment-routes.tsx';
import { portalRoutes, portalStaffRoutes } from '../features/portal/portal-routes.tsx';
import { onUnauthorized } from '../lib/api/api-client.ts';
import { createQueryClient } from '../lib/api/query-client.ts';
import { ClinicTimeProvider } from '../lib/clinic-time/clinic-time-context.tsx';
import { endStaffSession } from '../lib/session/use-staff-session.ts';
import { lazyPage } from '../lib/lazy-page.ts';
import { educationRoutes } from '../features/education/education-routes.tsx';

// The staff frame (navigation, session, alerts) loads with the first staff page, never on the public site.
const StaffFrame = lazyPage(() => import('./staff-frame/staff-frame.tsx'), 'StaffFrame');

const queryClient = createQueryClient();
// The one 401 handler: whichever screen hears that the session ended, the staff frame sends the user to sign-in.
onUnauthorized(() => endStaffSession(queryClient));

// A data router (not <BrowserRouter>) so editors can hold the user back from losing unsaved
// changes with useBlocker (components/ui/use-unsaved-changes-guard.ts).
const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      {/* Open to everyone: the public site and booking, sign-in, and the patients' own links. */}
      {publicRoutes}
      {staffSignInRoutes}
      {patientMeasuresRoutes}
      {intakeRoutes}
      {aftercareRoutes}
      {referPublicRoutes}
      {portalRoutes}
      {/* One frame for every staff screen: the sign-in guard, the top bar and the navigation. */}
      <Route element={<StaffFrame />}>
        {clinicalRoutes}
        {treatmentRoutes}
        {safetyRoutes}
        {outcomesRoutes}
        {referralsRoutes}
        {staffRoutes}
        {portalStaffRoutes}
        {educationRoutes}
      </Route>
      <Route element={<StaffFrame bare />}>
        {treatmentPrintRoutes}
        {staffIntakeRoutes}
      </Route>
    </>,
  ),
);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* The clinic's time zone, read once from its settings, for every page's dates and times. */}
      <ClinicTimeProvider>
        {/* Pages and their translations load on demand; the staff frame has its own boundary inside its bars. */}
        <Suspense fallback={null}>
          <RouterProvider router={router} />
        </Suspense>
      </ClinicTimeProvider>
    </QueryClientProvider>
  );
}
