import type { Sql } from '../database/database.ts';

export interface Actor {
  type: 'staff' | 'patient' | 'system';
  id?: string | undefined;
  role?: string | undefined;
  ip?: string | undefined;
}

export const systemActor: Actor = { type: 'system' };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | undefined;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log, in the caller's transaction so the record and its trail commit together. */
export async function writeAudit(sql: Sql, actor: Actor, entry: AuditEntry): Promise<void> {
  await sql.query(
    `insert into audit_log (actor_type, actor_id, actor_role, action, entity_type, entity_id, before, after, ip)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor.type,
      actor.id ?? null,
      actor.role ?? null,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      actor.ip ?? null,
    ],
  );
}
