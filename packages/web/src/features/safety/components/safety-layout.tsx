import { can } from '@myomap/domain/access/permissions';
import { createContext, useContext, type ReactNode } from 'react';
import { Link, Navigate, NavLink, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { useStaffSession, type StaffUser } from '../../../lib/use-staff-session.ts';
import '../safety.css';
import { useTranslation } from 'react-i18next';

const UserContext = createContext<StaffUser | null>(null);

/** The signed-in user; only inside SafetyLayout, which renders its children once someone is signed in. */
export function useSafetyUser(): StaffUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useSafetyUser needs SafetyLayout');
  return user;
}

/** The frame of the safety pages: a top bar, and a check that someone is signed in. */
export function SafetyLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['safety', 'common']);
  const session = useStaffSession();
  const location = useLocation();

  if (session.status === 'signed-out') {
    return <Navigate to={`/staff/sign-in?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  }
  const user = session.status === 'ready' ? session.user : null;
  const reviewer = can(user?.role, 'review.queue.read');
  const clinician = can(user?.role, 'alerts.read');
  return (
    <div className="sf-app">
      <header className="sf-bar">
        <Link to="/staff" className="sf-brand">
          {t('brand')}
        </Link>
        <nav aria-label={t('nav.label')} className="sf-nav">
          <NavLink to="/staff/calendar">{t('nav.calendar')}</NavLink>
          <NavLink to="/staff/patients" end>
            {t('nav.patients')}
          </NavLink>
          {reviewer ? <NavLink to="/staff/reviews">{t('nav.reviews')}</NavLink> : null}
          {clinician ? <NavLink to="/staff/alerts">{t('nav.alerts')}</NavLink> : null}
        </nav>
        <div className="sf-bar__end">
          {user ? <span className="sf-user">{user.name}</span> : null}
          <LanguageSwitch />
        </div>
      </header>
      <main className="sf-main">
        {session.status === 'loading' ? <LoadingState label={t('common:loading')} /> : null}
        {session.status === 'error' ? <Alert tone="error">{t('loadFailed')}</Alert> : null}
        {user ? <UserContext value={user}>{children}</UserContext> : null}
      </main>
    </div>
  );
}
