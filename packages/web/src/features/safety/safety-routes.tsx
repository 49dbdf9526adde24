import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state.tsx';

// Loaded on demand, with the questionnaire the answers are read against.
const PatientSafetyPage = lazy(() => import('./pages/patient-safety-page.tsx').then((m) => ({ default: m.PatientSafetyPage })));
const ReviewQueuePage = lazy(() => import('./pages/review-queue-page.tsx').then((m) => ({ default: m.ReviewQueuePage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<LoadingState label={t('loading')} />}>{children}</Suspense>;
}

/** The physician review queue and a patient's safety page. For app.tsx to place inside the staff frame. */
export const safetyRoutes = [
  <Route
    key="safety-reviews"
    path="/staff/reviews"
    element={
      <Loading>
        <ReviewQueuePage />
      </Loading>
    }
  />,
  <Route
    key="safety-patient"
    path="/staff/patients/:id/safety"
    element={
      <Loading>
        <PatientSafetyPage />
      </Loading>
    }
  />,
];
