import { BrowserRouter, Routes } from 'react-router';
import { clinicalRoutes } from '../features/clinical/clinical-routes.tsx';
import { intakeRoutes } from '../features/intake/intake-routes.tsx';
import { publicRoutes } from '../features/public-booking/public-routes.tsx';
import { safetyRoutes } from '../features/safety/safety-routes.tsx';
import { staffRoutes } from '../features/staff/staff-routes.tsx';
import { treatmentRoutes } from '../features/treatment/treatment-routes.tsx';
import { ClinicTimeProvider } from '../lib/clinic-time/clinic-time-context.tsx';

export function App() {
  return (
    <BrowserRouter>
      {/* The clinic's time zone, read once from its settings, for every page's dates and times. */}
      <ClinicTimeProvider>
        <Routes>
          {publicRoutes}
          {/* Specific staff pages come before the staff area's catch-all. */}
          {clinicalRoutes}
          {staffRoutes}
          {treatmentRoutes}
          {intakeRoutes}
          {safetyRoutes}
        </Routes>
      </ClinicTimeProvider>
    </BrowserRouter>
  );
}
