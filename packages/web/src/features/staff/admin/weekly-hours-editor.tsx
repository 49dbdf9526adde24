import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { staffApi, type Practitioner, type WeeklyInterval } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { staffKeys } from '../api/staff-queries.ts';
import { WEEKDAYS, weekdayName } from './weekday-names.ts';
import { Table } from '../../../components/ui/table.tsx';

type Part = 'weeklyHours' | 'breaks';
type Week = Record<Part, WeeklyInterval[]>;

const sortIntervals = (list: WeeklyInterval[]) => [...list].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));

/** One practitioner's week as an editable table: working hours and breaks per weekday (1 = Monday). */
export function WeeklyHoursEditor({ practitioner }: { practitioner: Practitioner }) {
  const { t, i18n } = useTranslation('staff');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [week, setWeek] = useState<Week>({ weeklyHours: sortIntervals(practitioner.weeklyHours), breaks: sortIntervals(practitioner.breaks) });
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const saveWeek = useMutation({
    mutationFn: (next: Week) => staffApi.saveSchedule(practitioner.id, next),
    onSuccess: () => {
      setNotice(t('hours.saved'));
      // The calendar's shaded hours come from the same list.
      return queryClient.invalidateQueries({ queryKey: staffKeys.practitioners });
    },
    onError: (caught) => setError(errorText(caught)),
  });
  const lang = i18n.language;

  const update = (part: Part, index: number, change: Partial<WeeklyInterval>) =>
    setWeek((w) => ({ ...w, [part]: w[part].map((item, i) => (i === index ? { ...item, ...change } : item)) }));
  const remove = (part: Part, index: number) => setWeek((w) => ({ ...w, [part]: w[part].filter((_, i) => i !== index) }));
  const add = (part: Part, weekday: number) =>
    setWeek((w) => {
      const last = w[part].filter((x) => x.weekday === weekday).at(-1);
      const fresh =
        part === 'breaks'
          ? { weekday, start: '13:00', end: '14:00' }
          : last
            ? { weekday, start: last.end, end: '19:00' }
            : { weekday, start: '09:00', end: '17:00' };
      return { ...w, [part]: sortIntervals([...w[part], fresh]) };
    });

  function save() {
    setError(undefined);
    setNotice(undefined);
    const bad = [...week.weeklyHours, ...week.breaks].find((x) => !x.start || !x.end || x.start >= x.end);
    if (bad) return setError(t('hours.invalidInterval', { day: weekdayName(bad.weekday, lang) }));
    saveWeek.mutate(week);
  }

  function intervals(part: Part, weekday: number) {
    const dayName = weekdayName(weekday, lang);
    const label = part === 'weeklyHours' ? t('hours.working') : t('hours.break');
    const items = week[part].map((item, index) => ({ item, index })).filter(({ item }) => item.weekday === weekday);
    return (
      <div className="st-intervals">
        {items.length === 0 ? <span className="st-muted">{part === 'weeklyHours' ? t('hours.closed') : t('hours.noBreak')}</span> : null}
        {items.map(({ item, index }, n) => (
          <div key={index} className="st-interval">
            <input
              type="time"
              step={900}
              className="ui-field__control st-time-input"
              aria-label={t('hours.startLabel', { what: label, day: dayName, n: n + 1 })}
              value={item.start}
              onChange={(e) => update(part, index, { start: e.target.value })}
            />
            <span aria-hidden="true">–</span>
            <input
              type="time"
              step={900}
              className="ui-field__control st-time-input"
              aria-label={t('hours.endLabel', { what: label, day: dayName, n: n + 1 })}
              value={item.end}
              onChange={(e) => update(part, index, { end: e.target.value })}
            />
            <button
              type="button"
              className="st-icon-button"
              aria-label={t('hours.removeLabel', { what: label, day: dayName, n: n + 1 })}
              onClick={() => remove(part, index)}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="st-link-button" onClick={() => add(part, weekday)}>
          + {part === 'weeklyHours' ? t('hours.addHours') : t('hours.addBreak')}
          <span className="st-visually-hidden"> ({dayName})</span>
        </button>
      </div>
    );
  }

  return (
    <div className="st-hours-editor">
      <Table className="st-hours-table" stackOnPhone>
        <caption className="st-visually-hidden">{t('hours.caption', { name: localName(practitioner, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hours.day')}</th>
            <th scope="col">{t('hours.working')}</th>
            <th scope="col">{t('hours.breaks')}</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday) => (
            <tr key={weekday}>
              <th scope="row">{weekdayName(weekday, lang)}</th>
              <td data-label={t('hours.working')}>{intervals('weeklyHours', weekday)}</td>
              <td data-label={t('hours.breaks')}>{intervals('breaks', weekday)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="st-form-actions">
        <Button onClick={save} busy={saveWeek.isPending}>
          {t('hours.save')}
        </Button>
      </div>
    </div>
  );
}
