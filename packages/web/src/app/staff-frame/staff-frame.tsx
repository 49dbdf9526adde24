import type { StaffAlertOut } from '@myomap/contract/treatment/aftercare.schemas';
import { can } from '@myomap/domain/access/permissions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Suspense, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { LanguageSwitch } from '../../components/ui/language-switch.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { EnrolRequiredPage } from '../../features/staff/accounts/enrol-required-page.tsx';
import { api } from '../../lib/api/api-client.ts';
import { useErrorText } from '../../lib/api/use-error-text.ts';
import { clinicQuery } from '../../lib/clinic/clinic-query.ts';
import { useStaffSession, useStaffUser, type StaffUser } from '../../lib/session/use-staff-session.ts';
import './staff-frame.css';

/** The signed-in user's own alerts; the navigation shows how many are unread. */
const alertsQuery = queryOptions({
  queryKey: ['staff', 'alerts'] as const,
  queryFn: () => api<StaffAlertOut[]>('/api/staff/alerts'),
});

const NAV_ID = 'frame-nav';

function NavItem({ to, label, badge }: { to: string; label: string; badge?: { count: number; text: string } }) {
  return (
    <li>
      <NavLink to={to} className={({ isActive }) => (isActive ? 'frame-nav-link is-active' : 'frame-nav-link')} end={to === '/staff/patients'}>
        {label}
        {badge && badge.count > 0 ? (
          <>
            <span className="frame-nav-badge" aria-hidden="true">
              {badge.count}
            </span>
            <span className="frame-visually-hidden">{`, ${badge.text}`}</span>
          </>
        ) : null}
      </NavLink>
    </li>
  );
}

/** What the navigation offers a role: read from the one permission table the server enforces. */
function Navigation({ user, open }: { user: StaffUser; open: boolean }) {
  const { t } = useTranslation('frame');
  const clinician = can(user.role, 'alerts.read');
  const alerts = useQuery({ ...alertsQuery, enabled: clinician });
  const unread = alerts.data?.filter((alert) => !alert.readAt).length ?? 0;
  const admin = can(user.role, 'catalog.manage');
  const exceptions = can(user.role, 'exceptions.write');
  const audit = can(user.role, 'audit.read');
  const portalRequests = can(user.role, 'portal.requests.manage');
  return (
    // On a phone or tablet the navigation is a panel under the top bar, opened by the menu button
    // (a disclosure: aria-expanded on the button, display:none when closed so its links leave the tab order).
    <nav id={NAV_ID} className={open ? 'frame-sidenav is-open' : 'frame-sidenav'} aria-label={t('navLabel')}>
      <ul>
        <NavItem to="/staff/calendar" label={t('nav.calendar')} />
        <NavItem to="/staff/patients" label={t('nav.patients')} />
        {can(user.role, 'review.queue.read') && <NavItem to="/staff/reviews" label={t('nav.reviews')} />}
        {clinician && <NavItem to="/staff/alerts" label={t('nav.alerts')} badge={{ count: unread, text: t('nav.unreadAlerts', { count: unread }) }} />}
        {can(user.role, 'mailbox.read') && <NavItem to="/staff/mailbox" label={t('nav.mailbox')} />}
        {can(user.role, 'bookings.review') && <NavItem to="/staff/suspicious-bookings" label={t('nav.suspiciousBookings')} />}
        {can(user.role, 'referral.worklist.read') && <NavItem to="/staff/referrals" label={t('nav.referrals')} />}
        {can(user.role, 'outcomes.report') && <NavItem to="/staff/reports/outcomes" label={t('nav.outcomes')} />}
        {can(user.role, 'article.read') && <NavItem to="/staff/library" label={t('nav.library')} />}
        {can(user.role, 'question.moderate') && <NavItem to="/staff/questions" label={t('nav.questions')} />}
      </ul>
      {(admin || exceptions || audit || portalRequests) && (
        <>
          <h2 className="frame-nav-heading">{t('nav.admin')}</h2>
          <ul>
            {admin && <NavItem to="/staff/admin/practitioners" label={t('nav.practitioners')} />}
            {admin && <NavItem to="/staff/admin/services" label={t('nav.services')} />}
            {admin && <NavItem to="/staff/admin/rooms" label={t('nav.rooms')} />}
            {admin && <NavItem to="/staff/admin/users" label={t('nav.users')} />}
            {exceptions && <NavItem to="/staff/admin/hours" label={t('nav.hours')} />}
            {audit && <NavItem to="/staff/audit" label={t('nav.audit')} />}
            {portalRequests && <NavItem to="/staff/portal-requests" label={t('nav.portalRequests')} />}
          </ul>
        </>
      )}
    </nav>
  );
}

/** The phone and tablet menu button; hidden by CSS where the navigation is a sidebar. */
function MenuButton({ open, onToggle, buttonRef }: { open: boolean; onToggle: () => void; buttonRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation('frame');
  return (
    <button ref={buttonRef} type="button" className="frame-menu-button" aria-expanded={open} aria-controls={NAV_ID} onClick={onToggle}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        {open ? (
          <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        ) : (
          <path d="M4 7h16M4 12h16M4 17h16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        )}
      </svg>
      <span>{t('menu')}</span>
    </button>
  );
}

function TopBar({ menu }: { menu: ReactNode }) {
  const { t, i18n } = useTranslation('frame');
  const user = useStaffUser();
  const { signOut } = useStaffSession();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const clinic = useQuery(clinicQuery);
  const [error, setError] = useState<string>();
  const clinicName = clinic.data ? (i18n.language === 'ar' ? clinic.data.name.ar : clinic.data.name.en) : '';

  async function leave(everywhere: boolean) {
    setError(undefined);
    try {
      await signOut(everywhere);
      await navigate('/staff/sign-in', { replace: true });
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  return (
    <>
      <header className="frame-topbar">
        {menu}
        <div className="frame-topbar-brand">
          <span className="ui-brand-mark" aria-hidden="true">
            M
          </span>
          <div>
            <div className="ui-brand-name">{t('product')}</div>
            <div className="frame-clinic-name">{clinicName}</div>
          </div>
        </div>
        <div className="frame-topbar-actions">
          <LanguageSwitch />
          <details className="frame-user-menu">
            <summary>
              <span className="frame-user-name">{user.name}</span>
              <span className="frame-role-badge">{t(`roles.${user.role}`)}</span>
            </summary>
            <div className="frame-user-menu-panel">
              <p className="frame-muted" dir="ltr">
                {user.email}
              </p>
              <NavLink className="frame-user-menu-link" to="/staff/account">
                {t('nav.security')}
              </NavLink>
              <Button variant="secondary" block onClick={() => void leave(false)}>
                {t('signOut')}
              </Button>
              <Button variant="ghost" block onClick={() => void leave(true)}>
                {t('signOutEverywhere')}
              </Button>
            </div>
          </details>
        </div>
      </header>
      {error ? (
        <div className="frame-alert">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
    </>
  );
}

/**
 * The one frame of every staff screen: the sign-in guard (signed-out visitors go to sign-in and come
 * back afterwards; a role that must enrol in two-factor does that first), the top bar and the
 * navigation for the user's role. `bare` keeps the guard and drops the chrome, for print views.
 */
export function StaffFrame({ bare = false }: { bare?: boolean }) {
  const { t } = useTranslation('frame');
  const { t: tc } = useTranslation('common');
  const { state } = useStaffSession();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <div className="frame-page-loading">
        <LoadingState label={tc('loading')} />
      </div>
    );
  }
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/staff/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (state.status === 'error') {
    return (
      <div className="frame-page-loading">
        <Alert tone="error">{t('loadFailed')}</Alert>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          {t('retry')}
        </Button>
      </div>
    );
  }
  // Two-factor required and not set up: nothing else until it is.
  if (state.stage === 'enrol') return <EnrolRequiredPage />;
  const page = (
    <Suspense fallback={<LoadingState label={tc('loading')} />}>
      <Outlet />
    </Suspense>
  );
  if (bare) return page;

  return <FramedPage user={state.user}>{page}</FramedPage>;
}

/** The top bar, the navigation and the main area; on a phone or tablet the navigation opens from the menu button. */
function FramedPage({ user, children }: { user: StaffUser; children: ReactNode }) {
  const { t } = useTranslation('frame');
  const { pathname } = useLocation();
  // The menu is open for the page it was opened on: following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);

  function toggle() {
    setOpenOn(open ? null : pathname);
    // Keyboard users land on the first link of the list they opened.
    if (!open) requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${NAV_ID} a`)?.focus());
  }
  function closeOnEscape(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || !open) return;
    setOpenOn(null);
    buttonRef.current?.focus();
  }

  return (
    <div className="frame-app" onKeyDown={closeOnEscape}>
      <a className="frame-skip-link" href="#frame-main">
        {t('skipToContent')}
      </a>
      <TopBar menu={<MenuButton open={open} onToggle={toggle} buttonRef={buttonRef} />} />
      <div className="frame-body">
        <Navigation user={user} open={open} />
        <main id="frame-main" className="frame-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
