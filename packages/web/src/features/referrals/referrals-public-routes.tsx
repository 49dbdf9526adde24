import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// The doctor's referral form: public, apart from the staff routes (referrals-routes.tsx) so the public site does not download those.
const PublicReferPage = lazyPage(() => import('./pages/public-refer-page.tsx'), 'PublicReferPage', ['errors', 'referrals']);

/** The public form a doctor fills to refer a patient (no sign-in). */
export const referPublicRoutes = [<Route key="refer-public" path="/refer" element={<PublicReferPage />} {...loadedBeforeNavigation(PublicReferPage)} />];
