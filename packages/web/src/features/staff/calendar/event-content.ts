import type { TFunction } from 'i18next';
import type { CalendarEvent, Practitioner, Room, Service } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { patientMarks } from './patient-state.ts';
import { calendarDateToWall } from '../../../lib/clinic-time/clinic-time.ts';

/**
 * The inside of one calendar entry, as DOM nodes (Event Calendar renders content from nodes or
 * HTML; nodes need no escaping of patient names). Time, who or what, the patient's marks, and a
 * second line of context. A referral leads with a "Refer — do not treat" tag in full words.
 */
export interface EventContentContext {
  t: TFunction<'staff'>;
  lang: string;
  practitioners: Practitioner[];
  services: Service[];
  rooms: Room[];
  /** The column already names the practitioner (or the filter does): the second line names the room. */
  roomInsteadOfPractitioner: boolean;
  /** The week: narrow columns, so the name and the marks only (the time is where the entry sits). */
  compact?: boolean;
}

function node(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export function eventContentNodes(source: CalendarEvent, start: Date, end: Date, timeText: string, context: EventContentContext): Node[] {
  const { t, lang } = context;
  const service = context.services.find((s) => s.id === source.serviceId);
  const room = context.rooms.find((r) => r.id === source.roomId);
  const practitioner = context.practitioners.find((p) => p.id === source.practitionerId);
  const title =
    source.kind === 'visit'
      ? (source.patientName ?? t('details.visit'))
      : source.kind === 'hold'
        ? t('calendar.heldForWaitlist')
        : source.note || t('calendar.blocked');
  const sub =
    source.kind === 'block'
      ? [t('calendar.blocked'), localName(practitioner, lang), localName(room, lang)]
      : [
          service ? localName(service, lang) : (source.serviceName ?? ''),
          context.roomInsteadOfPractitioner ? localName(room, lang) : localName(practitioner, lang),
        ];
  const subText = sub.filter(Boolean).join(' · ');

  // Short entries put the start time and the name on one line so the name is not cut off.
  const short = !context.compact && end.getTime() - start.getTime() <= 30 * 60_000;
  const body = node('div', short ? 'st-ev-body is-short' : context.compact ? 'st-ev-body is-compact' : 'st-ev-body');
  body.dataset.eventId = source.id;
  body.dataset.kind = source.kind;
  // <bdi dir="ltr">: "09:00 - 10:15" must not turn into "10:15 - 09:00" in Arabic.
  const time = node('bdi', 'st-ev-time', short ? calendarDateToWall(start).slice(11, 16) : timeText);
  time.setAttribute('dir', 'ltr');
  const marks = patientMarks(source.kind === 'visit' ? source.patientState : null);
  const refer = marks.find((m) => m.id === 'refer');
  if (refer) body.append(node('div', 'st-mark st-mark-refer', t('patientState.refer.tag')));
  const titleEl = node('div', 'st-ev-title');
  if (short) titleEl.append(time, ' ', title);
  else if (!context.compact) body.append(time);
  if (!short) titleEl.textContent = title;
  body.append(titleEl);
  const others = marks.filter((m) => m.id !== 'refer');
  if (others.length > 0) {
    const list = node('ul', 'st-marks');
    list.setAttribute('aria-label', t('patientState.label'));
    for (const mark of others) {
      const item = node('li', `st-mark st-mark-${mark.tone}`, t(`patientState.${mark.id}.tag`));
      item.title = t(`patientState.${mark.id}.long`);
      list.append(item);
    }
    body.append(list);
  }
  if (subText && !context.compact) body.append(node('div', 'st-ev-sub', subText));
  return [body];
}

/** The week view's day header: the date, then each practitioner's number of visits that day. */
export function dayHeaderNodes(
  label: string,
  counts: Map<string, number>,
  practitioners: Practitioner[],
  context: { t: TFunction<'staff'>; lang: string },
): Node[] {
  const wrap = node('div', 'st-dayhead');
  wrap.append(node('span', 'st-dayhead-date', label));
  const shown = practitioners.filter((p) => counts.has(p.id));
  if (shown.length > 0) {
    const list = node('ul', 'st-dayhead-counts');
    for (const p of shown) {
      const name = localName(p, context.lang);
      const item = node('li', 'st-count');
      const dot = node('span', 'st-count-dot');
      dot.style.background = p.color;
      dot.setAttribute('aria-hidden', 'true');
      const initials = node('span', 'st-count-who', initialsOf(name));
      initials.setAttribute('aria-hidden', 'true');
      const count = String(counts.get(p.id) ?? 0);
      const spoken = node('span', 'ui-visually-hidden', context.t('calendar.visitsBy', { name, count: counts.get(p.id) ?? 0 }));
      const number = node('span', 'st-count-n', count);
      number.setAttribute('aria-hidden', 'true');
      item.title = context.t('calendar.visitsBy', { name, count: counts.get(p.id) ?? 0 });
      item.append(dot, initials, number, spoken);
      list.append(item);
    }
    wrap.append(list);
  }
  return [wrap];
}

/** "Amira Saleh" → "AS"; "Dr. Yousef Rahman" → "YR"; Arabic names keep their first letters. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => w && !/\.$/.test(w));
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0))
    .join('');
}
