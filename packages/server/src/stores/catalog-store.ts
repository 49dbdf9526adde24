import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import type { Sql } from '../database/database.ts';

export interface ServiceRow {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  practitionerKind: 'therapist' | 'physician';
  requiresRoom: boolean;
  priceAed: number | null;
  bookableOnline: boolean;
  active: boolean;
}

export interface PractitionerRow {
  id: string;
  name: LocalizedText;
  title: LocalizedText;
  kind: 'therapist' | 'physician';
  color: string;
  bookableOnline: boolean;
  active: boolean;
  serviceIds: string[];
}

// Text in two languages leaves the store as one { en, ar } object (json_build_object), the shape
// the contract sends; the columns stay name_en/name_ar so SQL can sort and search either.
const serviceColumns = `id, json_build_object('en', name_en, 'ar', name_ar) as name,
  json_build_object('en', description_en, 'ar', description_ar) as description, duration_minutes as "durationMinutes",
  buffer_before_minutes as "bufferBeforeMinutes", buffer_after_minutes as "bufferAfterMinutes",
  practitioner_kind as "practitionerKind", requires_room as "requiresRoom", price_aed::float8 as "priceAed",
  bookable_online as "bookableOnline", active`;

export async function listServices(sql: Sql, onlyOnline: boolean): Promise<ServiceRow[]> {
  return sql.query<ServiceRow>(`select ${serviceColumns} from services ${onlyOnline ? 'where active and bookable_online' : ''} order by sort_order, name_en`);
}

export async function findService(sql: Sql, id: string): Promise<ServiceRow | undefined> {
  const [row] = await sql.query<ServiceRow>(`select ${serviceColumns} from services where id = $1`, [id]);
  return row;
}

export async function listPractitioners(sql: Sql, onlyOnline: boolean): Promise<PractitionerRow[]> {
  return sql.query<PractitionerRow>(
    `select p.id, json_build_object('en', p.name_en, 'ar', p.name_ar) as name, json_build_object('en', p.title_en, 'ar', p.title_ar) as title,
       p.kind, p.color, p.bookable_online as "bookableOnline", p.active,
       coalesce(array_agg(ps.service_id order by ps.service_id) filter (where ps.service_id is not null), '{}') as "serviceIds"
     from practitioners p left join practitioner_services ps on ps.practitioner_id = p.id
     ${onlyOnline ? 'where p.active and p.bookable_online' : ''}
     group by p.id order by p.kind desc, p.name_en`,
  );
}

export async function practitionerOffersService(sql: Sql, practitionerId: string, serviceId: string): Promise<boolean> {
  const [row] = await sql.query('select 1 from practitioner_services where practitioner_id = $1 and service_id = $2', [practitionerId, serviceId]);
  return row !== undefined;
}

export interface RoomRow {
  id: string;
  name: LocalizedText;
  active: boolean;
}

export async function listRooms(sql: Sql): Promise<RoomRow[]> {
  return sql.query<RoomRow>(`select id, json_build_object('en', name_en, 'ar', name_ar) as name, active from rooms order by id`);
}

export interface WeeklyHoursRow {
  practitionerId: string;
  weekday: number;
  start: string;
  end: string;
  isBreak: boolean;
}

/** Every practitioner's weekly working hours and breaks, 'HH:MM' in the clinic's zone. */
export async function listWeeklyHours(sql: Sql): Promise<WeeklyHoursRow[]> {
  return sql.query<WeeklyHoursRow>(
    `select practitioner_id as "practitionerId", weekday, to_char(start_time, 'HH24:MI') as start, to_char(end_time, 'HH24:MI') as "end", false as "isBreak" from working_hours
     union all select practitioner_id, weekday, to_char(start_time, 'HH24:MI'), to_char(end_time, 'HH24:MI'), true from breaks order by 1, 2, 3`,
  );
}

export type CatalogTable = 'practitioners' | 'services' | 'rooms';

/** API field in two languages → its English and Arabic columns. */
const LOCALIZED_COLUMNS: Record<string, readonly [string, string]> = {
  name: ['name_en', 'name_ar'],
  title: ['title_en', 'title_ar'],
  description: ['description_en', 'description_ar'],
};

/** API field → column; only these fields are ever written, so the SQL below names fixed columns. */
const CATALOG_COLUMNS: Record<string, string> = {
  kind: 'kind',
  color: 'color',
  bookableOnline: 'bookable_online',
  active: 'active',
  durationMinutes: 'duration_minutes',
  bufferBeforeMinutes: 'buffer_before_minutes',
  bufferAfterMinutes: 'buffer_after_minutes',
  practitionerKind: 'practitioner_kind',
  requiresRoom: 'requires_room',
  priceAed: 'price_aed',
};

/** The whole stored row (for the audit log's before and after). */
export async function readCatalogRow(sql: Sql, table: CatalogTable, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await sql.query<Record<string, unknown>>(`select * from ${table} where id = $1`, [id]);
  return row;
}

/** The (column, value) pairs to write: `{ en, ar }` fields split into their two columns. */
function columnValues(fields: Record<string, unknown>): [string, unknown][] {
  return Object.entries(fields).flatMap(([key, value]): [string, unknown][] => {
    if (value === undefined) return [];
    const localized = LOCALIZED_COLUMNS[key];
    if (localized) {
      const text = value as LocalizedText;
      return [
        [localized[0], text.en],
        [localized[1], text.ar],
      ];
    }
    const column = CATALOG_COLUMNS[key];
    return column ? [[column, value]] : [];
  });
}

/**
 * Writes the given fields of one row: insert when id is undefined, else update (undefined when
 * no such row). Fields outside the column maps (serviceIds) are skipped.
 */
export async function upsertCatalogRow(sql: Sql, table: CatalogTable, id: string | undefined, fields: Record<string, unknown>): Promise<string | undefined> {
  const entries = columnValues(fields);
  if (id === undefined) {
    const [row] = await sql.query<{ id: string }>(
      `insert into ${table} (${entries.map(([c]) => c).join(', ')}) values (${entries.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
      entries.map(([, v]) => v),
    );
    return row?.id ?? '';
  }
  if (entries.length > 0) {
    const result = await sql.query(`update ${table} set ${entries.map(([c], i) => `${c} = $${i + 2}`).join(', ')} where id = $1 returning id`, [
      id,
      ...entries.map(([, v]) => v),
    ]);
    if (result.length === 0) return undefined;
  }
  return id;
}

export async function setPractitionerServices(sql: Sql, practitionerId: string, serviceIds: readonly string[]): Promise<void> {
  await sql.query('delete from practitioner_services where practitioner_id = $1', [practitionerId]);
  for (const serviceId of serviceIds)
    await sql.query('insert into practitioner_services (practitioner_id, service_id) values ($1, $2)', [practitionerId, serviceId]);
}

export async function practitionerExists(sql: Sql, id: string): Promise<boolean> {
  const [row] = await sql.query('select 1 from practitioners where id = $1', [id]);
  return row !== undefined;
}

/** Practitioners who may take this service (online-bookable unless staff are booking), optionally just one. */
export async function eligiblePractitionerIds(sql: Sql, serviceId: string, practitionerId: string | undefined, online: boolean): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `select p.id from practitioners p join practitioner_services ps on ps.practitioner_id = p.id
     where ps.service_id = $1 and p.active ${online ? 'and p.bookable_online' : ''} ${practitionerId ? 'and p.id = $2' : ''}
     order by p.id`,
    practitionerId ? [serviceId, practitionerId] : [serviceId],
  );
  return rows.map((r) => r.id);
}
