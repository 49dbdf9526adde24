import { can, type Action } from '../access/permissions.ts';

/**
 * A referral's life (issue 14). Outbound: drafted → signed → sent → acknowledged →
 * appointment_booked → result_received → closed, or cancelled before a result comes back
 * (acknowledgement and the appointment may be skipped: a lab can send the result straight away).
 * Inbound, from the public form: received → accepted (reception made the patient and a first
 * visit) or declined; accepted → closed at discharge. The database holds the same table
 * (migration 0022, referral_transition_allowed) and refuses any other step.
 */
export const OUTBOUND_STATUSES = ['drafted', 'signed', 'sent', 'acknowledged', 'appointment_booked', 'result_received', 'closed', 'cancelled'] as const;
export const INBOUND_STATUSES = ['received', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof OUTBOUND_STATUSES)[number] | (typeof INBOUND_STATUSES)[number];
export type ReferralDirection = 'out' | 'in';

/** The screening vocabulary's urgencies, plus routine for a referral no red flag asks for. */
export const REFERRAL_URGENCIES = ['emergency', 'same_day', 'soon', 'routine'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const PROVIDER_KINDS = [
  'neurology',
  'ncs_emg_lab',
  'genetics',
  'occupational_therapy',
  'imaging',
  'gp',
  'orthopaedics',
  'rheumatology',
  'emergency',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Each legal step and the action (permissions.ts) a user needs to take it. */
export const TRANSITIONS: readonly { from: ReferralStatus; to: ReferralStatus; action: Action }[] = [
  { from: 'drafted', to: 'signed', action: 'referral.sign' },
  { from: 'drafted', to: 'cancelled', action: 'referral.draft' },
  { from: 'signed', to: 'sent', action: 'referral.send' },
  { from: 'signed', to: 'cancelled', action: 'referral.sign' },
  { from: 'sent', to: 'acknowledged', action: 'referral.track' },
  { from: 'sent', to: 'appointment_booked', action: 'referral.track' },
  { from: 'sent', to: 'result_received', action: 'referral.result.record' },
  { from: 'sent', to: 'cancelled', action: 'referral.sign' },
  { from: 'acknowledged', to: 'appointment_booked', action: 'referral.track' },
  { from: 'acknowledged', to: 'result_received', action: 'referral.result.record' },
  { from: 'acknowledged', to: 'cancelled', action: 'referral.sign' },
  { from: 'appointment_booked', to: 'result_received', action: 'referral.result.record' },
  { from: 'appointment_booked', to: 'cancelled', action: 'referral.sign' },
  { from: 'result_received', to: 'closed', action: 'referral.result.review' },
  { from: 'received', to: 'accepted', action: 'referral.inbound.triage' },
  { from: 'received', to: 'declined', action: 'referral.inbound.triage' },
  { from: 'accepted', to: 'closed', action: 'outcomes.record' },
];

export type TransitionRefusal = 'illegal_transition' | 'forbidden';

/** Whether `role` may move a referral from `from` to `to`: an illegal step, a forbidden one, or allowed (undefined). */
export function checkTransition(from: ReferralStatus, to: ReferralStatus, role: string | undefined): TransitionRefusal | undefined {
  const step = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!step) return 'illegal_transition';
  return can(role, step.action) ? undefined : 'forbidden';
}

/** The steps a role may take next from a status (what the detail page offers). */
export function nextSteps(from: ReferralStatus, role: string | undefined): ReferralStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && can(role, t.action)).map((t) => t.to);
}

/** Still waiting on someone: not closed, cancelled, declined, and (outbound) no result yet reviewed. */
export function isOpen(status: ReferralStatus): boolean {
  return !['closed', 'cancelled', 'declined'].includes(status);
}

/**
 * Days from the referral's start to when the result (or at least an appointment) should be in.
 * Clinical reference §5 (red flags): URGENT = same-day physician, SOON = within days to 2 weeks;
 * an emergency goes to the emergency department now. Routine (no red flag) is the clinic's
 * default of six weeks, the reassessment window of §6, not a clinical claim.
 */
export const DAYS_DUE: Record<ReferralUrgency, number> = { emergency: 0, same_day: 0, soon: 14, routine: 42 };

/** The due date (YYYY-MM-DD) of a referral started on `startedOn` (a clinic-day date). */
export function dueOn(startedOn: string, urgency: ReferralUrgency): string {
  const [y, m, d] = startedOn.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + DAYS_DUE[urgency]));
  return date.toISOString().slice(0, 10);
}

/**
 * Overdue: still open, not yet at result_received (after that the physician's review is the next step,
 * which the worklist shows anyway), and the clinic's today is past the due date.
 */
export function isOverdue(referral: { status: ReferralStatus; dueOn: string | null }, today: string): boolean {
  if (!referral.dueOn || !isOpen(referral.status)) return false;
  if (referral.status === 'result_received' || referral.status === 'accepted') return false;
  return today > referral.dueOn;
}

const URGENCY_ORDER: Record<ReferralUrgency, number> = { emergency: 0, same_day: 1, soon: 2, routine: 3 };

/** The worklist's order: overdue first, then most urgent, then earliest due. */
export function sortWorklist<T extends { status: ReferralStatus; dueOn: string | null; urgency: ReferralUrgency }>(items: readonly T[], today: string): T[] {
  return [...items].sort(
    (a, b) =>
      Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
      URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
}

/**
 * Whether a referral keeps the treatment gate closed: an outbound referral raised for a red flag
 * blocks until its result is reviewed and the referral closed (a physician's "clear" also records
 * a clearance review, which lifts the physician's own referral). A cancelled one no longer blocks
 * here; the physician's "refer" review still does, until a physician clears.
 */
export function blocksTreatment(referral: { direction: ReferralDirection; redFlag: boolean; status: ReferralStatus }): boolean {
  return referral.direction === 'out' && referral.redFlag && !['closed', 'cancelled'].includes(referral.status);
}

/** The physician's review of a result: clear (treatment may go on), change the plan, or refer on. */
export type ResultDecision = 'clear' | 'change_plan' | 'refer_on';
