import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { staffApi } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { useStaffData } from '../api/use-staff-data.ts';
import { staffAbilities, useStaffSession, useStaffUser } from '../session/staff-session.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';

function NavItem({ to, label, badge }: { to: string; label: string; badge?: { count: number; text: string } }) {
  return (
    <li>
      <NavLink to={to} className={({ isActive }) => (isActive ? 'st-nav-link is-active' : 'st-nav-link')}>
        {label}
        {badge && badge.count > 0 ? (
          <>
            <span className="st-nav-badge" aria-hidden="true">
              {badge.count}
            </span>
            <span className="st-visually-hidden">{`, ${badge.text}`}</span>
          </>
        ) : null}
      </NavLink>
    </li>
  );
}

/** The frame of every staff screen: top bar, navigation for the user's role, and the screen. */
export function StaffShell() {
  const { t, i18n } = useTranslation('staff');
  const { t: ta } = useTranslation('staff', { keyPrefix: 'accounts' });
  const user = useStaffUser();
  const { signOut } = useStaffSession();
  const navigate = useNavigate();
  const can = staffAbilities(user.role);
  const clinic = useStaffData(() => staffApi.clinic(), 'clinic');
  // Unread alerts for the badge; asked again on each move between the shell's pages.
  const { pathname } = useLocation();
  const alerts = useStaffData(() => (can.clinical ? staffApi.alerts() : Promise.resolve([])), `alerts:${pathname}`);
  const unread = alerts.data?.filter((alert) => !alert.readAt).length ?? 0;
  const [error, setError] = useState<string>();
  const clinicName = clinic.data ? (i18n.language === 'ar' ? clinic.data.name.ar : clinic.data.name.en) : '';

  async function leave(everywhere: boolean) {
    setError(undefined);
    try {
      await signOut(everywhere);
      await navigate('/staff/sign-in', { replace: true });
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }

  return (
    <div className="st-app">
      <a className="st-skip-link" href="#st-main">
        {t('shell.skipToContent')}
      </a>
      <header className="st-topbar">
        <div className="st-topbar-brand">
          <span className="st-logo" aria-hidden="true">
            M
          </span>
          <div>
            <div className="st-brand">{t('shell.product')}</div>
            <div className="st-clinic-name">{clinicName}</div>
          </div>
        </div>
        <div className="st-topbar-actions">
          <LanguageSwitch />
          <details className="st-user-menu">
            <summary>
              <span className="st-user-name">{user.name}</span>
              <span className="st-role-badge">{t(`roles.${user.role}`)}</span>
            </summary>
            <div className="st-user-menu-panel">
              <p className="st-muted" dir="ltr">
                {user.email}
              </p>
              <NavLink className="st-user-menu-link" to="/staff/account">
                {ta('nav.security')}
              </NavLink>
              <Button variant="secondary" block onClick={() => void leave(false)}>
                {t('shell.signOut')}
              </Button>
              <Button variant="ghost" block onClick={() => void leave(true)}>
                {t('shell.signOutEverywhere')}
              </Button>
            </div>
          </details>
        </div>
      </header>
      {error ? (
        <div className="st-shell-alert">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="st-body">
        <nav className="st-sidenav" aria-label={t('shell.navLabel')}>
          <ul>
            <NavItem to="/staff/calendar" label={t('nav.calendar')} />
            <NavItem to="/staff/patients" label={t('nav.patients')} />
            {can.reviews && <NavItem to="/staff/reviews" label={t('nav.reviews')} />}
            {can.clinical && <NavItem to="/staff/alerts" label={t('nav.alerts')} badge={{ count: unread, text: t('nav.unreadAlerts', { count: unread }) }} />}
            {can.mailbox && <NavItem to="/staff/mailbox" label={t('nav.mailbox')} />}
            {can.suspiciousBookings && <NavItem to="/staff/suspicious-bookings" label={t('nav.suspiciousBookings')} />}
          </ul>
          {(can.admin || can.exceptions) && (
            <>
              <h2 className="st-nav-heading">{t('nav.admin')}</h2>
              <ul>
                {can.admin && <NavItem to="/staff/admin/practitioners" label={t('nav.practitioners')} />}
                {can.admin && <NavItem to="/staff/admin/services" label={t('nav.services')} />}
                {can.admin && <NavItem to="/staff/admin/rooms" label={t('nav.rooms')} />}
                {can.admin && <NavItem to="/staff/admin/users" label={ta('nav.users')} />}
                {can.exceptions && <NavItem to="/staff/admin/hours" label={t('nav.hours')} />}
                {can.audit && <NavItem to="/staff/audit" label={t('nav.audit')} />}
              </ul>
            </>
          )}
        </nav>
        <main id="st-main" className="st-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
