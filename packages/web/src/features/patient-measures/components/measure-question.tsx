import type { CSSProperties } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import type { MeasureFormInstrument } from '../api/measures-api.ts';

type Item = MeasureFormInstrument['items'][number];

/**
 * One question in its own group: the scale as large buttons (every point is a touch target of at
 * least 44 px), the meaning of both ends beside it, and an explicit "skip this question" that is
 * stored as not answered, never as a 0. The scale follows the page's direction, so in Arabic its
 * lowest point is on the right.
 */
export function MeasureQuestion({
  item,
  label,
  value,
  field,
  error,
  number,
}: {
  item: Item;
  /** The question as shown (PSFS: the activity in the patient's words). */
  label: string;
  value: string;
  field: UseFormRegisterReturn;
  error: boolean;
  number: number;
}) {
  const { t } = useTranslation('measures');
  const language = useLanguage();
  const points = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
  const errorId = `${field.name}-error`;
  return (
    <fieldset className={`pm-question${error ? ' pm-question--error' : ''}`} aria-describedby={error ? errorId : undefined} data-question={number}>
      <legend className="pm-question__text">
        <span className="pm-question__number">{number}.</span> <bdi>{label}</bdi>
      </legend>
      <div className="pm-scale" style={{ '--pm-points': points.length } as CSSProperties}>
        {points.map((point) => (
          <label key={point} className={`pm-scale__point${value === String(point) ? ' is-chosen' : ''}`}>
            <input type="radio" value={String(point)} {...field} aria-label={t('scaleLabel', { value: point, min: item.min, max: item.max })} />
            <span aria-hidden="true">{point}</span>
          </label>
        ))}
      </div>
      {item.anchors && (
        <div className="pm-anchors" aria-hidden="true">
          <span>
            {item.min} = {item.anchors.min[language]}
          </span>
          <span>
            {item.max} = {item.anchors.max[language]}
          </span>
        </div>
      )}
      <label className={`pm-skip${value === 'skip' ? ' is-chosen' : ''}`}>
        <input type="radio" value="skip" {...field} />
        {value === 'skip' ? t('skipped') : t('skip')}
      </label>
      {error && (
        <p className="pm-question__error" id={errorId}>
          {t('required')}
        </p>
      )}
    </fieldset>
  );
}
