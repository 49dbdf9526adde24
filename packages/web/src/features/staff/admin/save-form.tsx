import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { errorText } from '../api/error-text.ts';
import { useSessionGuard } from '../api/use-staff-data.ts';

/** Busy and error state for an admin form's save: a 401 signs the user out, other errors are shown. */
export function useSaveForm() {
  const { t } = useTranslation('staff');
  const guard = useSessionGuard();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function run(save: () => Promise<unknown>, onSaved: () => void): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await save();
      onSaved();
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
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
