import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Each page loads on demand, with its text, before the router shows it (lib/lazy-page.ts).
const ReferralWorklistPage = lazyPage(() => import('./pages/referral-worklist-page.tsx'), 'ReferralWorklistPage', ['errors', 'referrals']);
const ReferralDetailPage = lazyPage(() => import('./pages/referral-detail-page.tsx'), 'ReferralDetailPage', ['errors', 'referrals']);
const NewReferralPage = lazyPage(() => import('./pages/new-referral-page.tsx'), 'NewReferralPage', ['errors', 'referrals']);
const DirectoryPage = lazyPage(() => import('./pages/directory-page.tsx'), 'DirectoryPage', ['errors', 'referrals']);

/** The referral worklist, directory, new referral and detail: for app.tsx to place inside the staff frame. */
export const referralsRoutes = [
  <Route key="referrals-worklist" path="/staff/referrals" element={<ReferralWorklistPage />} {...loadedBeforeNavigation(ReferralWorklistPage)} />,
  <Route key="referrals-directory" path="/staff/referrals/directory" element={<DirectoryPage />} {...loadedBeforeNavigation(DirectoryPage)} />,
  <Route key="referrals-new" path="/staff/referrals/new" element={<NewReferralPage />} {...loadedBeforeNavigation(NewReferralPage)} />,
  <Route key="referrals-detail" path="/staff/referrals/:id" element={<ReferralDetailPage />} {...loadedBeforeNavigation(ReferralDetailPage)} />,
];
