import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation, textOf } from '../../lib/lazy-page.ts';
import { PublicLayout } from './components/public-layout.tsx';

// Each page is its own chunk, fetched with its text before the router shows it (lib/lazy-page.ts):
// the home page does not download the booking form.
const BookPage = lazyPage(() => import('./pages/book-page.tsx'), 'BookPage', ['booking', 'errors']);
const ConfirmationPage = lazyPage(() => import('./pages/confirmation-page.tsx'), 'ConfirmationPage', ['booking', 'errors']);
const HomePage = lazyPage(() => import('./pages/home-page.tsx'), 'HomePage', ['booking']);
const ManagePage = lazyPage(() => import('./pages/manage-page.tsx'), 'ManagePage', ['booking', 'errors']);
const NotFoundPage = lazyPage(() => import('./pages/not-found-page.tsx'), 'NotFoundPage', ['booking']);
const WaitlistOfferPage = lazyPage(() => import('./pages/waitlist-offer-page.tsx'), 'WaitlistOfferPage', ['booking', 'errors']);

/** The patient-facing site. Every page shares the header with the language switch. */
export const publicRoutes = [
  <Route key="public" element={<PublicLayout />} {...loadedBeforeNavigation(textOf(['booking']))}>
    <Route index element={<HomePage />} {...loadedBeforeNavigation(HomePage)} />
    <Route path="book" element={<BookPage />} {...loadedBeforeNavigation(BookPage)} />
    <Route path="booking/:reference" element={<ManagePage />} {...loadedBeforeNavigation(ManagePage)} />
    <Route path="booking/:reference/confirmed" element={<ConfirmationPage />} {...loadedBeforeNavigation(ConfirmationPage)} />
    <Route path="waitlist/offer/:token" element={<WaitlistOfferPage />} {...loadedBeforeNavigation(WaitlistOfferPage)} />
    <Route path="*" element={<NotFoundPage />} {...loadedBeforeNavigation(NotFoundPage)} />
  </Route>,
];
