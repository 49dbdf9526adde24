import type { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findPatient } from '../stores/patient-store.ts';
import { patientView } from './patient-view.ts';

/**
 * The patient's name and contact details alone, for screens that show whose page it is (the
 * outcomes page) without the whole record. The read is audited as a read of the contact section
 * only, so the audit log does not claim the clinical record was opened.
 */
export async function loadPatientContact(ctx: AppContext, id: string, actor: Actor): Promise<PatientOut> {
  return ctx.db.transaction(async (tx) => {
    const found = await findPatient(tx, id);
    if (!found) throw new AppError('not_found', 'No such patient.');
    await writeAudit(tx, actor, { action: 'patients.read', entityType: 'patient', entityId: id, after: { sections: ['contact'] } });
    return patientView(found);
  });
}
