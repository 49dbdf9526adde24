import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route } from 'react-router';
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
import { RequireAbility, RequireStaff } from './session/require-staff.tsx';
import { SignInPage } from './session/sign-in-page.tsx';
import { StaffSessionProvider } from './session/staff-session.tsx';
import { StaffShell } from './shell/staff-shell.tsx';
import './staff.css';

function StaffSessionLayout() {
  return (
    <StaffSessionProvider>
      <Outlet />
    </StaffSessionProvider>
  );
}

/**
 * The signed-in staff frame (session, sign-in guard, top bar, navigation) around an <Outlet />.
 * app.tsx can nest other features' /staff pages in it, e.g.
 * <Route element={<StaffFrame />}>{clinicalRoutes}</Route>, so they share the shell.
 */
export function StaffFrame() {
  return (
    <StaffSessionProvider>
      <RequireStaff>
        <StaffShell />
      </RequireStaff>
    </StaffSessionProvider>
  );
}

function StaffNotFound() {
  const { t } = useTranslation('staff');
  return (
    <section className="st-page">
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.body')} />
      <Link to="/staff/calendar">{t('notFound.back')}</Link>
    </section>
  );
}

/**
 * Everything under /staff. /staff/patients is linked from the navigation but built elsewhere;
 * a more specific route added for it outranks the catch-all here.
 */
export const staffRoutes = [
  <Route key="staff" element={<StaffSessionLayout />}>
    <Route path="/staff/sign-in" element={<SignInPage />} />
    <Route path="/staff/welcome/:token" element={<SetPasswordPage />} />
    <Route path="/setup/:token" element={<SetPasswordPage />} />
    <Route
      path="/staff"
      element={
        <RequireStaff>
          <StaffShell />
        </RequireStaff>
      }
    >
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
    </Route>
  </Route>,
];
