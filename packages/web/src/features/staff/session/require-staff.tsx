import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { EnrolRequiredPage } from '../accounts/enrol-required-page.tsx';
import { staffAbilities, useStaffSession, useStaffUser } from './staff-session.tsx';

/** Signed-out visitors to /staff/* go to sign-in, and come back here afterwards. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { state } = useStaffSession();
  const location = useLocation();
  const { t } = useTranslation('common');
  if (state.status === 'loading') {
    return (
      <div className="st-page-loading">
        <LoadingState label={t('loading')} />
      </div>
    );
  }
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/staff/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  // Two-factor required and not set up: nothing else until it is.
  if (state.status === 'signed-in' && state.stage === 'enrol') return <EnrolRequiredPage />;
  return children;
}

type Ability = keyof ReturnType<typeof staffAbilities>;

/** Hides a screen from roles that may not use it (the server refuses them with 403 as well). */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const user = useStaffUser();
  const { t } = useTranslation('staff');
  if (!staffAbilities(user.role)[ability]) {
    return (
      <section className="st-page">
        <h1>{t('forbidden.title')}</h1>
        <Alert tone="error">{t('forbidden.body')}</Alert>
      </section>
    );
  }
  return children;
}
