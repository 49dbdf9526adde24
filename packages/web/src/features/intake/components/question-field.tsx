import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import type { QuestionnaireItem } from '@myomap/domain/screening/questionnaire-schemas';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { controlKind, numberRange, optionText, questionId, textOf } from '../lib/questionnaire-model.ts';
import { BodyZonesField, PainMapField } from './later-steps.ts';
import { CheckboxGroup, RadioGroup } from './option-controls.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

export interface QuestionFieldProps {
  item: QuestionnaireItem;
  value: IntakeAnswerValue | undefined;
  /** undefined clears the answer. */
  onChange(value: IntakeAnswerValue | undefined): void;
  /** Required and still blank after the patient reached the end: marked for attention. */
  missing: boolean;
}

export function RequiredMark() {
  const { t } = useTranslation('intake');
  return (
    <>
      <span className="ik-required" aria-hidden="true">
        {' *'}
      </span>
      <span className="ik-visually-hidden"> ({t('requiredMark')})</span>
    </>
  );
}

// Typing aids for the contact questions; everything else is plain text.
const INPUT_HINTS: Readonly<Record<string, { type?: string; autoComplete?: string; dir?: 'ltr' }>> = {
  'full-name': { autoComplete: 'name' },
  phone: { type: 'tel', autoComplete: 'tel', dir: 'ltr' },
  'emergency-contact-phone': { type: 'tel', dir: 'ltr' },
  email: { type: 'email', autoComplete: 'email', dir: 'ltr' },
};

/** One question with the control its type calls for. */
export function QuestionField({ item, value, onChange, missing }: QuestionFieldProps) {
  const { t } = useTranslation(['intake', 'common']);
  const language = useLanguage();
  const autoId = useId();
  const id = questionId(item.linkId);
  const required = item.required === true;
  const label = (
    <>
      {textOf(item, language)}
      {required ? <RequiredMark /> : null}
    </>
  );
  const group = { id, linkId: item.linkId, legend: label, required, missing };
  const options = (item.answerOption ?? []).map((option) => ({ value: option.valueCoding.code, label: optionText(option, language) }));
  const text = typeof value === 'string' ? value : '';
  const setText = (next: string) => onChange(next.trim() === '' ? undefined : next);

  switch (controlKind(item)) {
    case 'group':
    case 'display':
      return null;
    case 'pain-map':
      return (
        <Suspense fallback={<LoadingState label={t('common:loading')} />}>
          <PainMapField {...group} value={value} onChange={onChange} />
        </Suspense>
      );
    case 'body-zones':
      return (
        <Suspense fallback={<LoadingState label={t('common:loading')} />}>
          <BodyZonesField {...group} value={value} onChange={onChange} />
        </Suspense>
      );
    case 'boolean':
      return (
        <RadioGroup
          {...group}
          name={`${autoId}-${item.linkId}`}
          layout="row"
          options={[
            { value: 'yes', label: t('common:answers.yes') },
            { value: 'no', label: t('common:answers.no') },
          ]}
          value={value === true ? 'yes' : value === false ? 'no' : undefined}
          onChange={(next) => onChange(next === 'yes')}
        />
      );
    case 'choice':
      return (
        <RadioGroup {...group} name={`${autoId}-${item.linkId}`} options={options} value={typeof value === 'string' ? value : undefined} onChange={onChange} />
      );
    case 'choices':
      return (
        <CheckboxGroup
          {...group}
          options={options}
          values={Array.isArray(value) ? value : typeof value === 'string' ? [value] : []}
          onChange={(next) => onChange(next.length > 0 ? next : undefined)}
        />
      );
    case 'scale': {
      const { min = 0, max = 10 } = numberRange(item);
      const levels = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
      return (
        <RadioGroup
          {...group}
          name={`${autoId}-${item.linkId}`}
          layout="scale"
          options={levels.map((level) => ({ value: level, label: level }))}
          value={typeof value === 'number' ? String(value) : undefined}
          onChange={(next) => onChange(Number(next))}
        />
      );
    }
    case 'integer':
    case 'decimal':
      return (
        <div id={id} data-link-id={item.linkId} className={`ik-question${missing ? ' ik-question--missing' : ''}`}>
          <NumberField
            item={item}
            label={label}
            value={typeof value === 'number' ? value : undefined}
            onChange={onChange}
            required={required}
            missing={missing}
          />
        </div>
      );
    case 'date':
      return (
        <div id={id} data-link-id={item.linkId} className={`ik-question${missing ? ' ik-question--missing' : ''}`}>
          <TextField
            label={label}
            type="date"
            autoComplete={item.linkId === 'birth-date' ? 'bday' : undefined}
            className="ik-date"
            value={text}
            aria-required={required || undefined}
            aria-invalid={missing || undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      );
    case 'text': {
      const inputId = `${id}-input`;
      return (
        <div id={id} data-link-id={item.linkId} className={`ik-question ui-field${missing ? ' ik-question--missing' : ''}`}>
          <label className="ui-field__label" htmlFor={inputId}>
            {label}
          </label>
          <textarea
            id={inputId}
            className="ui-field__control ik-textarea"
            rows={3}
            maxLength={item.maxLength ?? 2000}
            value={text}
            aria-required={required || undefined}
            aria-invalid={missing || undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      );
    }
    case 'string': {
      const hints = INPUT_HINTS[item.linkId];
      return (
        <div id={id} data-link-id={item.linkId} className={`ik-question${missing ? ' ik-question--missing' : ''}`}>
          <TextField
            label={label}
            type={hints?.type ?? 'text'}
            autoComplete={hints?.autoComplete}
            dir={hints?.dir}
            maxLength={item.maxLength ?? 300}
            value={text}
            aria-required={required || undefined}
            aria-invalid={missing || undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      );
    }
  }
}

interface NumberFieldProps {
  item: QuestionnaireItem;
  label: ReactNode;
  value: number | undefined;
  onChange(value: number | undefined): void;
  required: boolean;
  missing: boolean;
}

/**
 * Keeps what is typed ("7." on the way to "7.5") and reports the number; a controlled number
 * input that echoed the parsed value back would swallow the decimal point.
 */
function NumberField({ item, label, value, onChange, required, missing }: NumberFieldProps) {
  const { t } = useTranslation('intake');
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const shown = draft !== '' && Number(draft) === value ? draft : value === undefined ? draft : String(value);
  const { min, max } = numberRange(item);
  const integer = item.type === 'integer';
  return (
    <TextField
      label={label}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 0.5}
      min={min}
      max={max}
      dir="ltr"
      className="ik-number"
      hint={min !== undefined && max !== undefined ? t('number.range', { min, max }) : undefined}
      value={shown}
      aria-required={required || undefined}
      aria-invalid={missing || undefined}
      onChange={(event) => {
        const raw = event.target.value;
        setDraft(raw);
        const parsed = raw.trim() === '' ? undefined : Number(raw);
        onChange(parsed === undefined || Number.isNaN(parsed) ? undefined : integer ? Math.round(parsed) : parsed);
      }}
    />
  );
}
