import type { Sql } from '../database/database.ts';

export interface ServiceRow {
  id: string;
  nameEn: string;
  nameAr: string;
  descriptionEn: string;
  descriptionAr: string;
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
  nameEn: string;
  nameAr: string;
  titleEn: string;
  titleAr: string;
  kind: 'therapist' | 'physician';
  color: string;
  bookableOnline: boolean;
  active: boolean;
  serviceIds: string[];
}

const serviceColumns = `id, name_en as "nameEn", name_ar as "nameAr", description_en as "descriptionEn",
  description_ar as "descriptionAr", duration_minutes as "durationMinutes",
  buffer_before_minutes as "bufferBeforeMinutes", buffer_after_minutes as "bufferAfterMinutes",
  practitioner_kind as "practitionerKind", requires_room as "requiresRoom", price_aed::float8 as "priceAed",
  bookable_online as "bookableOnline", active`;

export async function listServices(sql: Sql, onlyOnline: boolean): Promise<ServiceRow[]> {
  return sql.query<ServiceRow>(
    `select ${serviceColumns} from services ${onlyOnline ? 'where active and bookable_online' : ''} order by sort_order, name_en`,
  );
}

export async function findService(sql: Sql, id: string): Promise<ServiceRow | undefined> {
  const [row] = await sql.query<ServiceRow>(`select ${serviceColumns} from services where id = $1`, [id]);
  return row;
}

export async function listPractitioners(sql: Sql, onlyOnline: boolean): Promise<PractitionerRow[]> {
  return sql.query<PractitionerRow>(
    `select p.id, p.name_en as "nameEn", p.name_ar as "nameAr", p.title_en as "titleEn", p.title_ar as "titleAr",
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
