import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';

/**
 * An admin form's save as a mutation: busy and error state, and on success the list it changed
 * (`changes`, e.g. staffKeys.rooms) is invalidated so every screen showing it refetches.
 */
export function useSaveForm(changes: QueryKey) {
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (save: () => Promise<unknown>) => save(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changes }),
  });
  function run(save: () => Promise<unknown>, onSaved: () => void): void {
    mutation.mutate(save, { onSuccess: onSaved });
  }
  return { error: mutation.error ? errorText(mutation.error) : undefined, busy: mutation.isPending, run };
}

/** The error, if any, then Cancel and Save. */
export function FormActions({ error, busy, onCancel }: { error: string | undefined; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation(['staff', 'common']);
  return (
    <>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="st-form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" busy={busy}>
          {t('common:actions.save')}
        </Button>
      </div>
    </>
  );
}
