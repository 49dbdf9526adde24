import type { Calendar } from '@event-calendar/core';
import type { CalendarEvent, Practitioner, Room, ScheduleException } from '../api/staff-api.ts';
import { offIntervals, openIntervals, subtractIntervals, type TimeInterval } from './working-hours.ts';
import { addDays, instantToWall } from '../../../lib/clinic-time/clinic-time.ts';

export type EventInput = Calendar.EventInput;
export type ResourceInput = Calendar.ResourceInput;

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

/**
 * The calendar's views, kept in the address as ?view=: a day with a column per practitioner or
 * per room (Event Calendar's resourceTimeGridDay), a week, a month, and an agenda list.
 */
export const CALENDAR_VIEWS = ['day', 'rooms', 'week', 'month', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const LIBRARY_VIEW: Record<CalendarView, string> = {
  day: 'resourceTimeGridDay',
  rooms: 'resourceTimeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
  agenda: 'listWeek',
};

export function libraryView(view: CalendarView): string {
  return LIBRARY_VIEW[view];
}

/** Addresses saved before the resource views (FullCalendar's view names) still open the same view. */
const LEGACY: Record<string, CalendarView> = { timeGridDay: 'day', timeGridWeek: 'week', dayGridMonth: 'month' };

/**
 * The view to open: the address's, else on a phone the signed-in practitioner's own day (one
 * column) or, for reception and admin, the agenda; on a wider screen the day by practitioner.
 */
export function chooseView(asked: string | null, phone: boolean, ownPractitionerId: string | null): CalendarView {
  const named = CALENDAR_VIEWS.find((v) => v === asked) ?? (asked ? LEGACY[asked] : undefined);
  if (named) return named;
  if (phone) return ownPractitionerId ? 'day' : 'agenda';
  return 'day';
}

/** The column id of entries with no room, in the day-by-room view. */
export const NO_ROOM = 'no-room';

/**
 * The columns of a resource day: active practitioners (or rooms), narrowed by the filter. A
 * phone has room for one column: the filtered one, else the first.
 */
export function resourcesFor(
  view: CalendarView,
  filter: CalendarFilter,
  catalog: { practitioners: Practitioner[]; rooms: Room[] },
  options: { phone: boolean; anyWithoutRoom: boolean; name(row: Practitioner | Room): string },
): ResourceInput[] {
  if (view === 'day') {
    const active = catalog.practitioners.filter((p) => p.active);
    const shown = filter.kind === 'practitioner' ? active.filter((p) => p.id === filter.id) : options.phone ? active.slice(0, 1) : active;
    return shown.map((p) => ({ id: p.id, title: options.name(p), extendedProps: { color: p.color } }));
  }
  if (view === 'rooms') {
    const active = catalog.rooms.filter((r) => r.active);
    const shown = filter.kind === 'room' ? active.filter((r) => r.id === filter.id) : options.phone ? active.slice(0, 1) : active;
    const columns: ResourceInput[] = shown.map((r) => ({ id: r.id, title: options.name(r) }));
    return options.anyWithoutRoom && filter.kind !== 'room' && !options.phone ? [...columns, { id: NO_ROOM, title: '' }] : columns;
  }
  return [];
}

/** A server event as a calendar entry in clinic wall-clock (see clinic-time.ts), in its column. */
export function toCalendarInput(event: CalendarEvent, timeZone: string, colors: Map<string, string>, canEdit: boolean, view: CalendarView): EventInput {
  const resourceIds = view === 'day' ? (event.practitionerId ? [event.practitionerId] : []) : view === 'rooms' ? [event.roomId ?? NO_ROOM] : undefined;
  const base: EventInput = {
    id: event.id,
    start: instantToWall(Date.parse(event.start), timeZone),
    end: instantToWall(Date.parse(event.end), timeZone),
    extendedProps: { source: event },
    ...(resourceIds ? { resourceIds } : {}),
  };
  const refer = event.patientState?.screening === 'refer';
  switch (event.kind) {
    case 'hold':
      // A slot offered to someone on the waitlist: not a visit yet, so it cannot be dragged.
      return { ...base, classNames: ['st-ev', 'st-ev-hold'], editable: false, backgroundColor: 'var(--color-neutral-bg)', textColor: 'var(--color-text)' };
    case 'block':
      return {
        ...base,
        classNames: ['st-ev', 'st-ev-block'],
        editable: canEdit,
        durationEditable: canEdit,
        backgroundColor: 'var(--color-surface-strong)',
        textColor: 'var(--color-text)',
      };
    case 'visit':
      return {
        ...base,
        classNames: ['st-ev', 'st-ev-visit', ...(refer ? ['st-ev-refer'] : [])],
        editable: canEdit,
        durationEditable: false,
        // A practitioner's colour is data (chosen by the admin), not styling.
        backgroundColor: (event.practitionerId && colors.get(event.practitionerId)) || 'var(--color-muted)',
        textColor: 'var(--color-on-primary)',
      };
  }
}

/** The grid's hours, clinic time: 08:00–20:00. */
export const DAY_START = '08:00';
export const DAY_END = '20:00';

export function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length < 45; day = addDays(day, 1)) days.push(day);
  return days;
}

function band(id: string, day: string, interval: TimeInterval, classNames: string[], title: string, resourceIds?: string[]): EventInput {
  return {
    id,
    display: 'background',
    start: `${day}T${interval.start}:00`,
    end: `${day}T${interval.end}:00`,
    classNames,
    title,
    ...(resourceIds ? { resourceIds } : {}),
  };
}

/**
 * Shading behind the entries: time outside working hours (per practitioner column in the day
 * view, outside everyone's hours elsewhere), and closed days and leave as labelled bands. Leave
 * shows in the practitioner's own column, or when that practitioner is filtered, so "Everyone"
 * in a week does not look like a closed clinic.
 */
export function backgroundBands(input: {
  view: CalendarView;
  days: string[];
  filter: CalendarFilter;
  practitioners: Practitioner[];
  resources: ResourceInput[];
  exceptions: ScheduleException[];
  label(e: ScheduleException): string;
}): EventInput[] {
  const { view, days, filter, exceptions, label } = input;
  if (view === 'agenda') return [];
  const active = input.practitioners.filter((p) => p.active && (filter.kind !== 'practitioner' || p.id === filter.id));
  const columnIds = input.resources.map((r) => String(r.id));
  const bands: EventInput[] = [];
  const closures = exceptions.filter((e) => e.kind === 'closed');
  for (const day of days) {
    const todays = closures.filter((e) => e.dateFrom <= day && day <= e.dateTo);
    if (view === 'month') {
      for (const e of todays.filter((c) => !c.start && (c.practitionerId === null || (filter.kind === 'practitioner' && c.practitionerId === filter.id)))) {
        bands.push({
          id: `closed-${e.id}-${day}`,
          display: 'background',
          allDay: true,
          start: day,
          end: addDays(day, 1),
          classNames: ['st-ev-closed'],
          title: label(e),
        });
      }
      continue;
    }
    if (view === 'day') {
      for (const p of active.filter((x) => columnIds.includes(x.id))) {
        offIntervals(openIntervals(p, day, []), DAY_START, DAY_END).forEach((off, i) =>
          bands.push(band(`off-${p.id}-${day}-${i}`, day, off, ['st-ev-off'], '', [p.id])),
        );
      }
    } else {
      const open = active.flatMap((p) => openIntervals(p, day, []));
      const off = subtractIntervals([{ start: DAY_START, end: DAY_END }], open);
      off.forEach((o, i) => bands.push(band(`off-${day}-${i}`, day, o, ['st-ev-off'], '', view === 'rooms' ? columnIds : undefined)));
    }
    for (const e of todays) {
      const interval = { start: e.start ?? DAY_START, end: e.end ?? DAY_END };
      if (e.practitionerId === null) {
        bands.push(band(`closed-${e.id}-${day}`, day, interval, ['st-ev-closed'], label(e), view === 'week' ? undefined : columnIds));
      } else if (view === 'day' && columnIds.includes(e.practitionerId)) {
        bands.push(band(`closed-${e.id}-${day}`, day, interval, ['st-ev-closed'], label(e), [e.practitionerId]));
      } else if (view === 'week' && filter.kind === 'practitioner' && filter.id === e.practitionerId) {
        bands.push(band(`closed-${e.id}-${day}`, day, interval, ['st-ev-closed'], label(e)));
      }
    }
  }
  return bands;
}

/** Visits per practitioner on one day: the week view's header counts. */
export function visitCounts(events: CalendarEvent[], day: string, timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'visit' || !e.practitionerId) continue;
    if (instantToWall(Date.parse(e.start), timeZone).slice(0, 10) !== day) continue;
    counts.set(e.practitionerId, (counts.get(e.practitionerId) ?? 0) + 1);
  }
  return counts;
}
