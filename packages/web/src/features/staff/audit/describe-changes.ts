/** One line of an audit entry's before/after, in words the page can translate: never JSON. */
export interface FieldChange {
  field: string;
  /** Absent: the field was not there (added); present and null: it was empty. */
  before?: ShownValue;
  after?: ShownValue;
}

export type ShownValue =
  | { kind: 'text'; text: string }
  | { kind: 'instant'; iso: string }
  | { kind: 'day'; date: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'empty' }
  | { kind: 'items'; count: number }
  /** A nested record (a note's section, an assessment's findings): too much to show in a line. */
  | { kind: 'details' };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Row ids mean nothing to a reader (the sentence already names the patient and the record).
const HIDDEN = (field: string) => field === 'id' || /Id$|Ids$/.test(field) || field === 'count';
const MAX_FIELDS = 16;

export function shownValue(value: unknown): ShownValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'string')
    return INSTANT.test(value) ? { kind: 'instant', iso: value } : DAY.test(value) ? { kind: 'day', date: value } : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (Array.isArray(value)) return { kind: 'items', count: value.length };
  return { kind: 'details' };
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The fields an entry changed: with both sides, only those that differ; with one side (a record
 * created, a read's parameters), its filled-in fields. Anything that is not a record is no change list.
 */
export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  const old = isRecord(before) ? before : undefined;
  const now = isRecord(after) ? after : undefined;
  if (!old && !now) return [];
  const fields = [...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})])].filter((field) => !HIDDEN(field));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = old?.[field];
    const b = now?.[field];
    if (old && now) {
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      changes.push({ field, before: shownValue(a), after: shownValue(b) });
    } else if (now) {
      if (b === null || b === undefined || b === '') continue;
      changes.push({ field, after: shownValue(b) });
    } else {
      if (a === null || a === undefined || a === '') continue;
      changes.push({ field, before: shownValue(a) });
    }
  }
  return changes.slice(0, MAX_FIELDS);
}
