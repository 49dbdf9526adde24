import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './contract-resolver.ts';

/**
 * The translated text for a field's mistake: the form's own wording where it gives one for that
 * field (`overrides.email`), else the shared wording for the kind of mistake (common `form.*`).
 */
export function useFieldErrorText() {
  const { t } = useTranslation('common');
  return (error: FieldError | undefined, override?: string): string | undefined => {
    if (!error) return undefined;
    if (override) return override;
    const problem = (error.message ?? 'invalid') as FieldProblem;
    return t(`form.${problem}`, { defaultValue: t('form.invalid') });
  };
}

/**
 * For a plain `<input>` (not the UI kit's TextField): marks it invalid and points it at its
 * message, which `<FieldErrorText>` renders with the same id.
 */
export function fieldErrorProps(id: string, error: string | undefined) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const;
}

/**
 * The message under a plain input. Inside a wrapping `<label>`, pass `insideLabel`: aria-hidden keeps
 * it out of the field's accessible name, and aria-describedby still reads it.
 */
export function FieldErrorText({
  id,
  error,
  insideLabel = false,
  className = 'field__error',
}: {
  id: string;
  error: string | undefined;
  insideLabel?: boolean;
  className?: string;
}) {
  return error ? (
    <span className={className} id={`${id}-error`} aria-hidden={insideLabel ? true : undefined}>
      {error}
    </span>
  ) : null;
}
