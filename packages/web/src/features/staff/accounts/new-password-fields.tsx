import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from '../../../components/ui/text-field.tsx';

/** What each field takes from its form: react-hook-form's `register(...)`, or a value and onChange. */
type FieldBinding = Pick<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'ref'>;

/** New password twice, with the policy as a hint; the server checks the policy again. */
export function NewPasswordFields({
  password,
  confirm,
  passwordError,
  mismatch,
}: {
  password: FieldBinding;
  confirm: FieldBinding;
  /** The policy's complaint, already worded. */
  passwordError?: string | undefined;
  mismatch: boolean;
}) {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  return (
    <>
      <TextField
        label={t('password.newPassword')}
        name="new-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={128}
        hint={t('password.rule')}
        {...password}
        error={passwordError}
        dir="ltr"
      />
      <TextField
        label={t('password.confirm')}
        name="confirm-password"
        type="password"
        autoComplete="new-password"
        required
        {...confirm}
        error={mismatch ? t('password.mismatch') : undefined}
        dir="ltr"
      />
    </>
  );
}
