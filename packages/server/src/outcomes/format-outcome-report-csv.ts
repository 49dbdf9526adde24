import type { OutcomeSummary } from '@myomap/domain/outcomes/summarise-outcomes';

const HEADER = [
  'breakdown',
  'group',
  'started',
  'responders',
  'non_responders',
  'no_follow_up',
  'dropped_out',
  'in_care',
  'success_rate',
  'ci95_low',
  'ci95_high',
];

/** RFC 4180: quote every field that holds a comma, quote or line break; a leading =+-@ is defused against spreadsheet formulas. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const rounded = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10_000) / 10_000);

/** The report as CSV: the whole clinic first, then each breakdown, one row per group. */
export function formatOutcomeReportCsv(report: OutcomeSummary): string {
  const rows: (string | number | null)[][] = [HEADER];
  const push = (breakdown: string, row: { key: string; started: number; groups: OutcomeSummary['groups']; successRate: OutcomeSummary['successRate'] }) =>
    rows.push([
      breakdown,
      row.key,
      row.started,
      row.groups.responder,
      row.groups.non_responder,
      row.groups.no_follow_up,
      row.groups.dropped_out,
      row.groups.in_care,
      rounded(row.successRate.rate),
      rounded(row.successRate.ci95?.low),
      rounded(row.successRate.ci95?.high),
    ]);
  push('clinic', { key: `${report.period.from}..${report.period.to}`, started: report.started, groups: report.groups, successRate: report.successRate });
  for (const [name, breakdown] of Object.entries(report.breakdowns)) for (const row of breakdown) push(name, row);
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
