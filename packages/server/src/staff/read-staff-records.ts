import type { AuditEntry, AuditQuery, OutboxMessage } from '@myomap/contract/staff/records.schemas';
import { can } from '@myomap/domain/access/permissions';
import type { AppContext } from '../app-context.ts';
import { redactSecrets, writeAudit, type Actor } from '../lib/audit.ts';
import { showRedacted } from '../lib/seal-links.ts';
import { listAuditEntries } from '../stores/audit-log-store.ts';
import { listMailbox } from '../stores/mailbox-store.ts';

/** Reading the log is itself a read of note contents and demographics: audited, in one transaction. */
export async function readAuditLog(ctx: AppContext, query: AuditQuery, actor: Actor): Promise<AuditEntry[]> {
  const limit = query.limit ?? 100;
  return ctx.db.transaction(async (tx) => {
    const rows = await listAuditEntries(tx, { entityType: query.entityType, entityId: query.entityId, limit });
    await writeAudit(tx, actor, {
      action: 'audit.read',
      entityType: 'audit_log',
      after: { entityType: query.entityType, entityId: query.entityId, limit, count: rows.length },
    });
    // Rows written before secrets were stripped at write time still hold them (the log is append-only): redact on the way out.
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString(), before: redactSecrets(row.before), after: redactSecrets(row.after) }));
  });
}

/**
 * Staff read what was sent, never a live link: sealed links show as …?token=•••••.
 * Invitation and reset emails (which set a password) are listed only to those who manage staff.
 */
export async function readMailbox(ctx: AppContext, actor: Actor): Promise<OutboxMessage[]> {
  const allowed = (action: 'staff.manage' | 'alerts.read') => can(actor.role, action);
  return ctx.db.transaction(async (tx) => {
    const rows = await listMailbox(tx, { includeStaffAccountMail: allowed('staff.manage') });
    await writeAudit(tx, actor, { action: 'mailbox.read', entityType: 'outbox', after: { count: rows.length } });
    // A staff alert quotes the patient's symptoms: its body is for those who may read alerts.
    const clinical = allowed('alerts.read');
    return rows.map(({ sealedLinks, sendAfter, sentAt, ...row }) => ({
      ...row,
      sendAfter: new Date(sendAfter).toISOString(),
      sentAt: sentAt ? new Date(sentAt).toISOString() : null,
      ...(row.kind === 'staff_alert' && !clinical ? { body: '', bodyHidden: true } : { body: showRedacted(ctx.config.sessionSecret, row.body, sealedLinks) }),
    }));
  });
}
