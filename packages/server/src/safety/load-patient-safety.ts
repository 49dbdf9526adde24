import type { ReasoningOut, SafetyOut } from '@myomap/contract/safety/safety.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { patientExists } from '../stores/patient-store.ts';
import { loadImprovement } from './improvement-service.ts';
import { loadSafety } from './intake-service.ts';

/** Everything a clinician needs on the patient's safety, with the improvement check; reading it is audited. */
export async function loadPatientSafety(ctx: AppContext, patientId: string, actor: Actor): Promise<SafetyOut> {
  return ctx.db.transaction(async (tx) => {
    if (!(await patientExists(tx, patientId))) throw new AppError('not_found', 'No such patient.');
    const safety = await loadSafety(tx, patientId);
    const clinic = await loadClinic(tx);
    const improvement = await loadImprovement(tx, patientId, safety.answers['pain-now'], ctx.clock.now(), clinic.timeZone, ctx.config.reassessAfterWeeks);
    await writeAudit(tx, actor, { action: 'safety.read', entityType: 'patient', entityId: patientId });
    return { ...safety, improvement } as SafetyOut;
  });
}

/** Where a red flag stands, reasoning stops: the source finder and plan proposal ask this first. */
export async function loadReasoningState(ctx: AppContext, patientId: string, actor: Actor): Promise<ReasoningOut> {
  return ctx.db.transaction(async (tx) => {
    if (!(await patientExists(tx, patientId))) throw new AppError('not_found', 'No such patient.');
    const { reasoning } = await loadSafety(tx, patientId);
    await writeAudit(tx, actor, { action: 'reasoning.read', entityType: 'patient', entityId: patientId });
    return reasoning;
  });
}
