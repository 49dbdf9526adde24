import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { formatNumber } from '../lib/format-figures.ts';
import { scaleValues } from '../lib/build-answers.ts';

interface ScaleQuestionProps {
  legend: string;
  min: number;
  max: number;
  anchors?: { min: string; max: string } | undefined;
  value: number | null;
  onChange(value: number | null): void;
}

/** One item as radio buttons from min to max, with "not answered" first and chosen until the patient answers. */
export function ScaleQuestion({ legend, min, max, anchors, value, onChange }: ScaleQuestionProps) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const name = useId();
  return (
    <fieldset className="oc-scale">
      <legend className="oc-scale__legend">{legend}</legend>
      {anchors ? (
        <p className="oc-scale__anchors">
          <span>
            {formatNumber(min, language)} = {anchors.min}
          </span>
          <span>
            {formatNumber(max, language)} = {anchors.max}
          </span>
        </p>
      ) : null}
      <div className="oc-scale__options">
        <label className="oc-scale__option oc-scale__option--skip">
          <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
          <span>{t('measure.notAnswered')}</span>
        </label>
        {scaleValues(min, max).map((option) => (
          <label key={option} className="oc-scale__option">
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
            <span>{formatNumber(option, language)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
