import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { adoptPortalSession, requestSignIn, signInByCode } from '../api/portal-api.ts';

/** Step one: the email; step two: "check your email", with the code as the other way in. */
export function SignInForm() {
  const { t, i18n } = useTranslation('portal');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const send = useMutation({ mutationFn: () => requestSignIn(email.trim(), i18n.language === 'ar' ? 'ar' : 'en') });
  const useCode = useMutation({
    mutationFn: () => signInByCode(email.trim(), code.trim()),
    onSuccess: (session) => adoptPortalSession(queryClient, session),
  });

  function submitEmail(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }
  function submitCode(event: FormEvent) {
    event.preventDefault();
    useCode.mutate();
  }

  return (
    <div className="pt-narrow">
      <PageHeader title={t('signIn.title')} subtitle={send.isSuccess ? undefined : t('signIn.lead')} />
      {send.isSuccess ? (
        <Card as="section" aria-labelledby="portal-sent" className="pt-form">
          <h2 id="portal-sent">{t('signIn.sentTitle')}</h2>
          <p role="status">{t('signIn.sent', { minutes: send.data.expiresInMinutes })}</p>
          <form className="pt-form" onSubmit={submitCode} noValidate>
            <TextField
              label={t('signIn.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              error={
                useCode.error
                  ? useCode.error instanceof ApiError && useCode.error.code === 'invalid_credentials'
                    ? t('signIn.wrongCode')
                    : errorText(useCode.error)
                  : undefined
              }
            />
            <div className="pt-actions">
              <Button type="submit" busy={useCode.isPending} disabled={code.length !== 6}>
                {t('signIn.useCode')}
              </Button>
              <Button variant="ghost" onClick={() => send.reset()}>
                {t('signIn.another')}
              </Button>
            </div>
          </form>
        </Card>
      ) : (
        <Card as="section" aria-label={t('signIn.title')}>
          <form className="pt-form" onSubmit={submitEmail}>
            <TextField label={t('signIn.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            {send.error ? <Alert tone="error" title={errorText(send.error)} /> : null}
            <Button type="submit" busy={send.isPending} disabled={!email.includes('@')}>
              {t('signIn.send')}
            </Button>
          </form>
        </Card>
      )}
    </div>
  );
}
