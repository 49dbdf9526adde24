/**
 * FHIR search values into SQL filters (pure). Dates: `[prefix]YYYY[-MM[-DD[Thh:mm[:ss][zone]]]]`
 * with prefixes eq (default), gt, ge, lt, le; the value's precision is its range (a day means
 * that whole UTC day). Repeated values intersect (`date=ge2026-11-01&date=lt2026-12-01`).
 */
export interface DateRange {
  from?: string;
  to?: string;
}

const DATE = /^(eq|gt|ge|lt|le)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const LAST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

/** The [start, end) of one value, or undefined when it is not a date FHIR search takes. */
function valueRange(match: RegExpExecArray): { start: Date; end: Date } | undefined {
  const [, , y, m, d, hh, mm, ss, zone] = match;
  const year = Number(y);
  const month = m ? Number(m) : undefined;
  const day = d ? Number(d) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (hh !== undefined) {
    const iso = `${y}-${m}-${d}T${hh}:${mm}:${ss ?? '00'}${zone ?? 'Z'}`;
    const start = new Date(iso);
    if (Number.isNaN(start.getTime()) || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return undefined;
    if (start.toISOString().slice(8, 10) !== d && !zone) return undefined;
    return { start, end: new Date(start.getTime() + (ss ? 1000 : 60_000)) };
  }
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (day !== undefined && start.getUTCDate() !== day) return undefined;
  const end = new Date(
    Date.UTC(year + (month === undefined ? 1 : 0), month === undefined ? 0 : day === undefined ? month : month - 1, (day ?? 1) + (day === undefined ? 0 : 1)),
  );
  return { start, end };
}

/** The intersection of every value's range, or a problem to report (as a 400). */
export function parseDateParam(values: readonly string[]): { range: DateRange } | { problem: string } {
  let from: Date | undefined;
  let to: Date | undefined;
  for (const value of values) {
    const match = DATE.exec(value);
    const range = match ? valueRange(match) : undefined;
    if (!match || !range) return { problem: `"${value}" is not a date search value (use e.g. ge2026-11-01 or 2026-11-30T09:00:00Z)` };
    const prefix = match[1] ?? 'eq';
    const lower = prefix === 'eq' || prefix === 'ge' ? range.start : prefix === 'gt' ? range.end : undefined;
    const upper = prefix === 'eq' || prefix === 'lt' ? (prefix === 'eq' ? range.end : range.start) : prefix === 'le' ? range.end : undefined;
    if (lower && (!from || lower > from)) from = lower;
    if (upper && (!to || upper < to)) to = upper;
  }
  // 9999-12-31T23:59 ends at 10000-01-01, which toISOString writes as "+010000-…" and PostgreSQL
  // refuses (a 500 the fuzz test found): bounds past the last representable instant are clamped to it.
  const iso = (date: Date) => (date > LAST_INSTANT ? LAST_INSTANT : date).toISOString();
  return { range: { ...(from ? { from: iso(from) } : {}), ...(to ? { to: iso(to) } : {}) } };
}

/** `Patient/123`, `123` or a full URL ending in `Patient/123` → `123`; anything else is undefined. */
export function parseReference(value: string, type: string): string | undefined {
  const match = new RegExp(`^(?:.*/)?(?:${type}/)?([A-Za-z0-9\\-.]{1,64})$`).exec(value);
  if (!match?.[1]) return undefined;
  if (value.includes('/') && !value.includes(`${type}/`)) return undefined;
  return match[1];
}
