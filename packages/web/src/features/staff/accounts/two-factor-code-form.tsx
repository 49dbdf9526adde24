import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { accountErrorText } from './account-error-text.ts';
import { accountsApi, type SignInResult } from './accounts-api.ts';

/** The second sign-in step: a code from the authenticator app, or a recovery code. */
export function TwoFactorCodeForm({ onSignedIn, onBack }: { onSignedIn(result: SignInResult): Promise<void> | void; onBack(): void }) {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSignedIn(await accountsApi.signInCode(code.trim()));
    } catch (caught) {
      // The password-only session ended (expired, or too many wrong codes): start again.
      if (caught instanceof ApiError && (caught.code === 'unauthenticated' || caught.code === 'rate_limited')) onBack();
      setError(accountErrorText(t, caught));
      setCode('');
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('code.title')}</h1>
      <p className="st-muted">{t('code.intro')}</p>
      <form className="st-form" onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('code.label')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          required
          maxLength={40}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          dir="ltr"
          autoFocus
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button type="submit" block busy={busy}>
          {t('code.submit')}
        </Button>
        <Button variant="ghost" block onClick={onBack}>
          {t('code.back')}
        </Button>
      </form>
    </>
  );
}
