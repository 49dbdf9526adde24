import './accounts.css';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { useStaffSession } from '../../../lib/session/use-staff-session.ts';
import { TwoFactorEnrol } from './two-factor-enrol.tsx';

/** Shown instead of every staff screen while a user whose role requires two-factor has not set it up. */
export function EnrolRequiredPage() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const { completeSignIn, signOut } = useStaffSession();
  const navigate = useNavigate();
  return (
    <div className="st-sign-in-page">
      <div className="st-sign-in-lang">
        <LanguageSwitch />
      </div>
      <main className="st-sign-in-card st-enrol-card">
        <h1>{t('enrol.requiredTitle')}</h1>
        <p className="st-muted">{t('enrol.requiredIntro')}</p>
        <TwoFactorEnrol onDone={(csrfToken) => completeSignIn({ csrfToken, stage: 'active' })} />
        <Button
          variant="ghost"
          block
          onClick={() =>
            void signOut(false).then(
              () => navigate('/staff/sign-in', { replace: true }),
              () => undefined,
            )
          }
        >
          {t('enrol.signOut')}
        </Button>
      </main>
    </div>
  );
}
