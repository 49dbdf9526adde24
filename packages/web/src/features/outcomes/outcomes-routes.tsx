import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state.tsx';

// Loaded on demand, with the chart library: most staff sessions never open these pages.
const PatientOutcomesPage = lazy(() => import('./pages/patient-outcomes-page.tsx').then((m) => ({ default: m.PatientOutcomesPage })));
const OutcomeReportPage = lazy(() => import('./pages/outcome-report-page.tsx').then((m) => ({ default: m.OutcomeReportPage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<LoadingState label={t('loading')} />}>{children}</Suspense>;
}

/** A patient's episodes and progress, and the clinic's outcome report. For app.tsx to place inside the staff frame. */
export const outcomesRoutes = [
  <Route
    key="outcomes-patient"
    path="/staff/patients/:id/outcomes"
    element={
      <Loading>
        <PatientOutcomesPage />
      </Loading>
    }
  />,
  <Route
    key="outcomes-report"
    path="/staff/reports/outcomes"
    element={
      <Loading>
        <OutcomeReportPage />
      </Loading>
    }
  />,
];
