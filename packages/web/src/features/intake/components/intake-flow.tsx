import { useEffect, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { intakeApi, type IntakeTarget, type IntakeView } from '../api/intake-api.ts';
import { IntakeForm } from './intake-form.tsx';
import { useTranslation } from 'react-i18next';

export interface IntakeFlowProps {
  target: IntakeTarget;
  atReception: boolean;
  clinicPhone: string | undefined;
}

type Load = { status: 'loading' } | { status: 'ready'; view: IntakeView } | { status: 'invalid' } | { status: 'error' };

/** Loads the questionnaire, the saved answers and the consent, then hands them to the form. */
export function IntakeFlow({ target, atReception, clinicPhone }: IntakeFlowProps) {
  const { t } = useTranslation(['intake', 'common']);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    intakeApi.view(target).then(
      (view) => live && setLoad({ status: 'ready', view }),
      (error: unknown) => {
        if (!live) return;
        // A wrong or old token and an unknown reference look the same: 404.
        setLoad(error instanceof ApiError && error.status === 404 ? { status: 'invalid' } : { status: 'error' });
      },
    );
    return () => {
      live = false;
    };
  }, [target, attempt]);

  switch (load.status) {
    case 'loading':
      return <LoadingState label={t('loading')} />;
    case 'invalid':
      return (
        <Alert tone="error" title={target.kind === 'patient' ? t('invalidLink.title') : t('notFound')}>
          {target.kind === 'patient' ? <p>{t('invalidLink.body')}</p> : null}
        </Alert>
      );
    case 'error':
      return (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {t('loadFailed')}
        </Alert>
      );
    case 'ready':
      return <IntakeForm view={load.view} target={target} atReception={atReception} clinicPhone={clinicPhone} />;
  }
}
