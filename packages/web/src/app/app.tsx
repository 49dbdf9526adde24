// Three features' stylesheets load with every page, in the order the route tables loaded them before
// the staff routes became their own chunk: some of their rules reach beyond their own pages.
import '../features/clinical/clinical.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { createBrowserRouter, createRoutesFromElements, RouterProvider, type PatchRoutesOnNavigationFunction } from 'react-router';
import { intakeRoutes } from '../features/intake/intake-public-routes.tsx';
import { patientMeasuresRoutes } from '../features/patient-measures/patient-measures-routes.tsx';
import { portalRoutes } from '../features/portal/portal-public-routes.tsx';
import { publicRoutes } from '../features/public-booking/public-routes.tsx';
import { referPublicRoutes } from '../features/referrals/referrals-public-routes.tsx';
import { aftercareRoutes } from '../features/treatment/treatment-public-routes.tsx';
import '../features/staff/staff.css';
import '../features/treatment/treatment.css';
import { onUnauthorized } from '../lib/api/api-client.ts';
import { createQueryClient } from '../lib/api/query-client.ts';
import { ClinicTimeProvider } from '../lib/clinic-time/clinic-time-context.tsx';
import { endStaffSession } from '../lib/session/use-staff-session.ts';
import i18n from './i18n.ts';

const queryClient = createQueryClient();
// The one 401 handler: whichever screen hears that the session ended, the staff frame sends the user to sign-in.
onUnauthorized(() => endStaffSession(queryClient));

/** Addresses of the staff app: its routes join the router the first time one is opened. */
const STAFF_PATH = /^\/(?:staff|setup)(?:\/|$)/;
let staffRoutesAdded = false;

/**
 * Adds the staff routes (app/staff-app-routes.tsx) before the router matches a staff address: the
 * router asks whenever an address matches nothing, or only a route with parameters (the public
 * site's not-found page matches everything).
 */
const addStaffRoutes: PatchRoutesOnNavigationFunction = async ({ path, patch }) => {
  if (staffRoutesAdded || !STAFF_PATH.test(path)) return;
  const { staffAppRoutes } = await import('./staff-app-routes.tsx');
  if (staffRoutesAdded) return;
  staffRoutesAdded = true;
  patch(null, createRoutesFromElements(staffAppRoutes));
};

type AppRouter = ReturnType<typeof createBrowserRouter>;
let router: AppRouter | undefined;

/**
 * Creates the router, which starts loading the first page's module and text (its loaders): main.tsx
 * calls it once, after the text has started (app/i18n.ts; the loaders load text through it), in a
 * boot step of its own. Settles once that page and its text are loaded and i18next is ready: main.tsx
 * renders only then, so the first render cannot suspend and a page the server drew is taken over by
 * the same page in one step, never by an empty main area.
 */
export function startRouter(): Promise<void> {
  // A data router (not <BrowserRouter>) so pages load before they show (lib/lazy-page.ts) and editors
  // can hold the user back from losing unsaved changes with useBlocker (components/ui/use-unsaved-changes-guard.ts).
  // Open to everyone: the public site and booking, and the patients' and doctors' own links.
  const created = createBrowserRouter(
    createRoutesFromElements(
      <>
        {publicRoutes}
        {patientMeasuresRoutes}
        {intakeRoutes}
        {aftercareRoutes}
        {referPublicRoutes}
        {portalRoutes}
      </>,
    ),
    { patchRoutesOnNavigation: addStaffRoutes },
  );
  router = created;
  const routerInitialized = new Promise<void>((resolve) => {
    if (created.state.initialized) return resolve();
    const stop = created.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
  // i18next may finish initialising a turn after it starts (app/i18n.ts); the first render waits for it.
  const textInitialized = new Promise<void>((resolve) => {
    if (i18n.isInitialized) return resolve();
    i18n.on('initialized', () => resolve());
  });
  return Promise.all([routerInitialized, textInitialized]).then(() => undefined);
}

function routerOrThrow(): AppRouter {
  if (!router) throw new Error('startRouter() runs before the app renders (main.tsx)');
  return router;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* Pages and their text load before the router shows them (lib/lazy-page.ts); this boundary only catches a render that was not preloaded. */}
      <Suspense fallback={null}>
        {/* The clinic's time zone, read once from its settings, for every page's dates and times. */}
        <ClinicTimeProvider>
          <RouterProvider router={routerOrThrow()} />
        </ClinicTimeProvider>
      </Suspense>
    </QueryClientProvider>
  );
}
