import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Loaded on demand, with their text, before the router shows them (lib/lazy-page.ts).
const PatientSafetyPage = lazyPage(() => import('./pages/patient-safety-page.tsx'), 'PatientSafetyPage', ['errors', 'safety']);
const ReviewQueuePage = lazyPage(() => import('./pages/review-queue-page.tsx'), 'ReviewQueuePage', ['errors', 'safety']);

/** The physician review queue and a patient's safety page. For app.tsx to place inside the staff frame. */
export const safetyRoutes = [
  <Route key="safety-reviews" path="/staff/reviews" element={<ReviewQueuePage />} {...loadedBeforeNavigation(ReviewQueuePage)} />,
  <Route key="safety-patient" path="/staff/patients/:id/safety" element={<PatientSafetyPage />} {...loadedBeforeNavigation(PatientSafetyPage)} />,
];
