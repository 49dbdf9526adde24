import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import type { Slot } from '../api/public-api.ts';
import { availabilityQuery } from '../api/public-booking-queries.ts';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { TimeSlotList } from './time-slot-list.tsx';
import { WeekStrip } from './week-strip.tsx';
import { addDays, dateInZone, type DateString, daysBetween, formatDay } from '../../../lib/clinic-time/clinic-time.ts';

export interface SlotPickerProps {
  serviceId: string;
  /** Undefined means "first available": any practitioner, one button per start time. */
  practitionerId: string | undefined;
  timeZone: string;
  /** Today in the clinic zone; the first week starts here. */
  today: DateString;
  horizonDays: number;
  selectedStart: string | undefined;
  onSelect(slot: Slot): void;
  /** Start times never offered, e.g. the booking's own current time when moving it. */
  excludeStart?: string;
  /** Called when the patient moves to another week (the first week is today..today+6). */
  onWeekChange?(range: { from: DateString; to: DateString }): void;
  /** Open on this day (and its week) instead of today. */
  initialDay?: DateString | undefined;
  onDayChange?(day: DateString): void;
  /** Under the times: the waitlist prompt on the booking page. */
  footer?: ReactNode;
}

/** With several practitioners free at 10:00, "first available" shows 10:00 once: the first in the server's order. */
function oneSlotPerStart(slots: readonly Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((slot) => (seen.has(slot.start) ? false : (seen.add(slot.start), true)));
}

/** The day strip and the time buttons, fetching availability one visible week at a time. */
export function SlotPicker(props: SlotPickerProps) {
  const { serviceId, practitionerId, timeZone, today, horizonDays, selectedStart, onSelect, excludeStart, onWeekChange, initialDay, onDayChange, footer } =
    props;
  const { t, i18n } = useTranslation(['booking', 'common']);
  const reopenDay = initialDay !== undefined && initialDay >= today ? initialDay : undefined;
  // Weeks run from today in steps of seven days, so the week holding a day starts at today + 7k.
  const [weekStart, setWeekStart] = useState<DateString>(() => (reopenDay ? addDays(today, Math.floor(daysBetween(today, reopenDay) / 7) * 7) : today));
  const [selectedDay, setSelectedDayState] = useState<DateString | undefined>(reopenDay);
  const setSelectedDay = useCallback(
    (day: DateString | undefined) => {
      setSelectedDayState(day);
      if (day) onDayChange?.(day);
    },
    [onDayChange],
  );
  const weekEnd = addDays(weekStart, 6);
  const lastDay = addDays(today, horizonDays);

  // After a 409 the page resets these queries (availabilityKey), so the week is asked again.
  const availability = useQuery(availabilityQuery({ serviceId, practitionerId, from: weekStart, to: weekEnd }));

  const byDay = useMemo(() => {
    if (!availability.data) return undefined;
    const usable = availability.data.slots.filter((slot) => slot.start !== excludeStart);
    const slots = practitionerId ? usable : oneSlotPerStart(usable);
    const map = new Map<DateString, Slot[]>();
    for (const slot of slots) {
      const day = dateInZone(new Date(slot.start), timeZone);
      map.set(day, [...(map.get(day) ?? []), slot]);
    }
    return map;
  }, [availability.data, excludeStart, practitionerId, timeZone]);

  const counts = useMemo(() => (byDay ? new Map([...byDay].map(([day, slots]) => [day, slots.length])) : undefined), [byDay]);

  // Keep the chosen day if it still has times; otherwise move to the first day that does.
  useEffect(() => {
    if (!byDay) return;
    if (selectedDay && (byDay.get(selectedDay)?.length ?? 0) > 0) return;
    const first = [...byDay.keys()].sort()[0];
    setSelectedDay(first);
  }, [byDay, selectedDay, setSelectedDay]);

  const daySlots = selectedDay ? (byDay?.get(selectedDay) ?? []) : [];
  const canGoForward = daysBetween(addDays(weekStart, 7), lastDay) >= 0;

  function changeWeek(next: DateString) {
    setSelectedDay(undefined);
    setWeekStart(next);
    onWeekChange?.({ from: next, to: addDays(next, 6) });
  }

  return (
    <div className="pb-slot-picker">
      <WeekStrip
        weekStart={weekStart}
        selectedDay={selectedDay}
        counts={counts}
        canGoBack={weekStart > today}
        canGoForward={canGoForward}
        onWeekChange={changeWeek}
        onSelectDay={setSelectedDay}
      />
      <MutedText className="pb-slot-picker__zone">{t('picker.timeZoneNote')}</MutedText>
      <div className="pb-slot-picker__times" aria-live="polite" aria-busy={availability.isPending}>
        {availability.isPending ? (
          <LoadingState label={t('picker.loading')} />
        ) : availability.isError ? (
          <Alert
            tone="error"
            title={t('picker.failed')}
            actions={
              <Button variant="secondary" onClick={() => void availability.refetch()}>
                {t('common:actions.retry')}
              </Button>
            }
          />
        ) : daySlots.length > 0 && selectedDay ? (
          <>
            <h3 className="pb-slot-picker__day">{t('picker.timesOn', { day: formatDay(selectedDay, i18n.language) })}</h3>
            <TimeSlotList slots={daySlots} timeZone={timeZone} selectedStart={selectedStart} onSelect={onSelect} />
          </>
        ) : counts && counts.size === 0 ? (
          <EmptyState
            action={
              canGoForward ? (
                <Button variant="secondary" onClick={() => changeWeek(addDays(weekStart, 7))}>
                  {t('picker.emptyWeekNext')}
                </Button>
              ) : undefined
            }
          >
            {t('picker.emptyWeek')}
          </EmptyState>
        ) : (
          <MutedText>{t('picker.pickDay')}</MutedText>
        )}
      </div>
      {footer}
    </div>
  );
}
