// Node has no Temporal yet: the server-side renderer installs the polyfill (it does nothing where Temporal exists).
import 'temporal-polyfill/global';
import type { ClinicOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance, type TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { I18nextProvider } from 'react-i18next';
import { Route, Routes, StaticRouter } from 'react-router';
import { servicesQuery } from '../../features/public-booking/api/public-booking-queries.ts';
import { PublicLayout } from '../../features/public-booking/components/public-layout.tsx';
import { ar as bookingAr } from '../../features/public-booking/locales/ar.ts';
import { en as bookingEn } from '../../features/public-booking/locales/en.ts';
import { BookPage } from '../../features/public-booking/pages/book-page.tsx';
import { HomePage } from '../../features/public-booking/pages/home-page.tsx';
import { clinicQuery } from '../../lib/clinic/clinic-query.ts';
import { ClinicTimeZoneProvider } from '../../lib/clinic-time/clinic-time-context.tsx';
import type { Language } from '../../lib/i18n/language.ts';
import { StaticPageContext } from '../../lib/i18n/static-page.ts';
import { ar as commonAr } from '../locales/ar.ts';
import { en as commonEn } from '../locales/en.ts';

/*
 * Public pages rendered to HTML on the server, per language, with the same components the app uses
 * (built by `vite build --ssr` into packages/web/dist-server; packages/server/src/lib/web-pages.ts
 * loads it, gives it the clinic's data and puts the result into the built index.html). The page
 * arrives readable, with its title, description and structured data, and needs no JavaScript:
 * its links lead into the app (/book loads the app as before).
 *
 * A new public page (an article of issue 15) is one more entry in PUBLIC_PAGES: its path, its
 * element, and its head (title, description, JSON-LD such as MedicalWebPage or FAQPage). Data it
 * needs beyond the clinic and its services (the article's text) comes in `PublicPageData` from the
 * server, which also lists the page in /sitemap.xml.
 */

/** What the server reads from the database for a public page. */
export interface PublicPageData {
  clinic: ClinicOut;
  services: readonly ServiceOut[];
}

/** The rendered page: the markup of #root and what goes into <head>. */
export interface RenderedPage {
  html: string;
  /** True when the page keeps the app's script (PublicPage.withApp). */
  withApp: boolean;
  title: string;
  description: string;
  /** schema.org objects, each sent as its own application/ld+json script. */
  jsonLd: object[];
}

interface PublicPage {
  path: string;
  element: ReactElement;
  /**
   * Sent with the app's script, which takes over the page (main.tsx): rendered as the app renders it
   * (controls as buttons, not the script-free links of a static page), so the app's first render
   * draws the same markup in its place. The server sends only its first screen this way.
   */
  withApp?: boolean;
  head(t: TFunction<'booking'>, data: PublicPageData, language: Language, origin: string): Omit<RenderedPage, 'html' | 'withApp'>;
}

function pick(text: { en: string; ar: string }, language: Language): string {
  return language === 'ar' ? text.ar || text.en : text.en;
}

/** schema.org MedicalClinic from the clinic's settings: what search engines show as the clinic's card. */
function medicalClinic(data: PublicPageData, language: Language, origin: string): object {
  const { clinic } = data;
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalClinic',
    name: pick(clinic.name, language),
    alternateName: pick(clinic.name, language === 'ar' ? 'en' : 'ar'),
    url: `${origin}/`,
    telephone: clinic.phone,
    email: clinic.email,
    address: { '@type': 'PostalAddress', streetAddress: pick(clinic.address, language) },
    availableLanguage: ['en', 'ar'],
    potentialAction: { '@type': 'ReserveAction', target: `${origin}/book` },
  };
}

export const PUBLIC_PAGES = {
  home: {
    path: '/',
    element: <HomePage />,
    head: (t, data, language, origin) => ({
      title: `${t('home.eyebrow')} · ${pick(data.clinic.name, language)}`,
      description: t('home.lead'),
      jsonLd: [medicalClinic(data, language, origin)],
    }),
  },
  // The booking page's first step, the service list, is its largest text: drawn by the server it is
  // on screen before the app's script has arrived and run (issue 13: LCP on a phone).
  book: {
    path: '/book',
    element: <BookPage />,
    withApp: true,
    head: (t, data, language) => ({
      title: `${t('book.pageTitle')} · ${pick(data.clinic.name, language)}`,
      description: t('book.pageSubtitle'),
      jsonLd: [],
    }),
  },
} satisfies Record<string, PublicPage>;

export type PublicPageName = keyof typeof PUBLIC_PAGES;

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(typeof part === 'string' ? Buffer.from(part) : part);
  return Buffer.concat(parts).toString('utf8');
}

/** One page in one language, with every lazy part (the safety advice) resolved. */
export async function renderPublicPage(name: PublicPageName, language: Language, data: PublicPageData, origin: string): Promise<RenderedPage> {
  const page: PublicPage = PUBLIC_PAGES[name];
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    defaultNS: 'common',
    resources: { en: { common: commonEn, booking: bookingEn }, ar: { common: commonAr, booking: bookingAr } },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(clinicQuery.queryKey, data.clinic);
  queryClient.setQueryData(servicesQuery.queryKey, [...data.services]);
  const { prelude } = await prerenderToNodeStream(
    <StaticPageContext.Provider value={!page.withApp}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <ClinicTimeZoneProvider timeZone={data.clinic.timeZone}>
            <StaticRouter location={page.path}>
              <Routes>
                <Route element={<PublicLayout />}>
                  <Route path={page.path} element={page.element} />
                </Route>
              </Routes>
            </StaticRouter>
          </ClinicTimeZoneProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </StaticPageContext.Provider>,
    // Every part in place, in order: no part sent later behind `hidden` with a script to move it
    // (React does that for large parts when streaming; this page runs no script, and the CSP forbids inline ones).
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const html = await readStream(prelude);
  queryClient.clear();
  return { ...page.head(i18n.getFixedT(language, 'booking'), data, language, origin), html, withApp: page.withApp ?? false };
}
