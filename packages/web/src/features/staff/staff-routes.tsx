import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { RequireAbility } from './session/require-staff.tsx';
import './staff.css';
import { lazyPage } from '../../lib/lazy-page.ts';

// Each page loads on demand (lib/lazy-page.ts).
const SecurityPage = lazyPage(() => import('./accounts/security-page.tsx'), 'SecurityPage');
const SetPasswordPage = lazyPage(() => import('./accounts/set-password-page.tsx'), 'SetPasswordPage');
const UsersPage = lazyPage(() => import('./accounts/users-page.tsx'), 'UsersPage');
const HoursPage = lazyPage(() => import('./admin/hours-page.tsx'), 'HoursPage');
const PractitionersPage = lazyPage(() => import('./admin/practitioners-page.tsx'), 'PractitionersPage');
const RoomsPage = lazyPage(() => import('./admin/rooms-page.tsx'), 'RoomsPage');
const ServicesPage = lazyPage(() => import('./admin/services-page.tsx'), 'ServicesPage');
const AuditPage = lazyPage(() => import('./audit/audit-page.tsx'), 'AuditPage');
const CalendarPage = lazyPage(() => import('./calendar/calendar-page.tsx'), 'CalendarPage');
const MailboxPage = lazyPage(() => import('./mailbox/mailbox-page.tsx'), 'MailboxPage');
const SuspiciousBookingsPage = lazyPage(() => import('./suspicious/suspicious-bookings-page.tsx'), 'SuspiciousBookingsPage');
const SignInPage = lazyPage(() => import('./session/sign-in-page.tsx'), 'SignInPage');

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
  <Route key="staff-sign-in" path="/staff/sign-in" element={<SignInPage />} />,
  <Route key="staff-welcome" path="/staff/welcome/:token" element={<SetPasswordPage />} />,
  <Route key="staff-setup" path="/setup/:token" element={<SetPasswordPage />} />,
];

/**
 * Everything under /staff, for app.tsx to place inside the staff frame. Other features' /staff pages
 * (patients, plans…) are more specific routes and outrank the catch-all here.
 */
export const staffRoutes = [
  <Route key="staff" path="/staff">
    <Route index element={<Navigate to="/staff/calendar" replace />} />
    <Route path="calendar" element={<CalendarPage />} />
    <Route path="admin" element={<Navigate to="/staff/admin/practitioners" replace />} />
    <Route
      path="admin/practitioners"
      element={
        <RequireAbility ability="admin">
          <PractitionersPage />
        </RequireAbility>
      }
    />
    <Route
      path="admin/services"
      element={
        <RequireAbility ability="admin">
          <ServicesPage />
        </RequireAbility>
      }
    />
    <Route
      path="admin/rooms"
      element={
        <RequireAbility ability="admin">
          <RoomsPage />
        </RequireAbility>
      }
    />
    <Route
      path="admin/users"
      element={
        <RequireAbility ability="admin">
          <UsersPage />
        </RequireAbility>
      }
    />
    <Route path="account" element={<SecurityPage />} />
    <Route
      path="admin/hours"
      element={
        <RequireAbility ability="exceptions">
          <HoursPage />
        </RequireAbility>
      }
    />
    <Route
      path="mailbox"
      element={
        <RequireAbility ability="mailbox">
          <MailboxPage />
        </RequireAbility>
      }
    />
    <Route
      path="suspicious-bookings"
      element={
        <RequireAbility ability="suspiciousBookings">
          <SuspiciousBookingsPage />
        </RequireAbility>
      }
    />
    <Route
      path="audit"
      element={
        <RequireAbility ability="audit">
          <AuditPage />
        </RequireAbility>
      }
    />
    <Route path="*" element={<StaffNotFound />} />
  </Route>,
];
