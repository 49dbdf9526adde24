import { useTranslation } from 'react-i18next';
import { CALENDAR_VIEWS, type CalendarView } from './calendar-feed.ts';

/** Day by practitioner, day by room, week, month, agenda: one pressed button at a time. */
export function CalendarViewSwitch({ value, onChange }: { value: CalendarView; onChange(view: CalendarView): void }) {
  const { t } = useTranslation('staff');
  return (
    <div className="st-view-switch" role="group" aria-label={t('calendar.viewLabel')}>
      {CALENDAR_VIEWS.map((view) => (
        <button key={view} type="button" className="st-view-button" aria-pressed={view === value} onClick={() => onChange(view)}>
          {t(`calendar.views.${view}`)}
        </button>
      ))}
    </div>
  );
}
