import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { portalKey, portalSessionQuery, signOut } from '../api/portal-api.ts';
import '../portal.css';

/** The portal's frame: the clinic's name, the language switch and (signed in) sign-out; no staff code. */
export function PortalLayout() {
  const { t, i18n } = useTranslation('portal');
  const { t: tc } = useTranslation('common');
  const clinic = useQuery(clinicQuery).data;
  const session = useQuery(portalSessionQuery).data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = clinic ? (i18n.language === 'ar' ? clinic.name.ar : clinic.name.en) : tc('appName');
  async function leave() {
    await signOut().catch(() => undefined);
    // Health data does not outlive the session: every portal screen is dropped.
    queryClient.removeQueries({ queryKey: portalKey });
    void navigate('/portal');
  }
  return (
    <div className="pt-page">
      <a href="#portal-main" className="pt-skip">
        {t('layout.skip')}
      </a>
      <header className="pt-bar">
        <Link to="/portal" className="pt-bar__brand">
          {name} · {t('title')}
        </Link>
        <div className="pt-bar__actions">
          <LanguageSwitch />
          {session ? (
            <Button variant="secondary" size="sm" onClick={() => void leave()}>
              {t('layout.signOut')}
            </Button>
          ) : null}
        </div>
      </header>
      <main id="portal-main" className="pt-main" tabIndex={-1}>
        <Suspense fallback={<LoadingState label={tc('loading')} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
