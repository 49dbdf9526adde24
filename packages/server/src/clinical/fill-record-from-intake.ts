import type { Sql } from '../database/database.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findPatient, updatePatientFields, type PatientField } from '../stores/patient-store.ts';
import { compareIntakeDemographics } from './intake-demographics.ts';
import { patientView } from './patient-view.ts';

/**
 * A submitted intake's "about you" answers reach the record: empty fields are filled, and a field
 * the record already holds is kept (the record page shows "the intake says …" for staff to accept).
 * The patient answered, so the patient is the actor in the audit log, whoever held the tablet.
 */
export async function fillRecordFromIntake(
  tx: Sql,
  input: { patientId: string; intakeId: string; answers: Readonly<Record<string, unknown>>; today: string; submittedBy: Actor },
): Promise<void> {
  const found = await findPatient(tx, input.patientId, true);
  if (!found || found.identityStatus === 'merged') return;
  const before = patientView(found);
  const { fill } = compareIntakeDemographics(input.answers, before, input.today);
  const fields = Object.entries(fill) as [PatientField, string][];
  if (fields.length === 0) return;
  const updated = await updatePatientFields(tx, input.patientId, fields);
  if (!updated) return;
  const actor: Actor = { type: 'patient', id: input.patientId, ip: input.submittedBy.ip };
  await writeAudit(tx, actor, {
    action: 'patients.intake_fill',
    entityType: 'patient',
    entityId: input.patientId,
    before,
    after: { ...patientView(updated), intakeId: input.intakeId },
  });
}
