import type { Sql } from '../database/database.ts';

export interface AuditLogRow {
  id: number | string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The newest entries first, optionally for one entity type and id. */
export async function listAuditEntries(
  sql: Sql,
  filter: { entityType?: string | undefined; entityId?: string | undefined; limit: number },
): Promise<AuditLogRow[]> {
  return sql.query<AuditLogRow>(
    `select l.id, l.at, l.actor_type as "actorType", l.actor_id as "actorId", u.name as "actorName", l.actor_role as "actorRole",
       l.action, l.entity_type as "entityType", l.entity_id as "entityId", l.before, l.after
     from audit_log l left join staff_users u on u.id = l.actor_id
     where ($1::text is null or l.entity_type = $1) and ($2::text is null or l.entity_id = $2)
     order by l.id desc limit $3`,
    [filter.entityType ?? null, filter.entityId ?? null, filter.limit],
  );
}

export interface NewAuditRow {
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Already redacted (lib/audit.ts): the log is append-only, so a secret written here stays. */
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** Appends one row to the append-only audit log. */
export async function insertAuditRow(sql: Sql, r: NewAuditRow): Promise<void> {
  await sql.query(
    `insert into audit_log (actor_type, actor_id, actor_role, action, entity_type, entity_id, before, after, ip)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      r.actorType,
      r.actorId,
      r.actorRole,
      r.action,
      r.entityType,
      r.entityId,
      r.before === undefined ? null : JSON.stringify(r.before),
      r.after === undefined ? null : JSON.stringify(r.after),
      r.ip,
    ],
  );
}
