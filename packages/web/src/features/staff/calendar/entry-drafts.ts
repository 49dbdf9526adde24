import type { EntryDraft } from './new-entry-dialog.tsx';
import { addDays, addMinutesToTime, calendarDateToDay, calendarDateToWall, clinicToday, instantToWall } from '../../../lib/clinic-time/clinic-time.ts';

const FIRST_START = '09:00';
const LAST_START = '19:00';
const DEFAULT_MINUTES = 60;

/** 'HH:MM' rounded up to the next quarter hour: 10:07 → 10:15. */
export function nextQuarter(wallTime: string): string {
  const [h = 0, m = 0] = wallTime.split(':').map(Number);
  const total = Math.ceil((h * 60 + m) / 15) * 15;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

interface Who {
  practitionerId?: string | undefined;
  roomId?: string | undefined;
}

function withWho(draft: EntryDraft, who: Who): EntryDraft {
  return { ...draft, ...(who.practitionerId ? { practitionerId: who.practitionerId } : {}), ...(who.roomId ? { roomId: who.roomId } : {}) };
}

/**
 * What "New appointment" / "Block time" propose: today at the next quarter hour when today is
 * on screen (09:00 before opening, tomorrow 09:00 after 19:00), else 09:00 on the first day shown.
 * View bounds are FullCalendar dates (UTC fields = clinic wall-clock), end exclusive.
 */
export function draftForButton(mode: EntryDraft['mode'], view: { start: Date; end: Date } | undefined, timeZone: string, nowMs: number, who: Who): EntryDraft {
  const today = clinicToday(timeZone, nowMs);
  const first = view ? calendarDateToDay(view.start) : today;
  const last = view ? calendarDateToDay(new Date(view.end.getTime() - 1)) : today;
  let date = today >= first && today <= last ? today : first;
  let start = date === today ? nextQuarter(instantToWall(nowMs, timeZone).slice(11, 16)) : FIRST_START;
  if (start < FIRST_START) start = FIRST_START;
  if (start >= LAST_START) {
    start = FIRST_START;
    date = addDays(date, 1);
  }
  return withWho({ mode, date, start, end: addMinutesToTime(start, DEFAULT_MINUTES) }, who);
}

/** A range picked on the grid; a whole-day pick (month view) starts at 09:00. */
export function draftForSelection(selection: { start: Date; end: Date; allDay: boolean }, who: Who): EntryDraft {
  const startWall = calendarDateToWall(selection.start);
  const endWall = calendarDateToWall(selection.end);
  const start = selection.allDay ? FIRST_START : startWall.slice(11, 16);
  const sameDay = !selection.allDay && endWall.slice(0, 10) === startWall.slice(0, 10);
  return withWho({ mode: 'visit', date: startWall.slice(0, 10), start, end: sameDay ? endWall.slice(11, 16) : addMinutesToTime(start, DEFAULT_MINUTES) }, who);
}
