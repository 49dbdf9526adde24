import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { TwoFactorCodeForm } from '../accounts/two-factor-code-form.tsx';
import { useStaffSession } from '../../../lib/session/use-staff-session.ts';

const DEMO_PASSWORD = 'myomap-demo';
const DEMO_ACCOUNTS = [
  ['admin@demo.myomap.app', 'admin'],
  ['reception@demo.myomap.app', 'reception'],
  ['amira@demo.myomap.app', 'therapist'],
  ['dr.yousef@demo.myomap.app', 'physician'],
] as const;

/** Only staff paths on this site are followed after sign-in, so ?next= cannot send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/staff/') && !next.startsWith('/staff/sign-in') ? next : '/staff/calendar';
}

export function SignInPage() {
  const { t } = useTranslation('staff');
  const errorText = useErrorText();
  const { state, signIn, completeSignIn } = useStaffSession();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await signIn(email.trim(), password);
      if (result.stage === 'two_factor') {
        setPassword('');
        setStep('code');
        setBusy(false);
        return;
      }
      await navigate(next, { replace: true });
    } catch (caught) {
      setError(errorText(caught));
      setBusy(false);
    }
  }

  return (
    <div className="st-sign-in-page">
      <div className="st-sign-in-lang">
        <LanguageSwitch />
      </div>
      <main className="st-sign-in-card">
        <div className="st-sign-in-brand">
          <span className="ui-brand-mark" aria-hidden="true">
            M
          </span>
          <span className="ui-brand-name">Myomap</span>
        </div>
        {step === 'code' ? (
          <TwoFactorCodeForm
            onSignedIn={async (result) => {
              completeSignIn(result);
              await navigate(next, { replace: true });
            }}
            onBack={() => setStep('password')}
          />
        ) : (
          <>
            <h1>{t('signIn.title')}</h1>
            <p className="st-muted">{t('signIn.intro')}</p>
            <form className="st-form" onSubmit={(e) => void submit(e)}>
              <TextField
                label={t('signIn.email')}
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                dir="ltr"
              />
              <TextField
                label={t('signIn.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                dir="ltr"
              />
              {error ? <Alert tone="error">{error}</Alert> : null}
              <Button type="submit" block busy={busy} disabled={state.status === 'loading'}>
                {busy ? t('signIn.signingIn') : t('signIn.submit')}
              </Button>
            </form>
            <details className="st-demo-hint">
              <summary>{t('signIn.demoTitle')}</summary>
              <p>
                {t('signIn.demoPassword')}{' '}
                <code className="st-nowrap" dir="ltr">
                  {DEMO_PASSWORD}
                </code>
              </p>
              <p>{t('signIn.demoPick')}</p>
              <ul>
                {DEMO_ACCOUNTS.map(([address, role]) => (
                  <li key={address}>
                    <button
                      type="button"
                      className="st-link-button"
                      onClick={() => {
                        setEmail(address);
                        setPassword(DEMO_PASSWORD);
                      }}
                    >
                      <bdi dir="ltr">{address}</bdi>
                    </button>{' '}
                    <span className="st-muted">({t(`roles.${role}`)})</span>
                  </li>
                ))}
              </ul>
            </details>
          </>
        )}
      </main>
    </div>
  );
}
