import './accounts.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { staffKeys, twoFactorStatusQuery } from '../api/staff-queries.ts';
import { accountsApi } from './accounts-api.ts';
import { passwordProblemsText } from './password-problems.ts';
import { NewPasswordFields } from './new-password-fields.tsx';
import { RecoveryCodes, TwoFactorEnrol } from './two-factor-enrol.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { CalendarFeedCard } from './calendar-feed-card.tsx';

/**
 * Every user's own account: change password; turn two-factor on (or off where optional); new
 * recovery codes; and, for a practitioner, their calendar feed to subscribe to on their phone.
 */
export function SecurityPage() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const user = useStaffUser();
  return (
    <section className="st-page st-page-narrow">
      <PageHeader title={t('security.title')} subtitle={t('security.subtitle')} />
      {user.practitionerId ? <CalendarFeedCard /> : null}
      <ChangePasswordCard />
      <TwoFactorCard />
    </section>
  );
}

/** An account error in the reader's language, with a refused password's problems spelled out. */
function useAccountErrorText() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const errorText = useErrorText();
  return (error: unknown) => passwordProblemsText(t, error) ?? errorText(error);
}

function ChangePasswordCard() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const errorText = useAccountErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const change = useMutation({
    mutationFn: () => accountsApi.changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const mismatch = confirm.length > 0 && confirm !== next;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    change.mutate();
  }

  return (
    <div className="st-card st-account-card">
      <h2>{t('security.passwordTitle')}</h2>
      <form className="st-form" onSubmit={submit}>
        <TextField
          label={t('security.current')}
          name="current-password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          dir="ltr"
        />
        <NewPasswordFields
          password={{ value: next, onChange: (e) => setNext(e.target.value) }}
          confirm={{ value: confirm, onChange: (e) => setConfirm(e.target.value) }}
          mismatch={mismatch}
        />
        {change.isError ? <Alert tone="error">{errorText(change.error)}</Alert> : null}
        {change.isSuccess ? <Alert tone="success">{t('security.changed')}</Alert> : null}
        <div className="st-form-actions">
          <Button type="submit" busy={change.isPending}>
            {t('security.change')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function TwoFactorCard() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const errorText = useAccountErrorText();
  const queryClient = useQueryClient();
  const status = useQuery(twoFactorStatusQuery);
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[]>();
  const [notice, setNotice] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: staffKeys.twoFactor });
  const newCodes = useMutation({
    mutationFn: () => accountsApi.newRecoveryCodes(password),
    onMutate: () => setNotice(undefined),
    onSuccess: (answer) => {
      setCodes(answer.recoveryCodes);
      setPassword('');
      return refresh();
    },
  });
  const turnOff = useMutation({
    mutationFn: () => accountsApi.disableTwoFactor(password),
    onMutate: () => setNotice(undefined),
    onSuccess: () => {
      setPassword('');
      setNotice(t('security.turnedOff'));
      return refresh();
    },
  });
  const failed = newCodes.error ?? turnOff.error;
  const busy = newCodes.isPending || turnOff.isPending;
  const data = status.data;

  return (
    <div className="st-card st-account-card">
      <h2>
        {t('security.twoFactorTitle')}{' '}
        {data ? (
          <Tag tone={data.enabled ? 'success' : 'neutral'} strong>
            {data.enabled ? t('security.on') : t('security.off')}
          </Tag>
        ) : null}
      </h2>
      {status.isError ? (
        <Alert tone="error">{errorText(status.error)}</Alert>
      ) : !data ? (
        <LoadingState label="…" />
      ) : codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />
      ) : !data.enabled ? (
        <>
          <p className="st-muted">{data.required ? t('security.requiredNote') : t('security.optionalNote')}</p>
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          <TwoFactorEnrol onDone={() => void refresh()} />
        </>
      ) : (
        <form className="st-form" onSubmit={(e) => e.preventDefault()}>
          <p className="st-muted">
            {data.required ? t('security.requiredNote') : t('security.optionalNote')} {t('security.codesLeft', { count: data.recoveryCodesLeft })}
          </p>
          <TextField
            label={t('security.confirmPassword')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            dir="ltr"
          />
          {failed ? <Alert tone="error">{errorText(failed)}</Alert> : null}
          <div className="st-form-actions">
            <Button variant="secondary" busy={busy} disabled={!password} onClick={() => newCodes.mutate()}>
              {t('security.newCodes')}
            </Button>
            {data.required ? null : (
              <Button variant="danger" busy={busy} disabled={!password} onClick={() => turnOff.mutate()}>
                {t('security.turnOff')}
              </Button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
