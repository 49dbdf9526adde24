import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Practitioner, Room } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { formatFilter, parseFilter, type CalendarFilter } from './calendar-feed.ts';

interface CalendarFilterSelectProps {
  value: CalendarFilter;
  onChange(filter: CalendarFilter): void;
  practitioners: Practitioner[];
  rooms: Room[];
}

/** "All", then one practitioner or one room, grouped; the calendar shows only that column of work. */
export function CalendarFilterSelect({ value, onChange, practitioners, rooms }: CalendarFilterSelectProps) {
  const { t, i18n } = useTranslation('staff');
  const id = useId();
  return (
    <div className="ui-field st-filter-field">
      <label className="ui-field__label" htmlFor={id}>
        {t('calendar.show')}
      </label>
      <select
        id={id}
        className="ui-field__control ui-field__control--select"
        value={formatFilter(value)}
        onChange={(e) => onChange(parseFilter(e.target.value))}
      >
        <option value="all">{t('calendar.showAll')}</option>
        <optgroup label={t('calendar.byPractitioner')}>
          {practitioners
            .filter((p) => p.active)
            .map((p) => (
              <option key={p.id} value={`practitioner:${p.id}`}>
                {localName(p, i18n.language)}
              </option>
            ))}
        </optgroup>
        <optgroup label={t('calendar.byRoom')}>
          {rooms
            .filter((r) => r.active)
            .map((r) => (
              <option key={r.id} value={`room:${r.id}`}>
                {localName(r, i18n.language)}
              </option>
            ))}
        </optgroup>
      </select>
    </div>
  );
}
