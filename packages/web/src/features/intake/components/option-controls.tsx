import type { ReactNode } from 'react';

/**
 * Radio and checkbox groups drawn as large tappable rows: the whole row is the label, so a
 * finger on a phone cannot miss. A fieldset and legend give the group its question as a name.
 */

export interface OptionItem {
  value: string;
  label: string;
}

interface GroupProps {
  id: string;
  linkId: string;
  legend: ReactNode;
  required: boolean;
  missing: boolean;
  layout: 'row' | 'column' | 'scale';
  children: ReactNode;
  /** A radio group says it is required (ARIA allows aria-required on a radiogroup, not on a plain group). */
  kind?: 'radio' | 'checkbox';
}

function OptionGroup({ id, linkId, legend, required, missing, layout, children, kind = 'checkbox' }: GroupProps) {
  return (
    <fieldset
      id={id}
      data-link-id={linkId}
      className={`ik-question${missing ? ' ik-question--missing' : ''}`}
      role={kind === 'radio' ? 'radiogroup' : undefined}
      aria-required={(kind === 'radio' && required) || undefined}
      aria-invalid={missing || undefined}
    >
      <legend className="ik-question__label">{legend}</legend>
      <div className={`ik-options ik-options--${layout}`} dir={layout === 'scale' ? 'ltr' : undefined}>
        {children}
      </div>
    </fieldset>
  );
}

export interface RadioGroupProps extends Omit<GroupProps, 'children' | 'layout' | 'kind'> {
  name: string;
  options: readonly OptionItem[];
  value: string | undefined;
  onChange(value: string): void;
  layout?: GroupProps['layout'];
}

export function RadioGroup({ name, options, value, onChange, layout, ...group }: RadioGroupProps) {
  const chosenLayout = layout ?? (options.length <= 3 && options.every((o) => o.label.length <= 24) ? 'row' : 'column');
  return (
    <OptionGroup {...group} layout={chosenLayout} kind="radio">
      {options.map((option) => (
        <label key={option.value} className={`ik-option${value === option.value ? ' is-checked' : ''}`}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </OptionGroup>
  );
}

export interface CheckboxGroupProps extends Omit<GroupProps, 'children' | 'layout' | 'kind'> {
  options: readonly OptionItem[];
  values: readonly string[];
  onChange(values: string[]): void;
}

/** An option coded 'none' is exclusive: ticking it clears the others, ticking another clears it. */
export function CheckboxGroup({ options, values, onChange, ...group }: CheckboxGroupProps) {
  const toggle = (code: string, on: boolean) => {
    if (!on) return onChange(values.filter((v) => v !== code));
    if (code === 'none') return onChange(['none']);
    return onChange([...values.filter((v) => v !== 'none' && v !== code), code]);
  };
  return (
    <OptionGroup {...group} layout="column">
      {options.map((option) => {
        const checked = values.includes(option.value);
        return (
          <label key={option.value} className={`ik-option${checked ? ' is-checked' : ''}`}>
            <input type="checkbox" value={option.value} checked={checked} onChange={(event) => toggle(option.value, event.target.checked)} />
            <span>{option.label}</span>
          </label>
        );
      })}
    </OptionGroup>
  );
}
