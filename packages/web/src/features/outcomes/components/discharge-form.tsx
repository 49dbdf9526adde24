import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { outcomesApi, type DischargeReason } from '../api/outcomes-api.ts';

const REASONS: readonly DischargeReason[] = ['goals_met', 'plateau', 'referred_on', 'patient_choice'];

/** Ends an open episode with the reason; a drop-out is never chosen here, the clinic's rule decides it. */
export function DischargeForm({ episodeId, patientId }: { episodeId: string; patientId: string }) {
  const { t } = useTranslation('outcomes');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<DischargeReason>('goals_met');
  const discharge = useMutation({
    mutationFn: () => outcomesApi.discharge(episodeId, reason),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['outcomes', 'episodes', patientId] }),
        queryClient.invalidateQueries({ queryKey: ['outcomes', 'episode', episodeId] }),
      ]),
  });
  return (
    <form
      className="oc-form oc-form--inline"
      onSubmit={(event) => {
        event.preventDefault();
        discharge.mutate();
      }}
    >
      <SelectField
        label={t('discharge.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value as DischargeReason)}
        options={REASONS.map((value) => ({ value, label: t(`reasons.${value}`) }))}
      />
      <Button type="submit" variant="secondary" busy={discharge.isPending}>
        {t('discharge.submit')}
      </Button>
      {discharge.error ? <Alert tone="error">{errorText(discharge.error)}</Alert> : null}
    </form>
  );
}
