import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { accountsApi, type SignInResult } from './accounts-api.ts';

/** The second sign-in step: a code from the authenticator app, or a recovery code. */
export function TwoFactorCodeForm({ onSignedIn, onBack }: { onSignedIn(result: SignInResult): Promise<void> | void; onBack(): void }) {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: async (entered: string) => onSignedIn(await accountsApi.signInCode(entered)),
    onError: (caught) => {
      // The password-only session ended (expired, or too many wrong codes): start again.
      if (caught instanceof ApiError && (caught.code === 'unauthenticated' || caught.code === 'rate_limited')) onBack();
      setCode('');
    },
  });
  // Here a 401 means the password step expired, and the limit is the sign-in lockout's 15 minutes.
  const error = !verify.error
    ? undefined
    : verify.error instanceof ApiError && (verify.error.code === 'unauthenticated' || verify.error.code === 'rate_limited')
      ? t(`errors.${verify.error.code}`)
      : errorText(verify.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    verify.mutate(code.trim());
  }

  return (
    <>
      <h1>{t('code.title')}</h1>
      <p className="st-muted">{t('code.intro')}</p>
      <form className="st-form" onSubmit={submit}>
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
        <Button type="submit" block busy={verify.isPending}>
          {t('code.submit')}
        </Button>
        <Button variant="ghost" block onClick={onBack}>
          {t('code.back')}
        </Button>
      </form>
    </>
  );
}
