import type { PatientIn, PatientOut, PatientPatch } from '@myomap/contract/clinical/patients.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { isRealDate, toZonedIso } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import {
  findPatient,
  insertPatient,
  PATIENT_FIELD_COLUMNS,
  searchPatients as searchPatientRows,
  updatePatientFields,
  type PatientField,
} from '../stores/patient-store.ts';
import { parsePatientQuery } from './parse-patient-query.ts';
import { patientView } from './patient-view.ts';

function checkDateOfBirth(value: string | null | undefined, today: Date): void {
  if (value === undefined || value === null) return;
  if (!isRealDate(value) || value > today.toISOString().slice(0, 10) || value < '1900-01-01') {
    throw new AppError('validation_failed', 'dateOfBirth must be a real date in the past.');
  }
}

/**
 * Staff search by name, email, phone, date of birth or booking reference, most recent activity
 * first; an empty query lists the patients seen or booked lately. Searching patients is itself audited.
 */
export async function searchPatients(ctx: AppContext, q: string, actor: Actor): Promise<PatientOut[]> {
  const query = q.trim();
  const search = parsePatientQuery(query);
  const { timeZone } = await loadClinic(ctx.db);
  const rows = await searchPatientRows(ctx.db, search, ctx.clock.now());
  await ctx.db.transaction((tx) =>
    writeAudit(tx, actor, { action: 'patients.search', entityType: 'patient', after: { q: query, kind: search.kind, results: rows.length } }),
  );
  return rows.map((row) => ({
    ...patientView(row),
    lastVisit: row.lastVisit ? toZonedIso(row.lastVisit, timeZone) : null,
    nextVisit: row.nextVisit ? toZonedIso(row.nextVisit, timeZone) : null,
  }));
}

export async function registerPatient(ctx: AppContext, body: PatientIn, actor: Actor): Promise<PatientOut> {
  checkDateOfBirth(body.dateOfBirth, ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const saved = patientView(await insertPatient(tx, body, ctx.clock.now()));
    await writeAudit(tx, actor, { action: 'patients.create', entityType: 'patient', entityId: saved.id, after: saved });
    return saved;
  });
}

/** Changes only the fields sent. A merged record is history: edits go to the patient it was merged into. */
export async function updatePatient(ctx: AppContext, id: string, body: PatientPatch, actor: Actor): Promise<PatientOut> {
  checkDateOfBirth(body.dateOfBirth, ctx.clock.now());
  const fields = (Object.entries(body) as [string, unknown][]).filter((e): e is [PatientField, unknown] => e[0] in PATIENT_FIELD_COLUMNS && e[1] !== undefined);
  return ctx.db.transaction(async (tx) => {
    const found = await findPatient(tx, id, true);
    if (!found) throw new AppError('not_found', 'No such patient.');
    if (found.identityStatus === 'merged')
      throw new AppError('patient_merged', 'This record was merged into another patient.', { mergedIntoId: found.mergedIntoId });
    const before = patientView(found);
    const updated = fields.length ? await updatePatientFields(tx, id, fields) : found;
    const after = updated ? patientView(updated) : before;
    await writeAudit(tx, actor, { action: 'patients.update', entityType: 'patient', entityId: id, before, after });
    return after;
  });
}
