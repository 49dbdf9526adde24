import type { BusinessHoursInput, EventInput } from '@fullcalendar/core';
import type { CalendarEvent, Practitioner, ScheduleException, WeeklyInterval } from '../api/staff-api.ts';
import { addDays, instantToWall } from '../../../lib/clinic-time/clinic-time.ts';

/** "All", one practitioner, or one room: the calendar's filter, kept in the address as ?show=. */
export type CalendarFilter = { kind: 'all' } | { kind: 'practitioner'; id: string } | { kind: 'room'; id: string };

export function parseFilter(value: string | null): CalendarFilter {
  const [kind, id] = (value ?? '').split(':');
  if ((kind === 'practitioner' || kind === 'room') && id) return { kind, id };
  return { kind: 'all' };
}

export function formatFilter(filter: CalendarFilter): string {
  return filter.kind === 'all' ? 'all' : `${filter.kind}:${filter.id}`;
}

const NEUTRAL = '#64748b';

/** A server event as a FullCalendar event in clinic wall-clock (see clinic-time.ts). */
export function toCalendarInput(event: CalendarEvent, timeZone: string, colors: Map<string, string>, canEdit: boolean): EventInput {
  const color = (event.practitionerId && colors.get(event.practitionerId)) || NEUTRAL;
  const base: EventInput = {
    id: event.id,
    start: instantToWall(Date.parse(event.start), timeZone),
    end: instantToWall(Date.parse(event.end), timeZone),
    extendedProps: { source: event },
  };
  switch (event.kind) {
    case 'hold':
      // A slot offered to someone on the waitlist: not a visit yet, so it cannot be dragged.
      return { ...base, classNames: ['st-ev', 'st-ev-hold'], editable: false, backgroundColor: '#eceff1', borderColor: '#90a4ae', textColor: '#37474f' };
    case 'block':
      return {
        ...base,
        classNames: ['st-ev', 'st-ev-block'],
        editable: canEdit,
        durationEditable: canEdit,
        backgroundColor: '#e7e5e4',
        borderColor: color,
        textColor: '#292524',
      };
    case 'visit':
      return {
        ...base,
        classNames: ['st-ev', 'st-ev-visit'],
        editable: canEdit,
        durationEditable: false,
        backgroundColor: color,
        borderColor: color,
        textColor: '#ffffff',
      };
  }
}

/** Subtracts breaks from one working interval: 09:00–19:00 minus 13:00–14:00 → 09:00–13:00, 14:00–19:00. */
export function subtractBreaks(hours: WeeklyInterval, breaks: WeeklyInterval[]): WeeklyInterval[] {
  let pieces = [hours];
  for (const pause of breaks.filter((b) => b.weekday === hours.weekday)) {
    pieces = pieces.flatMap((piece) => {
      if (pause.end <= piece.start || pause.start >= piece.end) return [piece];
      const out: WeeklyInterval[] = [];
      if (pause.start > piece.start) out.push({ weekday: piece.weekday, start: piece.start, end: pause.start });
      if (pause.end < piece.end) out.push({ weekday: piece.weekday, start: pause.end, end: piece.end });
      return out;
    });
  }
  return pieces;
}

/**
 * Working hours (less breaks) of the practitioners shown; FullCalendar shades the rest. With
 * several practitioners the union shows, so a slot is white when anyone works then.
 */
export function businessHoursFor(practitioners: Practitioner[]): BusinessHoursInput {
  const ranges = practitioners.flatMap((p) => p.weeklyHours.flatMap((h) => subtractBreaks(h, p.breaks)));
  if (ranges.length === 0) return false;
  // ISO weekday 1 = Monday … 7 = Sunday; FullCalendar counts 0 = Sunday … 6 = Saturday.
  return ranges.map((r) => ({ daysOfWeek: [r.weekday % 7], startTime: r.start, endTime: r.end }));
}

/**
 * Closed days and leave as grey background bands across the time grid. Practitioner leave
 * shows only when that practitioner is selected, so "All" does not look like a closed clinic.
 */
export function exceptionBands(exceptions: ScheduleException[], filter: CalendarFilter, label: (e: ScheduleException) => string): EventInput[] {
  const shown = exceptions.filter(
    (e) => e.kind === 'closed' && (e.practitionerId === null || (filter.kind === 'practitioner' && filter.id === e.practitionerId)),
  );
  return shown.flatMap((e) => {
    const common = { display: 'background', classNames: ['st-ev-closed'], title: label(e) };
    if (!e.start || !e.end) {
      // All-day: FullCalendar draws it across the time grid too, since the grid has no all-day row.
      return [{ ...common, id: `exception-${e.id}`, allDay: true, start: e.dateFrom, end: addDays(e.dateTo, 1) }];
    }
    // Part-day closures repeat the same hours on every day of the range.
    const bands: EventInput[] = [];
    for (let day = e.dateFrom, n = 0; day <= e.dateTo && n < 400; day = addDays(day, 1), n += 1) {
      bands.push({ ...common, id: `exception-${e.id}-${day}`, start: `${day}T${e.start}:00`, end: `${day}T${e.end}:00` });
    }
    return bands;
  });
}
