import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { migrate } from '../database/migrate.ts';
import { openDatabase } from '../database/open-database.ts';
import { systemActor, writeAudit } from '../lib/audit.ts';
import { createAccountLink, findAccountByEmail, insertStaffAccount, setActive } from '../stores/staff-account-store.ts';

/**
 * `npm run create-admin -- --email you@clinic.example [--name "Your Name"]`
 * Creates an admin account with no password (or takes an existing admin) and prints a one-time
 * link, valid 24 hours, where its owner sets the password; two-factor set-up follows at sign-in.
 * For a first run without access to the log, and for an admin locked out of every account.
 * Uses the same DATABASE_URL / DATA_DIR as the server (stop the server first on PGlite).
 */
const LINK_HOURS = 24;

try {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error('Usage: npm run create-admin -- --email you@clinic.example [--name "Your Name"]');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  await migrate(db);
  const now = new Date();
  const token = await db.transaction(async (tx) => {
    const existing = await findAccountByEmail(tx, email);
    if (existing && existing.role !== 'admin') throw new Error(`${email} is a ${existing.role} account, not an admin; an admin can change it.`);
    if (existing && !existing.active) await setActive(tx, existing.id, true);
    const id =
      existing?.id ?? (await insertStaffAccount(tx, { email, name: values.name?.trim() || email, role: 'admin', practitionerId: null, passwordHash: null }));
    await writeAudit(tx, systemActor, {
      action: existing ? 'staff_user.admin_link_from_cli' : 'staff_user.admin_created_from_cli',
      entityType: 'staff_user',
      entityId: id,
    });
    return createAccountLink(tx, existing?.passwordHash ? 'reset' : 'invite', id, now, LINK_HOURS);
  });
  await db.close();
  console.log(`Set the password for ${email} within ${LINK_HOURS} hours at:\n${config.publicUrl}/staff/welcome/${token}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
