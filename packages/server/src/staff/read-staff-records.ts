import type { AuditEntry, AuditQuery, MailboxQuery, OutboxMessage } from '@myomap/contract/staff/records.schemas';
import { can } from '@myomap/domain/access/permissions';
import type { AppContext } from '../app-context.ts';
import { redactSecrets, writeAudit, type Actor } from '../lib/audit.ts';
import { AppError } from '../lib/app-error.ts';
import { showRedacted } from '../lib/seal-links.ts';
import { isRealDate, startOfLocalDay } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { listAuditEntries } from '../stores/audit-log-store.ts';
import { listMailbox } from '../stores/mailbox-store.ts';

/** Reading the log is itself a read of note contents and demographics: audited, in one transaction. */
export async function readAuditLog(ctx: AppContext, query: AuditQuery, actor: Actor): Promise<AuditEntry[]> {
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  for (const day of [query.from, query.to]) {
    if (day !== undefined && !isRealDate(day))
      throw new AppError('validation_failed', 'from and to must be real days (YYYY-MM-DD).', { field: day === query.from ? 'from' : 'to' });
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new AppError('validation_failed', 'from must not be after to.', { field: 'from' });
  }
  const patient = query.patient?.trim() || undefined;
  return ctx.db.transaction(async (tx) => {
    const { timeZone } = await loadClinic(tx);
    const filter = {
      entityType: query.entityType,
      entityId: query.entityId,
      patient,
      actorId: query.actorId,
      action: query.action,
      // Whole clinic days: from its first instant to the first instant of the day after `to`.
      from: query.from === undefined ? undefined : startOfLocalDay(query.from, timeZone),
      to: query.to === undefined ? undefined : startOfLocalDay(query.to, timeZone, 1),
      limit,
      offset,
    };
    const rows = await listAuditEntries(tx, filter);
    await writeAudit(tx, actor, {
      action: 'audit.read',
      entityType: 'audit_log',
      after: { ...query, count: rows.length },
    });
    // Rows written before secrets were stripped at write time still hold them (the log is append-only): redact on the way out.
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString(), before: redactSecrets(row.before), after: redactSecrets(row.after) }));
  });
}

/**
 * Staff read what was sent, never a live link: sealed links show as …?token=•••••.
 * Invitation and reset emails (which set a password) are listed only to those who manage staff.
 */
export async function readMailbox(ctx: AppContext, query: MailboxQuery, actor: Actor): Promise<OutboxMessage[]> {
  const allowed = (permission: 'staff.manage' | 'alerts.read') => can(actor.role, permission);
  return ctx.db.transaction(async (tx) => {
    const rows = await listMailbox(tx, {
      includeStaffAccountMail: allowed('staff.manage'),
      kind: query.kind,
      status: query.status,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    await writeAudit(tx, actor, { action: 'mailbox.read', entityType: 'outbox', after: { ...query, count: rows.length } });
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
