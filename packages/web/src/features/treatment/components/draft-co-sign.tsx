import { useId } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { useTranslation } from 'react-i18next';

/**
 * A draft note or plan is edited and signed by its author. Another clinician sees who wrote it
 * and may act only by ticking the co-sign box; the server records the co-sign in the audit log.
 */
export function DraftCoSign({ authorName, checked, onChange }: { authorName: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation('treatment');
  const id = useId();
  return (
    <Alert tone="info" title={t('draft.notYoursTitle', { name: authorName })}>
      <p>{t('draft.notYours')}</p>
      <label className="tr-check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="draft-cosign" />
        <span>{t('draft.coSign')}</span>
      </label>
    </Alert>
  );
}
