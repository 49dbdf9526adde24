import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field.tsx';

/** New password twice, with the policy as a hint; the server checks the policy again. */
export function NewPasswordFields({ value, confirm, onChange, onConfirmChange, mismatch }: {
  value: string;
  confirm: string;
  onChange(next: string): void;
  onConfirmChange(next: string): void;
  mismatch: boolean;
}) {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  return (
    <>
      <TextField label={t('password.newPassword')} name="new-password" type="password" autoComplete="new-password" required minLength={12} maxLength={128} hint={t('password.rule')} value={value} onChange={(e) => onChange(e.target.value)} dir="ltr" />
      <TextField label={t('password.confirm')} name="confirm-password" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => onConfirmChange(e.target.value)} error={mismatch ? t('password.mismatch') : undefined} dir="ltr" />
    </>
  );
}
