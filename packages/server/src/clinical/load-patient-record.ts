import { can } from '@myomap/domain/access/permissions';
import type { PatientRecordOut } from '@myomap/contract/clinical/patients.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { toZonedIso } from '../lib/zoned-time.ts';
import { listPatientAssessments } from '../stores/assessment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findPatient, listPatientVisits } from '../stores/patient-store.ts';
import { patientView } from './patient-view.ts';

/** The patient page: contacts and visits for all staff; assessments only for roles that may read clinical records. */
export async function loadPatientRecord(ctx: AppContext, id: string, actor: Actor): Promise<PatientRecordOut> {
  const clinic = await loadClinic(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const patient = await findPatient(tx, id);
    if (!patient) throw new AppError('not_found', 'No such patient.');
    const visits = await listPatientVisits(tx, id);
    // Reception runs the calendar and contacts; clinical records are for those the table lets read them.
    const clinical = can(actor.role, 'assessment.read');
    const assessments = clinical ? await listPatientAssessments(tx, id) : [];
    await writeAudit(tx, actor, { action: 'patients.read', entityType: 'patient', entityId: id });
    return {
      patient: patientView(patient),
      appointments: visits.map((v) => ({
        id: v.id,
        reference: v.reference,
        start: toZonedIso(v.startsAt, clinic.timeZone),
        serviceName: v.serviceName,
        practitionerName: v.practitionerName,
        status: v.status,
      })),
      assessments: assessments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() })),
      canSeeClinical: clinical,
    };
  });
}
