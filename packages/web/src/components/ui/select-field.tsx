import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import './ui.css';

export interface SelectOption {
  value: string;
  label: string;
  /** Language of the label when it differs from the page, e.g. "العربية" on an English page. */
  lang?: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  options: readonly SelectOption[];
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({ label, options, hint, error, id, className, ...selectProps }: SelectFieldProps) {
  const autoId = useId();
  const selectId = id ?? `field-${autoId}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', error ? 'ui-field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={selectId}>
        {label}
      </label>
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <select
        {...selectProps}
        id={selectId}
        className="ui-field__control ui-field__control--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
