import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { HydrateLater } from '../../../lib/server-drawn.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { useLanguage } from '../hooks/use-language.ts';
import '../public-booking.css';

function Header() {
  const { t } = useTranslation('booking');
  const { t: tc } = useTranslation('common');
  const clinic = useQuery(clinicQuery).data;
  const { pick } = useLanguage();
  return (
    <header className="pb-header">
      <div className="pb-header__inner">
        <Link to="/" className="pb-brand">
          <span className="pb-brand__mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="32" height="32" focusable="false">
              <circle cx="16" cy="16" r="15" fill="var(--color-primary)" />
              <path d="M8 20c3-8 5-8 8 0s5 8 8 0" fill="none" stroke="var(--color-on-primary)" strokeWidth="2.4" strokeLinecap="round" />
            </svg>
          </span>
          <span className="pb-brand__text">
            <span className="pb-brand__name">{clinic ? pick(clinic.name) : tc('appName')}</span>
            <span className="pb-brand__tagline">{t('layout.tagline')}</span>
          </span>
        </Link>
        <nav className="pb-header__nav" aria-label={t('layout.mainNav')}>
          <NavLink to="/book" className="pb-header__book">
            {tc('nav.book')}
          </NavLink>
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}

function Footer() {
  const { t } = useTranslation('booking');
  const clinic = useQuery(clinicQuery).data;
  const { pick } = useLanguage();
  return (
    <footer className="pb-footer">
      <div className="pb-footer__inner">
        {clinic ? (
          <address className="pb-footer__contact">
            <strong>{pick(clinic.name)}</strong>
            <span>{pick(clinic.address)}</span>
            <a href={`tel:${clinic.phone.replace(/\s/g, '')}`} dir="ltr">
              {clinic.phone}
            </a>
            <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
          </address>
        ) : null}
        <p className="pb-footer__note">{t('layout.footerNote')}</p>
        <Link to="/staff" className="pb-footer__staff">
          {t('layout.staff')}
        </Link>
      </div>
    </footer>
  );
}

/** Header with the language switch, the page, and the clinic's contact details, on every public page. */
export function PublicLayout() {
  const { t } = useTranslation('booking');
  return (
    <>
      <div className="pb-shell">
        <a href="#main" className="pb-skip">
          {t('layout.skip')}
        </a>
        {/* On a page the server drew, the page, the header and the footer are each hydrated in a task of
            their own after the frame's (lib/server-drawn.tsx), the page first. */}
        <HydrateLater turn={2}>
          <Header />
        </HydrateLater>
        <main id="main" className="pb-main" tabIndex={-1}>
          {/* The page's chunk loads here; the header and footer stay put, and the main area keeps its height. */}
          <Suspense fallback={<div className="pb-page pb-page--loading" aria-busy="true" />}>
            <HydrateLater turn={1}>
              <Outlet />
            </HydrateLater>
          </Suspense>
        </main>
        <HydrateLater turn={3}>
          <Footer />
        </HydrateLater>
      </div>
    </>
  );
}
