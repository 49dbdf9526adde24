import { useTranslation } from 'react-i18next';
import { Chevron } from './chevron.tsx';
import { addDays, type DateString, formatDay } from '../../../lib/clinic-time/clinic-time.ts';

export interface WeekStripProps {
  weekStart: DateString;
  selectedDay: DateString | undefined;
  /** Free times per day of the visible week; undefined while loading. */
  counts: ReadonlyMap<DateString, number> | undefined;
  canGoBack: boolean;
  canGoForward: boolean;
  onWeekChange(weekStart: DateString): void;
  onSelectDay(day: DateString): void;
}

/** Seven days with previous/next; days with no free time are disabled. */
export function WeekStrip({ weekStart, selectedDay, counts, canGoBack, canGoForward, onWeekChange, onSelectDay }: WeekStripProps) {
  const { t, i18n } = useTranslation('booking');
  const language = i18n.language;
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const weekEnd = days[6] ?? weekStart;
  const range = `${formatDay(weekStart, language, 'dayMonth')} – ${formatDay(weekEnd, language, 'dayMonth')}`;
  return (
    <fieldset className="pb-week">
      <legend className="pb-week__legend">{t('picker.weekLabel')}</legend>
      <div className="pb-week__nav">
        <button
          type="button"
          className="pb-icon-button"
          onClick={() => onWeekChange(addDays(weekStart, -7))}
          disabled={!canGoBack}
          aria-label={t('picker.previousWeek')}
        >
          <Chevron direction="back" />
        </button>
        <p className="pb-week__range" aria-live="polite">
          {range}
        </p>
        <button
          type="button"
          className="pb-icon-button"
          onClick={() => onWeekChange(addDays(weekStart, 7))}
          disabled={!canGoForward}
          aria-label={t('picker.nextWeek')}
        >
          <Chevron direction="forward" />
        </button>
      </div>
      <ul className="pb-week__days">
        {days.map((day) => {
          const count = counts?.get(day) ?? 0;
          const available = counts !== undefined && count > 0;
          const selected = day === selectedDay;
          return (
            <li key={day}>
              <button
                type="button"
                className={`pb-day${selected ? ' pb-day--selected' : ''}`}
                disabled={!available}
                aria-pressed={selected}
                aria-label={`${formatDay(day, language)}, ${available ? t('picker.freeCount', { n: count }) : t('picker.full')}`}
                onClick={() => onSelectDay(day)}
              >
                <span className="pb-day__weekday">{formatDay(day, language, 'weekdayShort')}</span>
                <span className="pb-day__number">{formatDay(day, language, 'dayNumber')}</span>
                <span className="pb-day__count">{counts === undefined ? '·' : available ? t('picker.freeCount', { n: count }) : t('picker.full')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
