import type { PortalMessagesOut } from '@myomap/contract/portal/portal.schemas';
import type { AppContext } from '../app-context.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { listPatientLetters, listPatientMessages, listPatientReferrals } from '../stores/portal-store.ts';

/**
 * Messages the clinic sent the patient and letters addressed to them. A message that carried a
 * link for another purpose (a sign-in, manage, intake or measures link: sealed in the outbox)
 * shows its subject and date only, so the portal never hands out a second copy of a credential.
 */
export async function readPortalMessages(ctx: AppContext, patientId: string, actor: Actor): Promise<PortalMessagesOut> {
  return ctx.db.transaction(async (tx) => {
    const messages = (await listPatientMessages(tx, patientId)).map((m) => ({
      id: m.id,
      subject: m.subject,
      sentAt: new Date(m.sentAt).toISOString(),
      body: m.sealed ? null : m.bodyText,
    }));
    const letters = (await listPatientLetters(tx, patientId)).map((l) => ({
      id: l.id,
      title: l.title,
      kind: l.kind,
      createdAt: new Date(l.createdAt).toISOString(),
    }));
    const referrals = (await listPatientReferrals(tx, patientId)).map((r) => ({
      id: r.id,
      providerName: r.providerName,
      providerKind: r.providerKind,
      why: r.redFlag ? ('red_flag' as const) : r.source,
      urgency: r.urgency,
      status: r.status,
      signedAt: new Date(r.signedAt).toISOString(),
      sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null,
      appointmentOn: r.appointmentOn,
    }));
    await writeAudit(tx, actor, {
      action: 'portal.messages.read',
      entityType: 'patient',
      entityId: patientId,
      after: { messages: messages.length, letters: letters.length, referrals: referrals.length },
    });
    return { messages, letters, referrals };
  });
}
