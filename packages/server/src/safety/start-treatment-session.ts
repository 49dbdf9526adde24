import type { GateBlock } from '@myomap/domain/safety/decide-treatment-gate';
import { sessionPrecautions } from '@myomap/domain/treatment/session-precautions';
import type { SessionStartedOut } from '@myomap/contract/safety/safety.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findAppointmentById } from '../stores/appointment-store.ts';
import { findSessionForAppointment, insertTreatmentSession } from '../stores/treatment-session-store.ts';
import { loadSafety } from './intake-service.ts';

const REFUSALS: Record<GateBlock, string> = {
  identity_check_required: 'This online booking may belong to an existing patient. Reception must check and merge the records first.',
  consent_required: 'The patient has not signed the current consent. Ask them to sign before treatment.',
  screening_required: 'The intake and safety screen are not complete. Complete them before treatment.',
  physician_clearance_required: 'The safety screen refers this patient to a physician. Treatment waits until a physician clears them.',
  referred_by_physician: 'A physician has referred this patient on. Do not treat until they are cleared.',
  referral_result_pending: 'A referral raised for a red flag is open. Treatment waits until a physician has reviewed its result.',
};

/**
 * Starting a treatment session is where the gate holds: consent, screening and physician
 * clearance. A refusal is audited and then answered with the first block's code. Starting twice
 * returns the session already started (`created: false`).
 */
export async function startTreatmentSession(ctx: AppContext, appointmentId: string, actor: Actor): Promise<SessionStartedOut> {
  const result = await ctx.db.transaction(async (tx) => {
    const appointment = await findAppointmentById(tx, appointmentId, true);
    if (!appointment || appointment.kind !== 'visit' || appointment.status === 'cancelled') throw new AppError('not_found', 'No such active visit.');
    const existing = await findSessionForAppointment(tx, appointment.id);
    if (existing) return { id: existing.id, created: false };
    const safety = await loadSafety(tx, appointment.patientId ?? '');
    if (!safety.gate.allowed) {
      await writeAudit(tx, actor, {
        action: 'session.start_refused',
        entityType: 'appointment',
        entityId: appointment.id,
        after: { blocks: safety.gate.blocks },
      });
      return { refused: safety.gate.blocks };
    }
    // One shape, stored and sent: the screen's { en, ar } and the physician's own words as { en, ar }.
    const precautions = sessionPrecautions([
      ...((safety.screening?.result as { precautions?: { text: { en: string; ar: string } }[] } | undefined)?.precautions ?? []).map((p) => p.text),
      ...safety.reviews.filter((r) => r.id === safety.standingReviewId).flatMap((r) => r.precautions),
    ]);
    const session = await insertTreatmentSession(tx, {
      appointmentId: appointment.id,
      patientId: appointment.patientId,
      therapistId: actor.id ?? '',
      startedAt: ctx.clock.now(),
      precautions,
    });
    await writeAudit(tx, actor, { action: 'session.start', entityType: 'treatment_session', entityId: session.id, after: { appointmentId: appointment.id } });
    return { id: session.id, created: true, precautions };
  });
  if ('refused' in result && result.refused) {
    const block = result.refused[0] ?? 'physician_clearance_required';
    throw new AppError(block, REFUSALS[block], { blocks: result.refused });
  }
  return result;
}
