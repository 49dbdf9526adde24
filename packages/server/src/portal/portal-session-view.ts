import type { PortalSessionOut } from '@myomap/contract/portal/portal.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import type { PortalVisitor } from '../lib/portal-session.ts';
import { deletePortalSession, findPortalPatients, setPortalSessionPatient, upsertPortalRelationship } from '../stores/portal-store.ts';

/** Who is signed in: the patients that share the email (a parent and children) and which one is shown. */
export async function readPortalSession(ctx: AppContext, visitor: PortalVisitor): Promise<PortalSessionOut> {
  const patients = await findPortalPatients(ctx.db, visitor.email);
  return {
    csrfToken: visitor.csrfToken,
    email: visitor.email,
    currentPatientId: visitor.patientId,
    patients: patients.map((p) => ({ id: p.id, name: p.name, relationship: p.relationship })),
  };
}

/**
 * Shows another patient of the same email. Only a record that holds the session's email may be
 * chosen: any other id (guessed or another family's) is "not found", like a record that does not exist.
 */
export async function switchPortalPatient(ctx: AppContext, visitor: PortalVisitor, patientId: string, actor: Actor): Promise<PortalSessionOut> {
  return ctx.db.transaction(async (tx) => {
    const patients = await findPortalPatients(tx, visitor.email);
    if (!patients.some((p) => p.id === patientId)) throw new AppError('not_found', 'No such patient for this sign-in.');
    await setPortalSessionPatient(tx, visitor.tokenHash, patientId);
    await writeAudit(
      tx,
      { ...actor, id: patientId },
      { action: 'portal.switch_patient', entityType: 'patient', entityId: patientId, before: { patientId: visitor.patientId } },
    );
    return {
      csrfToken: visitor.csrfToken,
      email: visitor.email,
      currentPatientId: patientId,
      patients: patients.map((p) => ({ id: p.id, name: p.name, relationship: p.relationship })),
    };
  });
}

export async function endPortalSession(ctx: AppContext, visitor: PortalVisitor): Promise<void> {
  await deletePortalSession(ctx.db, visitor.tokenHash);
}

/**
 * Records how the signed-in person relates to one record of their email (family accounts: a
 * parent managing a child's visits). Only a record that holds the email; audited.
 */
export async function recordPortalRelationship(
  ctx: AppContext,
  visitor: PortalVisitor,
  patientId: string,
  relationship: 'self' | 'parent' | 'guardian' | 'carer' | 'other',
  actor: Actor,
): Promise<PortalSessionOut> {
  await ctx.db.transaction(async (tx) => {
    const patients = await findPortalPatients(tx, visitor.email);
    const patient = patients.find((p) => p.id === patientId);
    if (!patient) throw new AppError('not_found', 'No such patient for this sign-in.');
    await upsertPortalRelationship(tx, { email: visitor.email, patientId, relationship, now: ctx.clock.now() });
    await writeAudit(tx, actor, {
      action: 'portal.relationship.record',
      entityType: 'patient',
      entityId: patientId,
      before: { relationship: patient.relationship },
      after: { relationship },
    });
  });
  return readPortalSession(ctx, visitor);
}
