import { createCalendar, destroyCalendar, type Calendar } from '@event-calendar/core';
import '@event-calendar/core/index.css';
import { useEffect, useRef, type RefObject } from 'react';

/** The callbacks the calendar calls; always the latest render's, without re-creating the calendar. */
export type CalendarHandlers = Pick<Calendar.Options, 'datesSet' | 'select' | 'eventClick' | 'eventDrop' | 'eventResize' | 'dateClick'>;

interface EventCalendarProps {
  plugins: Calendar.Plugin[];
  /**
   * Everything else. Read once at creation (as `views` always is), then each option whose value
   * changed identity is passed to setOption: memoise content functions and arrays, or the
   * calendar redraws on every render.
   */
  options: Calendar.Options;
  handlers: CalendarHandlers;
  calendarRef?: RefObject<Calendar | null>;
  className?: string;
}

/**
 * A small React wrapper for vkurko's Event Calendar (a Svelte 5 library with no React binding):
 * mount in an effect, update with setOption, destroy on unmount.
 */
export function EventCalendar({ plugins, options, handlers, calendarRef, className }: EventCalendarProps) {
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const applied = useRef<Calendar.Options>({});
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!host.current) return;
    const trampolines: CalendarHandlers = {
      datesSet: (info) => latest.current.datesSet?.(info),
      select: (info) => latest.current.select?.(info),
      eventClick: (info) => latest.current.eventClick?.(info),
      eventDrop: (info) => latest.current.eventDrop?.(info),
      eventResize: (info) => latest.current.eventResize?.(info),
      dateClick: (info) => latest.current.dateClick?.(info),
    };
    const created = createCalendar(host.current, plugins, { ...options, ...trampolines });
    calendar.current = created;
    applied.current = options;
    if (calendarRef) calendarRef.current = created;
    return () => {
      calendar.current = null;
      if (calendarRef) calendarRef.current = null;
      void destroyCalendar(created);
    };
    // Created once per mount; later option changes go through setOption below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = calendar.current;
    if (!current) return;
    const before = applied.current;
    for (const key of Object.keys(options) as (keyof Calendar.Options)[]) {
      if (key === 'views' || options[key] === before[key]) continue;
      current.setOption(key, options[key]);
    }
    applied.current = options;
  });

  return <div ref={host} className={className} />;
}
