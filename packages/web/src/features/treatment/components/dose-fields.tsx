import { useId } from 'react';
import type { TechniqueDto } from '../api/treatment-api.ts';
import { NumberInput } from './number-input.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

type Parameters = Record<string, number>;

/** Keeps a value inside the technique's range; an empty or invalid entry falls back to the default. */
export function clampParameter(value: number, parameter: TechniqueDto['parameters'][number]): number {
  if (!Number.isFinite(value)) return parameter.default;
  return Math.min(parameter.max, Math.max(parameter.min, value));
}

export function defaultParameters(technique: TechniqueDto | undefined): Parameters {
  return Object.fromEntries((technique?.parameters ?? []).map((p) => [p.id, p.default]));
}

/** Short unit text after a value: "/10", "s", "%", "×". */
export function useUnitText() {
  const { t } = useTranslation('treatment');
  return (unit: string) => {
    switch (unit) {
      case 'scale_1_10':
        return t('units.scale');
      case 's':
        return t('units.seconds');
      case '%':
        return '%';
      case 'count':
        // A count needs no unit after it ("Repetitions 3"); a "×" there reads as a remove button.
        return '';
      default:
        return unit;
    }
  };
}

/** A parameter's label without its parenthetical detail: "Pressure" for "Pressure (patient-rated discomfort, 1–10)". */
export function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, '');
}

/** "Pressure: 6/10 · Hold per compression: 10 s · Repetitions: 3" for read-only views and print, in the technique's order. */
export function useDoseText() {
  const language = useLanguage();
  const unitText = useUnitText();
  return (technique: TechniqueDto | undefined, parameters: Parameters) => {
    const known = technique?.parameters.filter((p) => parameters[p.id] !== undefined) ?? [];
    const unknown = Object.keys(parameters).filter((id) => !known.some((p) => p.id === id));
    const spaced = (unit: string) => (unit === 's' ? ' ' : '');
    return [
      ...known.map((p) => `${shortLabel(p.label[language])}: ${parameters[p.id]}${spaced(p.unit)}${unitText(p.unit)}`),
      ...unknown.map((id) => `${id}: ${parameters[id]}`),
    ].join(' · ');
  };
}

/**
 * Number inputs for a technique's parameters, each held within the technique's min and max
 * (knowledge-base techniques.json, clinical reference §3.3).
 */
export function DoseFields({
  technique,
  parameters,
  onChange,
  disabled = false,
  labelPrefix,
}: {
  technique: TechniqueDto | undefined;
  parameters: Parameters;
  onChange: (parameters: Parameters) => void;
  disabled?: boolean;
  /** Names the muscle and technique in each input's accessible name. */
  labelPrefix: string;
}) {
  const language = useLanguage();
  const unitText = useUnitText();
  const id = useId();
  if (!technique || technique.parameters.length === 0) return null;
  return (
    <div className="tr-dose">
      {technique.parameters.map((parameter) => {
        const inputId = `${id}-${parameter.id}`;
        const value = parameters[parameter.id] ?? parameter.default;
        return (
          <div key={parameter.id} className="tr-dose__field">
            <label htmlFor={inputId} className="tr-dose__label" title={parameter.label[language]}>
              {shortLabel(parameter.label[language])}
            </label>
            <span className="tr-dose__input">
              <NumberInput
                id={inputId}
                min={parameter.min}
                max={parameter.max}
                value={value}
                disabled={disabled}
                aria-label={`${labelPrefix}: ${parameter.label[language]}`}
                onValue={(next) => onChange({ ...parameters, [parameter.id]: clampParameter(next, parameter) })}
              />
              {unitText(parameter.unit) && (
                <span className="tr-dose__unit" aria-hidden="true">
                  {unitText(parameter.unit)}
                </span>
              )}
            </span>
            <span className="tr-dose__range">
              {parameter.min}–{parameter.max}
            </span>
          </div>
        );
      })}
    </div>
  );
}
