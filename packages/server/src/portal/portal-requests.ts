import type { PortalRequestOut, StaffPortalRequestOut } from '@myomap/contract/portal/portal.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { answerPortalRequest, findPortalRequest, insertPortalRequest, listPortalRequests, type PortalRequestRow } from '../stores/portal-store.ts';

/**
 * A patient's request to correct or delete their record (the right to rectification and to
 * erasure: GDPR arts. 16-17; UAE Federal Decree-Law 45/2021 arts. 15-16), tracked until the
 * clinic answers. Nothing is deleted here: health-record retention rules (UAE Federal Law 2/2019
 * art. 20: at least 25 years from the last visit) keep the record; the answer says what was done.
 */
function toOut(row: PortalRequestRow): PortalRequestOut {
  return {
    id: row.id,
    kind: row.kind,
    details: row.details,
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    answeredAt: row.answeredAt ? new Date(row.answeredAt).toISOString() : null,
    answer: row.answer,
  };
}

export async function createPortalRequest(ctx: AppContext, patientId: string, input: { kind: 'correction' | 'deletion'; details: string }, actor: Actor) {
  return ctx.db.transaction(async (tx) => {
    const row = await insertPortalRequest(tx, { patientId, kind: input.kind, details: input.details.trim(), now: ctx.clock.now() });
    await writeAudit(tx, actor, { action: 'portal.request.create', entityType: 'portal_request', entityId: row.id, after: { kind: row.kind, patientId } });
    return toOut(row);
  });
}

export async function listOwnPortalRequests(ctx: AppContext, patientId: string, actor: Actor) {
  return ctx.db.transaction(async (tx) => {
    const rows = await listPortalRequests(tx, { patientId });
    await writeAudit(tx, actor, { action: 'portal.requests.read', entityType: 'patient', entityId: patientId, after: { requests: rows.length } });
    return { requests: rows.map(toOut) };
  });
}

export async function listStaffPortalRequests(ctx: AppContext, openOnly: boolean, actor: Actor): Promise<{ requests: StaffPortalRequestOut[] }> {
  return ctx.db.transaction(async (tx) => {
    const rows = await listPortalRequests(tx, { openOnly });
    await writeAudit(tx, actor, { action: 'portal.requests.list', entityType: 'portal_request', after: { requests: rows.length } });
    return { requests: rows.map((r) => ({ ...toOut(r), patientId: r.patientId, patientName: r.patientName })) };
  });
}

export async function answerStaffPortalRequest(
  ctx: AppContext,
  id: string,
  input: { status: 'done' | 'declined'; answer: string },
  actor: Actor & { id: string },
): Promise<StaffPortalRequestOut> {
  return ctx.db.transaction(async (tx) => {
    const row = await findPortalRequest(tx, id, true);
    if (!row) throw new AppError('not_found', 'No such request.');
    if (row.status !== 'open') throw new AppError('conflict', 'This request has been answered already.');
    const now = ctx.clock.now();
    await answerPortalRequest(tx, { id, status: input.status, answer: input.answer.trim(), staffId: actor.id, now });
    await writeAudit(tx, actor, {
      action: 'portal.request.answer',
      entityType: 'portal_request',
      entityId: id,
      before: { status: row.status },
      after: { status: input.status },
    });
    const answered = await findPortalRequest(tx, id);
    if (!answered) throw new Error('an answered request vanished');
    return { ...toOut(answered), patientId: answered.patientId, patientName: answered.patientName };
  });
}
