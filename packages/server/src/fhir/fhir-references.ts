import type { Reference } from '@medplum/fhirtypes';

/** The one clinic's Organization id (the `clinic` table's singleton row). */
export const CLINIC_ORGANIZATION_ID = 'clinic';

/** A relative reference (`Patient/123`), as every resource the API sends writes them. */
export function ref(type: string, id: string, display?: string): Reference<never> {
  return { reference: `${type}/${id}`, ...(display ? { display } : {}) };
}

export function isoInstant(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** `YYYY-MM-DD` from a date column (text) or a timestamp (Date, in UTC). */
export function isoDate(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.slice(0, 10);
}
