import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { accountErrorText } from './account-error-text.ts';
import { accountsApi, type LinkInfo } from './accounts-api.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

/**
 * A one-time link, opened signed out: /setup/:token creates the first admin; /staff/welcome/:token
 * sets the password of an invited user or after a reset.
 */
export function SetPasswordPage() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const { token = '' } = useParams();
  const [link, setLink] = useState<LinkInfo>();
  const [loadError, setLoadError] = useState<string>();
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const mismatch = form.confirm.length > 0 && form.confirm !== form.password;

  useEffect(() => {
    accountsApi.link(token).then(setLink, (caught: unknown) => setLoadError(accountErrorText(t, caught)));
  }, [token, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(undefined);
    try {
      await accountsApi.useLink(token, link?.purpose === 'setup' ? { password: form.password, name: form.name.trim(), email: form.email.trim() } : { password: form.password });
      setDone(true);
    } catch (caught) {
      setError(accountErrorText(t, caught));
    }
    setBusy(false);
  }

  const purpose = link?.purpose ?? 'invite';
  return (
    <div className="st-sign-in-page">
      <div className="st-sign-in-lang">
        <LanguageSwitch />
      </div>
      <main className="st-sign-in-card">
        <div className="st-sign-in-brand">
          <span className="st-logo" aria-hidden="true">
            M
          </span>
          <span className="st-brand">Myomap</span>
        </div>
        {loadError ? (
          <Alert tone="error">{loadError}</Alert>
        ) : !link ? (
          <LoadingState label={t('link.checking')} />
        ) : done ? (
          <>
            <h1>{t('link.doneTitle')}</h1>
            <Alert tone="success">{t('link.done')}</Alert>
            <ButtonLink to="/staff/sign-in" block>
              {t('link.signIn')}
            </ButtonLink>
          </>
        ) : (
          <>
            <h1>{t(`link.${purpose}Title`)}</h1>
            <p className="st-muted">
              {/* First-strong isolates keep the address in one piece inside Arabic text. */}
              {t(`link.${purpose}Intro`, { email: `\u2068${link.email ?? ''}\u2069` })}
            </p>
            <form className="st-form" onSubmit={(e) => void submit(e)}>
              {purpose === 'setup' ? (
                <>
                  <TextField label={t('link.name')} name="name" autoComplete="name" required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
                  <TextField label={t('link.email')} name="email" type="email" autoComplete="username" required maxLength={254} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} dir="ltr" />
                </>
              ) : (
                <input type="hidden" name="username" autoComplete="username" value={link.email ?? ''} />
              )}
              <NewPasswordFields
                value={form.password}
                confirm={form.confirm}
                onChange={(password) => setForm({ ...form, password })}
                onConfirmChange={(confirm) => setForm({ ...form, confirm })}
                mismatch={mismatch}
              />
              {error ? <Alert tone="error">{error}</Alert> : null}
              <Button type="submit" block busy={busy}>
                {t('link.submit')}
              </Button>
            </form>
          </>
        )}
      </main>
    </div>
  );
}
