import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state.tsx';

// Loaded on demand, like the intake: a patient opening the link downloads the questions page without the staff app.
const PatientMeasuresPage = lazy(() => import('./pages/patient-measures-page.tsx').then((m) => ({ default: m.PatientMeasuresPage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<LoadingState label={t('loading')} />}>{children}</Suspense>;
}

/** The patient's outcome questions, opened from the reminder or check-in link, or on the clinic's tablet (issue 11). */
export const patientMeasuresRoutes = [
  <Route
    key="patient-measures"
    path="/measures/:token"
    element={
      <Loading>
        <PatientMeasuresPage />
      </Loading>
    }
  />,
];
