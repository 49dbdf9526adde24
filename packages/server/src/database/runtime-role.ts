import type { Database, Sql } from './database.ts';

/** DATABASE_URL's role cannot be the app's runtime role (start-app.ts): the operator's to fix. */
export class RuntimeRoleError extends Error {}

/**
 * The app's runtime role gets only what the app needs, so a bug or an injection in the app
 * cannot rewrite history: it may read and write ordinary rows, only read and append to the
 * append-only tables, use sequences, and nothing else. It owns nothing, so it cannot
 * TRUNCATE, ALTER, DROP or DISABLE TRIGGER; the triggers that keep signed notes and the audit
 * log unchangeable stay in force. Migrations run as the owner role, which then calls this.
 *
 * Re-run after every migration: it grants on whatever tables exist now, so a table added by a
 * later migration is covered without anyone remembering to grant on it.
 */

/** Trigger functions that make a table append-only (migrations 0001, 0003, 0004). */
const APPEND_ONLY_FUNCTIONS = ['refuse_change', 'refuse_audit_change'];
/** Tables the runtime only reads. */
const READ_ONLY_TABLES = ['schema_migrations'];

export interface RuntimeGrants {
  appendOnly: string[];
  readWrite: string[];
  readOnly: string[];
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Grants `role` exactly the runtime's privileges on the current database's public schema. */
export async function grantRuntimeRole(owner: Database, role: string): Promise<RuntimeGrants> {
  const who = quoteIdent(role);
  return owner.transaction(async (tx) => {
    const tables = await tx.query<{ name: string; kind: string; append_only: boolean }>(
      `select c.relname as name, c.relkind::text as kind,
              exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                      where t.tgrelid = c.oid and p.proname = any($1::text[])) as append_only
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
       order by c.relname`,
      [APPEND_ONLY_FUNCTIONS],
    );
    const grants: RuntimeGrants = { appendOnly: [], readWrite: [], readOnly: [] };
    await tx.query(`grant usage on schema public to ${who}`);
    // No DDL: nobody but the owner creates objects in the schema (PostgreSQL 15's default, made explicit).
    await tx.exec('revoke create on schema public from public');
    for (const table of tables) {
      const name = quoteIdent(table.name);
      await tx.query(`revoke all on ${name} from ${who}`);
      if (table.kind === 'v' || table.kind === 'm' || READ_ONLY_TABLES.includes(table.name)) {
        await tx.query(`grant select on ${name} to ${who}`);
        grants.readOnly.push(table.name);
      } else if (table.append_only) {
        await tx.query(`grant select, insert on ${name} to ${who}`);
        grants.appendOnly.push(table.name);
      } else {
        await tx.query(`grant select, insert, update, delete on ${name} to ${who}`);
        grants.readWrite.push(table.name);
      }
    }
    await tx.query(`grant usage, select on all sequences in schema public to ${who}`);
    return grants;
  });
}

export interface RoleFacts {
  name: string;
  superuser: boolean;
  ownsTables: boolean;
}

/** Who a connection runs as, and whether that role could bypass the grants. */
export async function describeCurrentRole(db: Sql): Promise<RoleFacts> {
  const [row] = await db.query<{ name: string; superuser: boolean; owns: boolean }>(
    `select current_user as name,
            (select rolsuper from pg_roles where rolname = current_user) as superuser,
            exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user) as owns`,
  );
  if (!row) throw new Error('could not read the current role');
  return { name: row.name, superuser: row.superuser, ownsTables: row.owns };
}
