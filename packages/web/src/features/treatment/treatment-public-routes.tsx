import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// The patient's aftercare check-in: public, apart from the staff routes (treatment-routes.tsx) so the public site does not download those.
const AftercarePage = lazyPage(() => import('./pages/aftercare-page.tsx'), 'AftercarePage', ['errors', 'treatment']);

/** The aftercare check-in, opened by the patient from the link sent after a session. Public. */
export const aftercareRoutes = [
  <Route key="treatment-aftercare" path="/aftercare/:token" element={<AftercarePage />} {...loadedBeforeNavigation(AftercarePage)} />,
];
