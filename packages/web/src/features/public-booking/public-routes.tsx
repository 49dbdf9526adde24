import { Route } from 'react-router';
import { lazyPage } from '../../lib/lazy-page.ts';
import { PublicLayout } from './components/public-layout.tsx';

// Each page is its own chunk (lib/lazy-page.ts): the home page does not download the booking form.
const BookPage = lazyPage(() => import('./pages/book-page.tsx'), 'BookPage');
const ConfirmationPage = lazyPage(() => import('./pages/confirmation-page.tsx'), 'ConfirmationPage');
const HomePage = lazyPage(() => import('./pages/home-page.tsx'), 'HomePage');
const ManagePage = lazyPage(() => import('./pages/manage-page.tsx'), 'ManagePage');
const NotFoundPage = lazyPage(() => import('./pages/not-found-page.tsx'), 'NotFoundPage');
const WaitlistOfferPage = lazyPage(() => import('./pages/waitlist-offer-page.tsx'), 'WaitlistOfferPage');

/**
 * The pages the server may send already drawn, with the app's script (packages/server/src/lib/web-pages.ts):
 * main.tsx loads the page's chunk before the app's first render, so that render replaces the
 * server's markup with the same page in one step, never with an empty main area in between.
 */
export const SERVER_DRAWN_PAGES: Record<string, { preload(): Promise<void> } | undefined> = { '/book': BookPage };

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
