import type { DemographicChangeOut, DemographicField } from '@myomap/contract/clinical/patients.schemas';
import type { Sql } from '../database/database.ts';
import { listDemographicChanges } from '../stores/patient-record-store.ts';
import { ABOUT_YOU_FIELDS } from './intake-demographics.ts';

const FIELDS: DemographicField[] = Object.values(ABOUT_YOU_FIELDS);

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Who changed which demographic field, when, from what to what: one entry per changed field of
 * each audited edit (staff `patients.update`, the intake's `patients.intake_fill`), newest first.
 * A save that changed nothing leaves no entry.
 */
export async function listDemographicHistory(sql: Sql, patientId: string): Promise<DemographicChangeOut[]> {
  const rows = await listDemographicChanges(sql, patientId, ['patients.update', 'patients.intake_fill']);
  return rows.flatMap((row) =>
    FIELDS.flatMap((field): DemographicChangeOut[] => {
      const before = text(row.before?.[field]);
      const after = text(row.after?.[field]);
      if (before === after) return [];
      const source = row.action === 'patients.intake_fill' ? 'intake' : 'staff';
      return [{ id: `${row.id}:${field}`, at: row.at.toISOString(), by: source === 'staff' ? row.actorName : null, source, field, before, after }];
    }),
  );
}
