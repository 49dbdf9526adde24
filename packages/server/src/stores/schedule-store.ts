import type { BusyInterval, IsoWeekday, ScheduleException, WeeklyInterval } from '@myomap/domain/scheduling/scheduling-types';
import type { Sql } from '../database/database.ts';
import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import { afterAnyLocalDay, beforeAnyLocalDay } from '../lib/zoned-time.ts';

export interface ScheduleData {
  practitioners: { id: string; weeklyHours: WeeklyInterval[]; breaks: WeeklyInterval[] }[];
  exceptions: ScheduleException[];
  rooms: { id: string }[];
  busy: readonly BusyInterval[];
}

const hhmm = (time: string) => time.slice(0, 5);

/**
 * Everything the availability engine needs for one service over local dates fromDate..toDate.
 * Busy intervals are read a day wider on each side so buffers across midnight are seen.
 */
export async function loadSchedule(
  sql: Sql,
  args: { serviceId: string; practitionerIds: string[]; requiresRoom: boolean; fromDate: string; toDate: string; timeZone: string },
): Promise<ScheduleData> {
  const { practitionerIds } = args;
  const hours = await sql.query<{ practitioner_id: string; weekday: number; start_time: string; end_time: string; is_break: boolean }>(
    `select practitioner_id, weekday, start_time::text, end_time::text, false as is_break from working_hours where practitioner_id = any($1)
     union all
     select practitioner_id, weekday, start_time::text, end_time::text, true from breaks where practitioner_id = any($1)
     order by 1, 2, 3`,
    [practitionerIds],
  );
  const practitioners = practitionerIds.map((id) => ({ id, weeklyHours: [] as WeeklyInterval[], breaks: [] as WeeklyInterval[] }));
  const byId = new Map(practitioners.map((p) => [p.id, p]));
  for (const row of hours) {
    const interval = { weekday: row.weekday as IsoWeekday, start: hhmm(row.start_time), end: hhmm(row.end_time) };
    byId.get(row.practitioner_id)?.[row.is_break ? 'breaks' : 'weeklyHours'].push(interval);
  }

  const exceptionRows = await sql.query<{
    practitioner_id: string | null;
    kind: 'closed' | 'extra_hours';
    date_from: string;
    date_to: string;
    start_time: string | null;
    end_time: string | null;
  }>(
    `select practitioner_id, kind, date_from::text, date_to::text, start_time::text, end_time::text from schedule_exceptions
     where (practitioner_id is null or practitioner_id = any($1)) and date_from <= $3::date and date_to >= $2::date`,
    [practitionerIds, args.fromDate, args.toDate],
  );
  const exceptions = exceptionRows.map((row) => ({
    practitionerId: row.practitioner_id,
    kind: row.kind,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    ...(row.start_time && row.end_time ? { start: hhmm(row.start_time), end: hhmm(row.end_time) } : {}),
  }));

  const rooms = args.requiresRoom ? await sql.query<{ id: string }>('select id from rooms where active order by id') : [];
  const busy = await loadBusy(sql, { ...args, roomIds: rooms.map((r) => r.id) });
  return { practitioners, exceptions, rooms, busy };
}

/**
 * The busy intervals of these practitioners and rooms around local dates fromDate..toDate (a day
 * wider on each side, so buffers across midnight are seen): the one read that changes with every
 * booking, and so the one an availability miss or a booking makes when the catalog is cached.
 */
export async function loadBusy(
  sql: Sql,
  args: { practitionerIds: readonly string[]; roomIds: readonly string[]; fromDate: string; toDate: string; timeZone: string },
): Promise<BusyInterval[]> {
  const { practitionerIds, roomIds } = args;
  // At least a day wider than the local days on each side, in any zone: a few hours more than
  // startOfLocalDay(from, -1)..startOfLocalDay(to, 2) would give, without a zone conversion per miss.
  const windowStart = beforeAnyLocalDay(args.fromDate, -1);
  const windowEnd = afterAnyLocalDay(args.toDate, 1);
  return selectBusy(sql, windowStart, windowEnd, { practitionerIds, roomIds });
}

// One object shape for every row keeps the engine's hot loop monomorphic.
const toBusyInterval = (row: { practitioner_id: string | null; room_id: string | null; start_ms: number; end_ms: number }): BusyInterval => ({
  practitionerId: row.practitioner_id ?? undefined,
  roomId: row.room_id ?? undefined,
  start: Number(row.start_ms),
  end: Number(row.end_ms),
});

/** Every practitioner's and room's busy intervals overlapping [startMs, endMs), in start order (scheduling/busy-times.ts). */
export async function loadBusyBetween(sql: Sql, startMs: number, endMs: number): Promise<BusyInterval[]> {
  return selectBusy(sql, new Date(startMs), new Date(endMs));
}

/** Busy intervals overlapping [start, end) in start order: of these practitioners and rooms, or of everyone. */
async function selectBusy(
  sql: Sql,
  start: Date,
  end: Date,
  only?: { practitionerIds: readonly string[]; roomIds: readonly string[] },
): Promise<BusyInterval[]> {
  const busyRows = await sql.query<{ practitioner_id: string | null; room_id: string | null; start_ms: number; end_ms: number }>(
    `select practitioner_id, room_id,
       (extract(epoch from lower(occupied)) * 1000)::float8 as start_ms,
       (extract(epoch from upper(occupied)) * 1000)::float8 as end_ms
     from appointments
     where status <> 'cancelled' and occupied && tstzrange($1, $2)
       ${only ? 'and (practitioner_id = any($3) or room_id = any($4))' : ''}
     order by lower(occupied)`,
    only ? [start.toISOString(), end.toISOString(), only.practitionerIds, only.roomIds] : [start.toISOString(), end.toISOString()],
  );
  return busyRows.map(toBusyInterval);
}

/** Everything availability reads that is not an appointment, for every practitioner and service. */
export interface ScheduleCatalogData {
  /** Active practitioners by id (the order eligiblePractitionerIds uses), with the services they offer. */
  practitioners: { id: string; name: LocalizedText; bookableOnline: boolean; serviceIds: ReadonlySet<string> }[];
  weekly: ReadonlyMap<string, { weeklyHours: WeeklyInterval[]; breaks: WeeklyInterval[] }>;
  exceptions: ScheduleException[];
  activeRoomIds: string[];
}

/**
 * The whole schedule catalog in three reads (hours and breaks, exceptions, practitioners with their
 * services and the active rooms). Small: a clinic has a few practitioners, rooms and exceptions.
 */
export async function loadScheduleCatalogData(sql: Sql): Promise<ScheduleCatalogData> {
  const hours = await sql.query<{ practitioner_id: string; weekday: number; start_time: string; end_time: string; is_break: boolean }>(
    `select practitioner_id, weekday, start_time::text, end_time::text, false as is_break from working_hours
     union all
     select practitioner_id, weekday, start_time::text, end_time::text, true from breaks
     order by 1, 2, 3`,
  );
  const weekly = new Map<string, { weeklyHours: WeeklyInterval[]; breaks: WeeklyInterval[] }>();
  for (const row of hours) {
    let entry = weekly.get(row.practitioner_id);
    if (!entry) weekly.set(row.practitioner_id, (entry = { weeklyHours: [], breaks: [] }));
    entry[row.is_break ? 'breaks' : 'weeklyHours'].push({ weekday: row.weekday as IsoWeekday, start: hhmm(row.start_time), end: hhmm(row.end_time) });
  }
  const exceptionRows = await sql.query<{
    practitioner_id: string | null;
    kind: 'closed' | 'extra_hours';
    date_from: string;
    date_to: string;
    start_time: string | null;
    end_time: string | null;
  }>(`select practitioner_id, kind, date_from::text, date_to::text, start_time::text, end_time::text from schedule_exceptions order by id`);
  const exceptions = exceptionRows.map((row) => ({
    practitionerId: row.practitioner_id,
    kind: row.kind,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    ...(row.start_time && row.end_time ? { start: hhmm(row.start_time), end: hhmm(row.end_time) } : {}),
  }));
  const rows = await sql.query<{ kind: 'practitioner' | 'room'; id: string; name: LocalizedText; bookable_online: boolean; service_ids: string[] }>(
    `select 'practitioner' as kind, p.id, json_build_object('en', p.name_en, 'ar', p.name_ar) as name, p.bookable_online,
       coalesce(array_agg(ps.service_id) filter (where ps.service_id is not null), '{}') as service_ids
     from practitioners p left join practitioner_services ps on ps.practitioner_id = p.id where p.active group by p.id
     union all
     select 'room', id, null, false, '{}' from rooms where active
     order by 1, 2`,
  );
  return {
    practitioners: rows
      .filter((r) => r.kind === 'practitioner')
      .map((r) => ({ id: r.id, name: r.name, bookableOnline: r.bookable_online, serviceIds: new Set(r.service_ids) })),
    weekly,
    exceptions,
    activeRoomIds: rows.filter((r) => r.kind === 'room').map((r) => r.id),
  };
}

/** Replaces a practitioner's weekly working hours and breaks ('HH:MM' in the clinic's zone). */
export async function replaceWeeklySchedule(
  sql: Sql,
  practitionerId: string,
  schedule: { weeklyHours: readonly WeeklyHours[]; breaks: readonly WeeklyHours[] },
): Promise<void> {
  await sql.query('delete from working_hours where practitioner_id = $1', [practitionerId]);
  await sql.query('delete from breaks where practitioner_id = $1', [practitionerId]);
  for (const h of schedule.weeklyHours) {
    await sql.query('insert into working_hours (practitioner_id, weekday, start_time, end_time) values ($1, $2, $3, $4)', [
      practitionerId,
      h.weekday,
      h.start,
      h.end,
    ]);
  }
  for (const b of schedule.breaks) {
    await sql.query('insert into breaks (practitioner_id, weekday, start_time, end_time) values ($1, $2, $3, $4)', [practitionerId, b.weekday, b.start, b.end]);
  }
}

interface WeeklyHours {
  weekday: number;
  start: string;
  end: string;
}

export interface ScheduleExceptionRow {
  id: string;
  practitionerId: string | null;
  kind: 'closed' | 'extra_hours';
  dateFrom: string;
  dateTo: string;
  start: string | null;
  end: string | null;
  note: string;
}

export async function listScheduleExceptions(sql: Sql): Promise<ScheduleExceptionRow[]> {
  return sql.query<ScheduleExceptionRow>(
    `select id, practitioner_id as "practitionerId", kind, date_from::text as "dateFrom", date_to::text as "dateTo",
       to_char(start_time, 'HH24:MI') as start, to_char(end_time, 'HH24:MI') as "end", note
     from schedule_exceptions order by date_from desc`,
  );
}

export async function insertScheduleException(
  sql: Sql,
  e: {
    practitionerId: string | null;
    kind: 'closed' | 'extra_hours';
    dateFrom: string;
    dateTo: string;
    start?: string | undefined;
    end?: string | undefined;
    note?: string | undefined;
  },
): Promise<string> {
  const [saved] = await sql.query<{ id: string }>(
    `insert into schedule_exceptions (practitioner_id, kind, date_from, date_to, start_time, end_time, note) values ($1,$2,$3,$4,$5,$6,$7) returning id`,
    [e.practitionerId, e.kind, e.dateFrom, e.dateTo, e.start ?? null, e.end ?? null, e.note ?? ''],
  );
  if (!saved) throw new Error('exception insert returned no row');
  return saved.id;
}

/** Deletes an exception; the deleted row (for the audit log), or undefined when there was none. */
export async function deleteScheduleException(sql: Sql, id: string): Promise<Record<string, unknown> | undefined> {
  const [before] = await sql.query<Record<string, unknown>>('delete from schedule_exceptions where id = $1 returning *', [id]);
  return before;
}
