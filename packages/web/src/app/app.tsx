import { BrowserRouter, Route, Routes } from 'react-router';
import { intakeRoutes } from '../features/intake/intake-routes.tsx';
import { publicRoutes } from '../features/public-booking/public-routes.tsx';
import { staffRoutes } from '../features/staff/staff-routes.tsx';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        {publicRoutes}
        {staffRoutes}
        {intakeRoutes}
      </Routes>
    </BrowserRouter>
  );
}
