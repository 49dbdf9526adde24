import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, createRoutesFromElements, RouterProvider } from 'react-router';
import { clinicalRoutes } from '../features/clinical/clinical-routes.tsx';
import { intakeRoutes } from '../features/intake/intake-routes.tsx';
import { patientMeasuresRoutes } from '../features/patient-measures/patient-measures-routes.tsx';
import { publicRoutes } from '../features/public-booking/public-routes.tsx';
import { safetyRoutes } from '../features/safety/safety-routes.tsx';
import { staffRoutes } from '../features/staff/staff-routes.tsx';
import { treatmentRoutes } from '../features/treatment/treatment-routes.tsx';
import { ClinicTimeProvider } from '../lib/clinic-time/clinic-time-context.tsx';

// A data router (not <BrowserRouter>) so editors can hold the user back from losing unsaved
// changes with useBlocker (components/ui/use-unsaved-changes-guard.ts).
const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      {publicRoutes}
      {patientMeasuresRoutes}
      {/* Specific staff pages come before the staff area's catch-all. */}
      {clinicalRoutes}
      {staffRoutes}
      {treatmentRoutes}
      {intakeRoutes}
      {safetyRoutes}
    </>,
  ),
);

// The one data layer's cache (TanStack Query): pages read with useQuery and write with useMutation over lib/api-client.
const queryClient = new QueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* The clinic's time zone, read once from its settings, for every page's dates and times. */}
      <ClinicTimeProvider>
        <RouterProvider router={router} />
      </ClinicTimeProvider>
    </QueryClientProvider>
  );
}
