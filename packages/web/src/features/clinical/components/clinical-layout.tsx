import { can } from '@myomap/domain/access/permissions';
import { createContext, useContext, type ReactNode } from 'react';
import { Link, Navigate, NavLink, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { useStaffSession, type StaffUser } from '../../../lib/use-staff-session.ts';
import { useTranslation } from 'react-i18next';

const UserContext = createContext<StaffUser | null>(null);

/** The signed-in user; only inside ClinicalLayout, which renders its children once someone is signed in. */
export function useClinicalUser(): StaffUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useClinicalUser needs ClinicalLayout');
  return user;
}

/** The frame of every clinical page: a header, and a check that someone is signed in. */
export function ClinicalLayout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation(['clinical', 'common']);
  const session = useStaffSession();
  const location = useLocation();

  let body: ReactNode;
  if (session.status === 'loading') body = <p className="muted">{t('common:loading')}</p>;
  else if (session.status === 'signed-out') return <Navigate to={`/staff/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  else if (session.status === 'error') body = <p className="error">{t('status.loadFailed')}</p>;
  else body = <UserContext value={session.user}>{children}</UserContext>;

  const role = session.status === 'ready' ? session.user.role : undefined;
  const reviewer = can(role, 'review.queue.read');
  const clinician = can(role, 'alerts.read');
  return (
    <div className="clinical">
      <header className="clinical__bar">
        <Link to="/staff/patients" className="clinical__brand">
          {t('brand')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <NavLink to="/staff/calendar">{t('nav.calendar')}</NavLink>
          <NavLink to="/staff/patients">{t('nav.patients')}</NavLink>
          {reviewer ? <NavLink to="/staff/reviews">{t('nav.reviews')}</NavLink> : null}
          {clinician ? <NavLink to="/staff/alerts">{t('nav.alerts')}</NavLink> : null}
        </nav>
        <div className="clinical__bar-end">
          {actions}
          {session.status === 'ready' && <span className="muted small">{session.user.name}</span>}
          <LanguageSwitch />
        </div>
      </header>
      <main className="clinical__main">{body}</main>
    </div>
  );
}
