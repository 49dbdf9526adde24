import type { PatientRecordDto } from '../../api/clinical-api.ts';
import type { TagTone } from '../../../../components/ui/tag.tsx';

export type TimelineKind =
  'visit' | 'intake' | 'intakeSaved' | 'consent' | 'screening' | 'review' | 'referral' | 'assessment' | 'plan' | 'note' | 'episode' | 'message' | 'change';

/** One dated item of the record. `at` is an instant, or a calendar day when `dayOnly`. */
export interface TimelineItem {
  key: string;
  kind: TimelineKind;
  at: string;
  dayOnly?: boolean;
  /** Values for the item's sentence (record.events.<kind>); `localized` ones are picked by the page's language. */
  params: Record<string, string>;
  localized?: Record<string, { en: string; ar: string }>;
  href?: string;
  tone?: TagTone;
  status?: string;
}

/**
 * Every section of the record as one list, newest first (upcoming visits at the top). Built from
 * the sections the server sent, so a role sees in the timeline exactly what it may see in them.
 */
export function buildTimeline(record: PatientRecordDto): TimelineItem[] {
  const id = encodeURIComponent(record.patient.id);
  const items: TimelineItem[] = [];
  for (const v of record.appointments) {
    items.push({ key: `visit:${v.id}`, kind: 'visit', at: v.start, params: {}, localized: { service: v.serviceName }, status: v.status });
  }
  for (const i of record.intakes) {
    items.push({
      key: `intake:${i.id}`,
      kind: i.submittedAt ? 'intake' : 'intakeSaved',
      at: i.submittedAt ?? i.savedAt,
      params: {},
      ...(i.appointmentId ? { href: `/staff/appointments/${encodeURIComponent(i.appointmentId)}/intake` } : {}),
    });
  }
  for (const c of record.consents) items.push({ key: `consent:${c.id}`, kind: 'consent', at: c.signedAt, params: { version: c.version } });
  if (record.screening) {
    const s = record.screening;
    items.push({ key: 'screening', kind: 'screening', at: s.at, params: { outcome: s.outcome }, href: `/staff/patients/${id}/safety` });
    if (s.review) items.push({ key: 'review', kind: 'review', at: s.review.at, params: { decision: s.review.decision }, href: `/staff/patients/${id}/safety` });
  }
  for (const r of record.referrals ?? []) items.push({ key: `referral:${r.id}`, kind: 'referral', at: r.at, params: {}, tone: 'danger' });
  for (const a of record.assessments) {
    items.push({
      key: `assessment:${a.id}`,
      kind: 'assessment',
      at: a.createdAt,
      params: { name: a.authorName },
      href: `/staff/assessments/${encodeURIComponent(a.id)}`,
    });
  }
  for (const p of record.plans ?? [])
    items.push({ key: `plan:${p.id}`, kind: 'plan', at: p.createdAt, params: {}, href: `/staff/plans/${encodeURIComponent(p.id)}` });
  for (const n of record.notes ?? []) {
    items.push({
      key: `note:${n.id}`,
      kind: 'note',
      at: n.signedAt,
      params: {},
      localized: { service: n.serviceName },
      href: `/staff/notes/${encodeURIComponent(n.id)}`,
    });
  }
  for (const e of record.episodes ?? []) {
    items.push({
      key: `episode:${e.id}`,
      kind: 'episode',
      at: e.startedOn,
      dayOnly: true,
      params: { complaint: e.complaint },
      href: `/staff/patients/${id}/outcomes`,
    });
  }
  for (const m of record.messages) items.push({ key: `message:${m.id}`, kind: 'message', at: m.at, params: { subject: m.subject }, status: m.status });
  for (const c of record.changes) items.push({ key: `change:${c.id}`, kind: 'change', at: c.at, params: { field: c.field } });
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.key.localeCompare(b.key));
}
