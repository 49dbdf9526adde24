/**
 * Clinic wall-clock time, independent of the browser's zone.
 *
 * FullCalendar runs with timeZone 'UTC' and is fed wall-clock strings without an offset, so
 * it draws 09:00 for a visit at 09:00 in the clinic whatever zone the browser is in. Dates it
 * hands back are "UTC" Dates whose UTC fields are clinic wall-clock fields; these helpers
 * convert between those and real instants with the zone's offset, using Intl only.
 *
 * Worked example (Asia/Dubai, +04:00 all year): the server sends 2026-11-30T09:00:00+04:00,
 * instantToWall gives '2026-11-30T09:00:00', FullCalendar shows 09:00; dropping it at 11:00
 * gives a Date 2026-11-30T11:00:00Z, wallToZonedIso gives '2026-11-30T11:00:00+04:00'.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** An instant as clinic wall-clock, 'YYYY-MM-DDTHH:MM:SS'. */
export function instantToWall(instant: Date | number, timeZone: string): string {
  const date = typeof instant === 'number' ? new Date(instant) : instant;
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Minutes the zone is ahead of UTC at an instant: 240 for Asia/Dubai. */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  const wallAsUtc = Date.parse(`${instantToWall(wholeSeconds, timeZone)}Z`);
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Normalises 'YYYY-MM-DDTHH:MM' or '...:SS(.sss)' to 'YYYY-MM-DDTHH:MM:SS'. */
function normaliseWall(wall: string): string {
  const [date, time = '00:00'] = wall.split('T');
  const [hh = '00', mm = '00', ss = '00'] = time.split(':');
  return `${date}T${hh}:${mm}:${ss.slice(0, 2)}`;
}

/**
 * Clinic wall-clock → ISO with the zone's offset at that moment. The offset is looked up twice
 * so a zone with daylight saving gets the offset in force at the wall time, not at the guess.
 */
export function wallToZonedIso(wall: string, timeZone: string): string {
  const normal = normaliseWall(wall);
  const asUtc = Date.parse(`${normal}Z`);
  const guess = zoneOffsetMinutes(asUtc, timeZone);
  const offset = zoneOffsetMinutes(asUtc - guess * 60_000, timeZone);
  return `${normal}${formatOffset(offset)}`;
}

/** A FullCalendar Date (UTC fields = clinic wall-clock) → clinic wall-clock string. */
export function calendarDateToWall(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** 'YYYY-MM-DD' of a FullCalendar Date. */
export function calendarDateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds whole days to 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today's date in the clinic, 'YYYY-MM-DD'. */
export function clinicToday(timeZone: string, now: number = Date.now()): string {
  return instantToWall(now, timeZone).slice(0, 10);
}

/** Adds minutes to 'HH:MM', clamped to the same day. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = Math.min(24 * 60 - 1, Math.max(0, h * 60 + m + minutes));
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
