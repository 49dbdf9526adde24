import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state.tsx';

// Loaded on demand: a patient opening the link from the confirmation email downloads the form
// (and the questionnaire it carries) without the staff app, and staff pay for it only when used.
const PatientIntakePage = lazy(() => import('./pages/patient-intake-page.tsx').then((m) => ({ default: m.PatientIntakePage })));
const PortalIntakePage = lazy(() => import('./pages/portal-intake-page.tsx').then((m) => ({ default: m.PortalIntakePage })));
const StaffIntakePage = lazy(() => import('./pages/staff-intake-page.tsx').then((m) => ({ default: m.StaffIntakePage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<LoadingState label={t('loading')} />}>{children}</Suspense>;
}

/** The intake form from the patient's own link in the booking confirmation. Public; the page brings its own frame. */
export const intakeRoutes = [
  <Route
    key="intake-patient"
    path="/intake/:reference"
    element={
      <Loading>
        <PatientIntakePage />
      </Loading>
    }
  />,
  <Route
    key="intake-portal"
    path="/portal/visits/:id/intake"
    element={
      <Loading>
        <PortalIntakePage />
      </Loading>
    }
  />,
];

/**
 * The reception tablet version, handed to the patient: for app.tsx to place in the staff frame's
 * sign-in guard without its bars (the page brings the patient-facing intake frame).
 */
export const staffIntakeRoutes = [
  <Route
    key="intake-staff"
    path="/staff/appointments/:id/intake"
    element={
      <Loading>
        <StaffIntakePage />
      </Loading>
    }
  />,
];
