import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { type IntakeTarget } from '../api/intake-api.ts';
import { intakeViewQuery } from '../api/intake-queries.ts';
import { IntakeForm } from './intake-form.tsx';
import { useTranslation } from 'react-i18next';

export interface IntakeFlowProps {
  target: IntakeTarget;
  atReception: boolean;
  clinicPhone: string | undefined;
}

/** Loads the questionnaire, the saved answers and the consent, then hands them to the form. */
export function IntakeFlow({ target, atReception, clinicPhone }: IntakeFlowProps) {
  // The body chart's words (a later step) load with the page: text that arrived only when the chart
  // first showed would suspend the form in the middle of its steps (the page's loading state in its place).
  const { t } = useTranslation(['intake', 'common', 'bodyChart']);
  const errorText = useErrorText();
  const view = useQuery(intakeViewQuery(target));

  if (view.isPending) return <LoadingState label={t('loading')} />;
  // A wrong or old token and an unknown reference look the same: 404.
  if (view.isError && view.error instanceof ApiError && view.error.status === 404) {
    return (
      <Alert tone="error" title={target.kind === 'patient' ? t('invalidLink.title') : t('notFound')}>
        {target.kind === 'patient' ? <p>{t('invalidLink.body')}</p> : null}
      </Alert>
    );
  }
  if (view.isError) {
    return (
      <Alert
        tone="error"
        actions={
          <Button variant="secondary" onClick={() => void view.refetch()}>
            {t('common:actions.retry')}
          </Button>
        }
      >
        {errorText(view.error)}
      </Alert>
    );
  }
  return <IntakeForm view={view.data} target={target} atReception={atReception} clinicPhone={clinicPhone} />;
}
