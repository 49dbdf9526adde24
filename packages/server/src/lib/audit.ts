import type { Sql } from '../database/database.ts';
import { insertAuditRow } from '../stores/audit-log-store.ts';

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

const SECRET_KEY = /token|password|secret|_hash$|Hash$/i;
export const REDACTED = '[redacted]';

/**
 * Replaces every secret-looking field (calendar-feed and manage tokens, CSRF tokens, hashes,
 * passwords) at any depth. The audit log is read by people who must not thereby gain a key:
 * a practitioner's calendar token in a `practitioners.update` row is a working feed URL.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) && v !== null && v !== undefined ? REDACTED : redactSecrets(v)]),
  );
}

/** Appends to the audit log, in the caller's transaction so the record and its trail commit together. */
export async function writeAudit(sql: Sql, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditRow(sql, {
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorRole: actor.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? undefined : redactSecrets(entry.before),
    after: entry.after === undefined ? undefined : redactSecrets(entry.after),
    ip: actor.ip ?? null,
  });
}
