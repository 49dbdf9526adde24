import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { SecurityPage } from './accounts/security-page.tsx';
import { SetPasswordPage } from './accounts/set-password-page.tsx';
import { UsersPage } from './accounts/users-page.tsx';
import { HoursPage } from './admin/hours-page.tsx';
import { PractitionersPage } from './admin/practitioners-page.tsx';
import { RoomsPage } from './admin/rooms-page.tsx';
import { ServicesPage } from './admin/services-page.tsx';
import { AuditPage } from './audit/audit-page.tsx';
import { CalendarPage } from './calendar/calendar-page.tsx';
import { MailboxPage } from './mailbox/mailbox-page.tsx';
import { SuspiciousBookingsPage } from './suspicious/suspicious-bookings-page.tsx';
import { RequireAbility } from './session/require-staff.tsx';
import { SignInPage } from './session/sign-in-page.tsx';
import './staff.css';

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
