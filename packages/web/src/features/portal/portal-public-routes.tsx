import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// The patient portal is its own chunk, like every public page: a visitor to the booking site never downloads it, and it carries no staff code.
const PortalLayout = lazyPage(() => import('./components/portal-layout.tsx'), 'PortalLayout', ['portal']);
const PortalPage = lazyPage(() => import('./pages/portal-page.tsx'), 'PortalPage', ['errors', 'portal']);
const PortalLinkPage = lazyPage(() => import('./pages/portal-link-page.tsx'), 'PortalLinkPage', ['portal']);

/** The patient portal (issue 15): sign in by emailed link or code, then the patient's own visits, progress, messages and data. */
export const portalRoutes = [
  <Route key="portal" path="/portal" element={<PortalLayout />} {...loadedBeforeNavigation(PortalLayout)}>
    <Route index element={<PortalPage />} {...loadedBeforeNavigation(PortalPage)} />
    <Route path="sign-in" element={<PortalLinkPage />} {...loadedBeforeNavigation(PortalLinkPage)} />
  </Route>,
];
