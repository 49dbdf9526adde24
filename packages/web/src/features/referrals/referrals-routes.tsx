import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state.tsx';

const ReferralWorklistPage = lazy(() => import('./pages/referral-worklist-page.tsx').then((m) => ({ default: m.ReferralWorklistPage })));
const ReferralDetailPage = lazy(() => import('./pages/referral-detail-page.tsx').then((m) => ({ default: m.ReferralDetailPage })));
const NewReferralPage = lazy(() => import('./pages/new-referral-page.tsx').then((m) => ({ default: m.NewReferralPage })));
const DirectoryPage = lazy(() => import('./pages/directory-page.tsx').then((m) => ({ default: m.DirectoryPage })));
const PublicReferPage = lazy(() => import('./pages/public-refer-page.tsx').then((m) => ({ default: m.PublicReferPage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<LoadingState label={t('loading')} />}>{children}</Suspense>;
}

const page = (key: string, path: string, element: ReactNode) => <Route key={key} path={path} element={<Loading>{element}</Loading>} />;

/** The referral worklist, directory, new referral and detail: for app.tsx to place inside the staff frame. */
export const referralsRoutes = [
  page('referrals-worklist', '/staff/referrals', <ReferralWorklistPage />),
  page('referrals-directory', '/staff/referrals/directory', <DirectoryPage />),
  page('referrals-new', '/staff/referrals/new', <NewReferralPage />),
  page('referrals-detail', '/staff/referrals/:id', <ReferralDetailPage />),
];

/** The public form a doctor fills to refer a patient (no sign-in). */
export const referPublicRoutes = [page('refer-public', '/refer', <PublicReferPage />)];
