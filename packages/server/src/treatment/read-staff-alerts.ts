import type { AlertReadOut, StaffAlertOut } from '@myomap/contract/treatment/aftercare.schemas';
import type { AppContext } from '../app-context.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { listStaffAlerts, markStaffAlertRead } from '../stores/aftercare-store.ts';

/** The signed-in staff member's alerts. Alerts quote patients' symptoms: reading them is a read of clinical data. */
export async function readStaffAlerts(ctx: AppContext, actor: Actor): Promise<StaffAlertOut[]> {
  return ctx.db.transaction(async (tx) => {
    const rows = await listStaffAlerts(tx, actor.id ?? '');
    await writeAudit(tx, actor, { action: 'alerts.read', entityType: 'staff_alert', after: { count: rows.length } });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
  });
}

export async function markAlertRead(ctx: AppContext, id: string, actor: Actor): Promise<AlertReadOut> {
  return ctx.db.transaction(async (tx) => {
    const read = await markStaffAlertRead(tx, id, actor.id ?? '', ctx.clock.now());
    if (read) await writeAudit(tx, actor, { action: 'alerts.mark_read', entityType: 'staff_alert', entityId: id });
    return { read };
  });
}
