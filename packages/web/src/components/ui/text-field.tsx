import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import './ui.css';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the field and announced; also marks the input aria-invalid. */
  error?: ReactNode;
  /** "(optional)" or similar, shown beside the label. */
  optionalText?: ReactNode;
  id?: string;
  /** Reaches the input (react-hook-form registers it, and focuses it when it holds a mistake). */
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, optionalText, id, className, ...inputProps }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? `field-${autoId}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', error ? 'ui-field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={inputId}>
        {label}
        {optionalText ? <span className="ui-field__optional"> {optionalText}</span> : null}
      </label>
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input {...inputProps} id={inputId} className="ui-field__control" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
