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
 * Event Calendar marks its grid up as an ARIA table (or list) whose rows sit among the toolbar,
 * the time labels and the entries, which axe reports as critical (aria-required-children). The
 * calendar is reached through its entries (buttons), the agenda and the details panel, so the
 * broken structural roles are taken off as the library draws them.
 */
const STRUCTURAL_ROLES = ['table', 'list', 'rowgroup', 'row', 'columnheader', 'rowheader', 'listitem', 'cell', 'gridcell'];
const TABLE_ATTRIBUTES = ['aria-colindex', 'aria-rowindex', 'aria-colcount', 'aria-rowcount', 'aria-colspan', 'aria-rowspan'];
const SELECTOR = [...STRUCTURAL_ROLES.map((role) => `[role="${role}"]`), ...TABLE_ATTRIBUTES.map((name) => `[${name}]`)].join(',');

function stripStructuralRoles(root: HTMLElement): void {
  root.querySelectorAll(SELECTOR).forEach((el) => {
    if (STRUCTURAL_ROLES.includes(el.getAttribute('role') ?? '')) el.removeAttribute('role');
    for (const name of TABLE_ATTRIBUTES) el.removeAttribute(name);
  });
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
    const root = host.current;
    stripStructuralRoles(root);
    const observer = new MutationObserver(() => stripStructuralRoles(root));
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', ...TABLE_ATTRIBUTES] });
    calendar.current = created;
    applied.current = options;
    if (calendarRef) calendarRef.current = created;
    return () => {
      observer.disconnect();
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
