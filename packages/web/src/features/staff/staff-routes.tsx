import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { RequireAbility } from './session/require-staff.tsx';
import { lazyPage, loadedBeforeNavigation, textOf } from '../../lib/lazy-page.ts';

// Each page loads on demand, with its text, before the router shows it (lib/lazy-page.ts).
const SecurityPage = lazyPage(() => import('./accounts/security-page.tsx'), 'SecurityPage', ['errors', 'staff']);
const SetPasswordPage = lazyPage(() => import('./accounts/set-password-page.tsx'), 'SetPasswordPage', ['errors', 'staff']);
const UsersPage = lazyPage(() => import('./accounts/users-page.tsx'), 'UsersPage', ['errors', 'staff']);
const HoursPage = lazyPage(() => import('./admin/hours-page.tsx'), 'HoursPage', ['errors', 'staff']);
const PractitionersPage = lazyPage(() => import('./admin/practitioners-page.tsx'), 'PractitionersPage', ['education', 'errors', 'staff']);
const RoomsPage = lazyPage(() => import('./admin/rooms-page.tsx'), 'RoomsPage', ['errors', 'staff']);
const ServicesPage = lazyPage(() => import('./admin/services-page.tsx'), 'ServicesPage', ['errors', 'staff']);
const AuditPage = lazyPage(() => import('./audit/audit-page.tsx'), 'AuditPage', ['audit', 'errors']);
const CalendarPage = lazyPage(() => import('./calendar/calendar-page.tsx'), 'CalendarPage', ['errors', 'staff']);
const MailboxPage = lazyPage(() => import('./mailbox/mailbox-page.tsx'), 'MailboxPage', ['errors', 'staff']);
const SuspiciousBookingsPage = lazyPage(() => import('./suspicious/suspicious-bookings-page.tsx'), 'SuspiciousBookingsPage', ['errors', 'staff']);
const SignInPage = lazyPage(() => import('./session/sign-in-page.tsx'), 'SignInPage', ['errors', 'staff']);

function StaffNotFound() {
  const { t } = useTranslation('staff');
  return (
    <section className="st-page">
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.body')} />
      <Link to="/staff/calendar">{t('notFound.back')}</Link>
    </section>
  );
}

/** Signing in and setting a password: open to everyone, outside the staff frame. */
export const staffSignInRoutes = [
  <Route key="staff-sign-in" path="/staff/sign-in" element={<SignInPage />} {...loadedBeforeNavigation(SignInPage)} />,
  <Route key="staff-welcome" path="/staff/welcome/:token" element={<SetPasswordPage />} {...loadedBeforeNavigation(SetPasswordPage)} />,
  <Route key="staff-setup" path="/setup/:token" element={<SetPasswordPage />} {...loadedBeforeNavigation(SetPasswordPage)} />,
];

/**
 * Everything under /staff, for app.tsx to place inside the staff frame. Other features' /staff pages
 * (patients, plans…) are more specific routes and outrank the catch-all here.
 */
export const staffRoutes = [
  <Route key="staff" path="/staff">
    <Route index element={<Navigate to="/staff/calendar" replace />} />
    <Route path="calendar" element={<CalendarPage />} {...loadedBeforeNavigation(CalendarPage)} />
    <Route path="admin" element={<Navigate to="/staff/admin/practitioners" replace />} />
    <Route
      path="admin/practitioners"
      element={
        <RequireAbility ability="admin">
          <PractitionersPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(PractitionersPage)}
    />
    <Route
      path="admin/services"
      element={
        <RequireAbility ability="admin">
          <ServicesPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(ServicesPage)}
    />
    <Route
      path="admin/rooms"
      element={
        <RequireAbility ability="admin">
          <RoomsPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(RoomsPage)}
    />
    <Route
      path="admin/users"
      element={
        <RequireAbility ability="admin">
          <UsersPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(UsersPage)}
    />
    <Route path="account" element={<SecurityPage />} {...loadedBeforeNavigation(SecurityPage)} />
    <Route
      path="admin/hours"
      element={
        <RequireAbility ability="exceptions">
          <HoursPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(HoursPage)}
    />
    <Route
      path="mailbox"
      element={
        <RequireAbility ability="mailbox">
          <MailboxPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(MailboxPage)}
    />
    <Route
      path="suspicious-bookings"
      element={
        <RequireAbility ability="suspiciousBookings">
          <SuspiciousBookingsPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(SuspiciousBookingsPage)}
    />
    <Route
      path="audit"
      element={
        <RequireAbility ability="audit">
          <AuditPage />
        </RequireAbility>
      }
      {...loadedBeforeNavigation(AuditPage)}
    />
    <Route path="*" element={<StaffNotFound />} {...loadedBeforeNavigation(textOf(['staff']))} />
  </Route>,
];
