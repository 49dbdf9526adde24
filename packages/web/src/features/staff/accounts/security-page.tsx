import './accounts.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useSessionGuard, useStaffData } from '../api/use-staff-data.ts';
import { accountErrorText } from './account-error-text.ts';
import { accountsApi } from './accounts-api.ts';
import { NewPasswordFields } from './new-password-fields.tsx';
import { RecoveryCodes, TwoFactorEnrol } from './two-factor-enrol.tsx';
import { Tag } from '../../../components/ui/tag.tsx';

/** Every user's own account: change password; turn two-factor on (or off where optional); new recovery codes. */
export function SecurityPage() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  return (
    <section className="st-page st-page-narrow">
      <PageHeader title={t('security.title')} subtitle={t('security.subtitle')} />
      <ChangePasswordCard />
      <TwoFactorCard />
    </section>
  );
}

function useAction() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const guard = useSessionGuard();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<string | undefined>) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await work());
    } catch (caught) {
      guard(caught);
      setError(accountErrorText(t, caught));
    }
    setBusy(false);
  }
  return { error, notice, busy, run };
}

function ChangePasswordCard() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const action = useAction();
  const mismatch = confirm.length > 0 && confirm !== next;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    void action.run(async () => {
      await accountsApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      return t('security.changed');
    });
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
        {action.error ? <Alert tone="error">{action.error}</Alert> : null}
        {action.notice ? <Alert tone="success">{action.notice}</Alert> : null}
        <div className="st-form-actions">
          <Button type="submit" busy={action.busy}>
            {t('security.change')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function TwoFactorCard() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const status = useStaffData(() => accountsApi.twoFactor(), 'two-factor');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[]>();
  const action = useAction();
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
      {!data ? (
        <LoadingState label="…" />
      ) : codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />
      ) : !data.enabled ? (
        <>
          <p className="st-muted">{data.required ? t('security.requiredNote') : t('security.optionalNote')}</p>
          {action.notice ? <Alert tone="success">{action.notice}</Alert> : null}
          <TwoFactorEnrol onDone={() => status.reload()} />
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
          {action.error ? <Alert tone="error">{action.error}</Alert> : null}
          <div className="st-form-actions">
            <Button
              variant="secondary"
              busy={action.busy}
              disabled={!password}
              onClick={() =>
                void action.run(async () => {
                  setCodes((await accountsApi.newRecoveryCodes(password)).recoveryCodes);
                  setPassword('');
                  status.reload();
                  return undefined;
                })
              }
            >
              {t('security.newCodes')}
            </Button>
            {data.required ? null : (
              <Button
                variant="danger"
                busy={action.busy}
                disabled={!password}
                onClick={() =>
                  void action.run(async () => {
                    await accountsApi.disableTwoFactor(password);
                    setPassword('');
                    status.reload();
                    return t('security.turnedOff');
                  })
                }
              >
                {t('security.turnOff')}
              </Button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
