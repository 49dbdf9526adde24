import { useTranslation } from 'react-i18next';

/** A 0-10 score that may be "not measured": never turned into 0 (a real score) by default. */
export function ScoreSelect({
  value,
  onValue,
  className,
  'aria-describedby': describedBy,
}: {
  value: number | null | undefined;
  onValue: (value: number | null) => void;
  className?: string;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation('treatment');
  return (
    <select
      className={className}
      aria-describedby={describedBy}
      value={value === null || value === undefined ? '' : String(value)}
      onChange={(e) => onValue(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">{t('note.notMeasured')}</option>
      {Array.from({ length: 11 }, (_, score) => (
        <option key={score} value={score}>
          {score}
        </option>
      ))}
    </select>
  );
}
