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
import { lazyPage, loadedBeforeNavigation } from '../lib/lazy-page.ts';
import { educationRoutes } from '../features/education/education-routes.tsx';
// Initialised before the router below runs its first loaders, which load text through it.
import i18n from './i18n.ts';

// The staff frame (navigation, session, alerts) loads with the first staff page, never on the public site.
const StaffFrame = lazyPage(() => import('./staff-frame/staff-frame.tsx'), 'StaffFrame', ['errors', 'frame', 'staff']);

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
      <Route element={<StaffFrame />} {...loadedBeforeNavigation(StaffFrame)}>
        {clinicalRoutes}
        {treatmentRoutes}
        {safetyRoutes}
        {outcomesRoutes}
        {referralsRoutes}
        {staffRoutes}
        {portalStaffRoutes}
        {educationRoutes}
      </Route>
      <Route element={<StaffFrame bare />} {...loadedBeforeNavigation(StaffFrame)}>
        {treatmentPrintRoutes}
        {staffIntakeRoutes}
      </Route>
    </>,
  ),
);

const routerInitialized = new Promise<void>((resolve) => {
  if (router.state.initialized) return resolve();
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    resolve();
  });
});
// In Arabic, i18next finishes initialising once the Arabic text of the bundled namespaces is in.
const textInitialized = new Promise<void>((resolve) => {
  if (i18n.isInitialized) return resolve();
  i18n.on('initialized', () => resolve());
});

/**
 * Settles once the router has loaded the first page's module and text (its loaders) and i18next is
 * ready: main.tsx renders only then, so the first render cannot suspend and a page the server drew
 * is replaced by the same page in one step, never by an empty main area.
 */
export const firstPageLoaded = Promise.all([routerInitialized, textInitialized]).then(() => undefined);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* Pages and their text load before the router shows them (lib/lazy-page.ts); this boundary only catches a render that was not preloaded. */}
      <Suspense fallback={null}>
        {/* The clinic's time zone, read once from its settings, for every page's dates and times. */}
        <ClinicTimeProvider>
          <RouterProvider router={router} />
        </ClinicTimeProvider>
      </Suspense>
    </QueryClientProvider>
  );
}
