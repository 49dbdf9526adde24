import { can } from '@myomap/domain/access/permissions';
import type { ReactNode } from 'react';
import { Link, Navigate, NavLink, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { StaffUserProvider, useStaffSessionState } from '../lib/staff-session.tsx';
import { useTranslation } from 'react-i18next';

/**
 * The frame of the staff treatment pages: a bar with navigation, and a sign-in check. `bare`
 * drops the bar, for print views whose own toolbar hides when printed.
 */
export function TreatmentLayout({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  const { t } = useTranslation(['treatment', 'common']);
  const session = useStaffSessionState();
  const location = useLocation();

  if (session.status === 'signed-out') {
    return <Navigate to={`/staff/sign-in?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  }
  let body: ReactNode;
  if (session.status === 'loading') body = <LoadingState label={t('common:loading')} />;
  else if (session.status === 'error') body = <Alert tone="error">{t('status.loadFailed')}</Alert>;
  else body = <StaffUserProvider user={session.user}>{children}</StaffUserProvider>;
  if (bare) return <div className="tr-bare">{body}</div>;
  const role = session.status === 'ready' ? session.user.role : undefined;
  const reviewer = can(role, 'review.queue.read');
  const clinician = can(role, 'alerts.read');

  return (
    <div className="tr-app">
      <header className="tr-bar tr-no-print">
        <Link to="/staff/patients" className="tr-bar__brand">
          <span className="tr-bar__logo" aria-hidden="true">
            M
          </span>
          {t('brand')}
        </Link>
        <nav aria-label={t('nav.label')} className="tr-bar__nav">
          <NavLink to="/staff/calendar">{t('nav.calendar')}</NavLink>
          <NavLink to="/staff/patients">{t('nav.patients')}</NavLink>
          {reviewer ? <NavLink to="/staff/reviews">{t('nav.reviews')}</NavLink> : null}
          {clinician ? <NavLink to="/staff/alerts">{t('nav.alerts')}</NavLink> : null}
        </nav>
        <div className="tr-bar__end">
          {session.status === 'ready' && <span className="tr-bar__user">{session.user.name}</span>}
          <LanguageSwitch />
        </div>
      </header>
      <main className="tr-main">{body}</main>
    </div>
  );
}
