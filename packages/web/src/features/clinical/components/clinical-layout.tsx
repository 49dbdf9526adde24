import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { useStaffSession } from '../../../lib/use-staff-session.ts';
import { useClinicalTranslation } from '../lib/use-clinical-translation.ts';

/** The frame of every clinical page: a header, and a check that someone is signed in. */
export function ClinicalLayout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const { t } = useClinicalTranslation();
  const session = useStaffSession();
  const location = useLocation();

  let body: ReactNode;
  if (session.status === 'loading') body = <p className="muted">{t('status.loading')}</p>;
  else if (session.status === 'signed-out') return <Navigate to={`/staff/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  else if (session.status === 'error') body = <p className="error">{t('status.loadFailed')}</p>;
  else body = children;

  return (
    <div className="clinical">
      <header className="clinical__bar">
        <Link to="/staff/patients" className="clinical__brand">
          {t('brand')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <Link to="/staff/patients">{t('nav.patients')}</Link>
          <Link to="/staff/calendar">{t('nav.calendar')}</Link>
        </nav>
        <div className="clinical__bar-end">
          {actions}
          {session.status === 'ready' && <span className="muted small">{session.user.name}</span>}
          <LanguageSwitch />
        </div>
      </header>
      <main className="clinical__main">{body}</main>
    </div>
  );
}
