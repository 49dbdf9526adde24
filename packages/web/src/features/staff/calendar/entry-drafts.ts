import type { Practitioner, ScheduleException } from '../api/staff-api.ts';
import type { EntryDraft } from './new-entry-dialog.tsx';
import { openIntervals } from './working-hours.ts';
import { addDays, addMinutesToTime, calendarDateToWall } from '../../../lib/clinic-time/clinic-time.ts';

const FIRST_START = '09:00';
const DEFAULT_MINUTES = 60;
/** How far past the days on screen the button looks for an open day (a long holiday, leave). */
const LOOK_AHEAD_DAYS = 28;

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

function minutesOf(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

export interface ButtonContext {
  /** The first and last calendar day on screen, 'YYYY-MM-DD', both included. */
  firstDay: string;
  lastDay: string;
  /** Clinic wall-clock now, 'YYYY-MM-DDTHH:MM…'. */
  nowWall: string;
  practitioners: Practitioner[];
  exceptions: ScheduleException[];
}

/**
 * What "New appointment" / "Block time" propose: the first open slot at or after now, from the
 * first day on screen (or today, if later), in the working hours of the practitioner shown (or
 * of anyone active), skipping clinic closures and leave. A slot is open when a whole hour fits
 * in a working interval, or failing that a quarter hour (a short block). Nobody works in the
 * next four weeks: the first day on screen at 09:00, for staff to choose.
 */
export function draftForButton(mode: EntryDraft['mode'], context: ButtonContext, who: Who): EntryDraft {
  const today = context.nowWall.slice(0, 10);
  const nowTime = nextQuarter(context.nowWall.slice(11, 16));
  const candidates = context.practitioners.filter((p) => p.active && (!who.practitionerId || p.id === who.practitionerId));
  const from = context.firstDay > today ? context.firstDay : today;
  const until = addDays(context.lastDay, LOOK_AHEAD_DAYS);
  for (let day = from; day <= until; day = addDays(day, 1)) {
    let best: { start: string; end: string; practitionerId: string } | undefined;
    for (const practitioner of candidates) {
      for (const open of openIntervals(practitioner, day, context.exceptions)) {
        const start = day === today && nowTime > open.start ? nowTime : open.start;
        const room = minutesOf(open.end) - minutesOf(start);
        if (room < 15) continue;
        const end = addMinutesToTime(start, Math.min(DEFAULT_MINUTES, room));
        if (!best || start < best.start) best = { start, end, practitionerId: practitioner.id };
        break;
      }
    }
    if (best) return withWho({ mode, date: day, start: best.start, end: best.end }, { practitionerId: best.practitionerId, roomId: who.roomId });
  }
  return withWho({ mode, date: context.firstDay, start: FIRST_START, end: addMinutesToTime(FIRST_START, DEFAULT_MINUTES) }, who);
}

/** A range picked on the grid (in a resource column, for that practitioner or room); a whole-day pick (month view) starts at 09:00. */
export function draftForSelection(selection: { start: Date; end: Date; allDay: boolean }, who: Who): EntryDraft {
  const startWall = calendarDateToWall(selection.start);
  const endWall = calendarDateToWall(selection.end);
  const start = selection.allDay ? FIRST_START : startWall.slice(11, 16);
  const sameDay = !selection.allDay && endWall.slice(0, 10) === startWall.slice(0, 10);
  return withWho({ mode: 'visit', date: startWall.slice(0, 10), start, end: sameDay ? endWall.slice(11, 16) : addMinutesToTime(start, DEFAULT_MINUTES) }, who);
}
