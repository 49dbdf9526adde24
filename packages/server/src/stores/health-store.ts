import type { Sql } from '../database/database.ts';

/** Answers when the database does: the health check's one round trip. */
export async function pingDatabase(sql: Sql): Promise<void> {
  await sql.query('select 1');
}
