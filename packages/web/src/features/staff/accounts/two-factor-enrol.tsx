import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { setCsrfToken } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { accountsApi } from './accounts-api.ts';

/** Recovery codes, shown once, in a list that copies and prints cleanly. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  return (
    <div className="st-recovery">
      <h2>{t('enrol.codesTitle')}</h2>
      <p>{t('enrol.codesIntro')}</p>
      <ol className="st-recovery-codes" dir="ltr" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Button onClick={onDone}>{t('enrol.codesDone')}</Button>
    </div>
  );
}

/**
 * Setting up TOTP: ask the server for a secret, show it as a QR code and as text, confirm with
 * a first code, then show the recovery codes. `onDone` runs once the codes are acknowledged,
 * with the session's (possibly new) CSRF token.
 */
export function TwoFactorEnrol({ onDone }: { onDone(csrfToken: string): void }) {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const start = useMutation({ mutationFn: () => accountsApi.startTwoFactor() });
  const enable = useMutation({
    mutationFn: (entered: string) => accountsApi.enableTwoFactor(entered),
    // Enrolment may have replaced the session; later writes need its token.
    onSuccess: (enabled) => setCsrfToken(enabled.csrfToken),
  });
  const setup = start.data;
  const result = enable.data;
  const failed = enable.error ?? start.error;
  const error = failed ? errorText(failed) : undefined;
  const busy = start.isPending || enable.isPending;

  function confirm(event: FormEvent) {
    event.preventDefault();
    enable.mutate(code.trim());
  }

  if (result) return <RecoveryCodes codes={result.recoveryCodes} onDone={() => onDone(result.csrfToken)} />;
  if (!setup) {
    return (
      <>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button busy={busy} onClick={() => start.mutate()}>
          {t('enrol.start')}
        </Button>
      </>
    );
  }
  return (
    <form className="st-form st-enrol" onSubmit={confirm}>
      <p>{t('enrol.step1')}</p>
      <img className="st-enrol-qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`} alt={t('enrol.qrAlt')} width={200} height={200} />
      <p className="st-muted">{t('enrol.manual')}</p>
      <code className="st-enrol-secret" dir="ltr" data-testid="totp-secret">
        {setup.secret}
      </code>
      <p>{t('enrol.step2')}</p>
      <TextField
        label={t('code.label')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
        dir="ltr"
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" busy={busy}>
        {t('enrol.confirm')}
      </Button>
    </form>
  );
}
