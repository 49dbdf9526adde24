import { Route } from 'react-router';
import { PublicLayout } from './components/public-layout.tsx';
import { BookPage } from './pages/book-page.tsx';
import { ConfirmationPage } from './pages/confirmation-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ManagePage } from './pages/manage-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { WaitlistOfferPage } from './pages/waitlist-offer-page.tsx';

/** The patient-facing site. Every page shares the header with the language switch. */
export const publicRoutes = [
  <Route key="public" element={<PublicLayout />}>
    <Route index element={<HomePage />} />
    <Route path="book" element={<BookPage />} />
    <Route path="booking/:reference" element={<ManagePage />} />
    <Route path="booking/:reference/confirmed" element={<ConfirmationPage />} />
    <Route path="waitlist/offer/:token" element={<WaitlistOfferPage />} />
    <Route path="*" element={<NotFoundPage />} />
  </Route>,
];
