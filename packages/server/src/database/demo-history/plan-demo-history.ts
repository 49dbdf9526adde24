import { Temporal } from 'temporal-polyfill';
import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import { DEMO_COMPLAINTS, DEMO_PRECAUTIONS, type DemoComplaint, type DemoPrecaution } from './demo-complaints.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PEOPLE } from './demo-people.ts';

/**
 * The demo clinic's last six months, planned as plain data: who came, with what, when, and how
 * their scores moved. Pure and deterministic: the same `today`, time and seed give the same plan
 * (a seeded PRNG, no clock, no Math.random), so the seed is reproducible and its test is stable.
 * seed-demo-history.ts then plays the plan through the clinic's own services.
 *
 * The courses are chosen so that every group of the outcome report has members (issue 11):
 * responders (NPRS down by ≥ 2, the MCID and MDC; LEFS up by ≥ 9), non-responders, discharges
 * with no follow-up measure, drop-outs (no visit for longer than the clinic's drop-out weeks),
 * patients still in care (the calendar this week and next), and new patients booked for a first visit.
 */
export type Course = 'responder' | 'non_responder' | 'no_follow_up' | 'dropped_out' | 'in_care' | 'new';
export type DischargeReason = 'goals_met' | 'plateau' | 'referred_on' | 'patient_choice';

export interface DemoTherapist {
  practitionerId: string;
  userId: string;
  roomId: string;
}

export const DEMO_THERAPISTS: readonly DemoTherapist[] = [
  { practitionerId: 'prac-amira', userId: 'user-amira', roomId: 'room-1' },
  { practitionerId: 'prac-omar', userId: 'user-omar', roomId: 'room-2' },
  { practitionerId: 'prac-sara', userId: 'user-sara', roomId: 'room-3' },
];

export interface PlannedMeasures {
  nprs: number;
  lefs?: number;
  /** Ratings of the patient's PSFS activities, in order. */
  psfs?: number[];
  groc?: number;
}

export interface PlannedAppointment {
  date: string;
  /** Minutes after local midnight. */
  minute: number;
  serviceId: string;
  durationMinutes: number;
  reference: string;
  /** attended: a signed note; booked: confirmed, ahead of now. */
  status: 'attended' | 'no_show' | 'cancelled' | 'booked';
  /** For an attended visit: its number in the episode (0 = the initial assessment). */
  visit?: number;
  measures?: PlannedMeasures;
  note?: PlannedNote;
}

export interface PlannedNote {
  report: string;
  soreness: number | null;
  findings: string;
  painMap: { zone: string; side?: 'left' | 'right'; intensity: number }[];
  assessment: string;
  plan: string;
  response: string;
}

export interface PlannedPatient {
  name: string;
  emergencyContact: { name: string; phone: string };
  email: string;
  phone: string;
  dateOfBirth: string;
  sex: 'female' | 'male';
  language: 'en' | 'ar';
  therapist: DemoTherapist;
  course: Course;
  complaint: DemoComplaint;
  side: 'left' | 'right';
  precautionId: string | null;
  /** The physician's clearance note when the patient has a precaution. */
  physicianNote: string | null;
  /** The intake's answers beyond the clean intake (domain/screening/screening-case-builder.ts). */
  intake: Record<string, IntakeAnswerValue> | null;
  /** PSFS activities in the patient's language (measures are answered in it). */
  activities: string[];
  appointments: PlannedAppointment[];
  /** How and when (local date) the episode ends; absent while in care or until a drop-out is marked. */
  discharge?: { reason: DischargeReason; on: string };
}

export interface PlanInput {
  /** The clinic's local date today, and the local time now in minutes after midnight. */
  today: string;
  nowMinute: number;
  /** Clinic-wide closed dates (schedule exceptions). */
  closedDates: readonly string[];
  /** Weeks without a visit after which an open episode is a drop-out (the clinic setting). */
  dropOutWeeks: number;
  seed?: number;
}

/** mulberry32: a small, well-mixed 32-bit PRNG; plenty for demo data, and reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const addDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

/** 44 patients: the mix the outcome report and the calendar need (see the file comment). */
const COURSES: readonly { course: Course; count: number; reasons?: readonly DischargeReason[] }[] = [
  { course: 'responder', count: 12, reasons: ['goals_met', 'goals_met', 'goals_met', 'goals_met', 'goals_met', 'patient_choice'] },
  { course: 'non_responder', count: 5, reasons: ['plateau', 'plateau', 'plateau', 'referred_on', 'referred_on'] },
  { course: 'no_follow_up', count: 4, reasons: ['patient_choice', 'patient_choice', 'patient_choice', 'referred_on'] },
  { course: 'dropped_out', count: 4 },
  { course: 'in_care', count: 14 },
  { course: 'new', count: 5 },
];

/**
 * Start times inside the demo clinic's hours (seed-demo-clinic.ts): Monday–Thursday 09:00–19:00
 * with lunch 13:00–14:00, Friday with the 12:00–14:30 prayer break, Saturday 10:00–16:00, Sunday
 * closed. 90 minutes apart, so the longest visit (75 minutes) and its 15-minute cleaning buffer fit.
 */
const SLOTS_BY_WEEKDAY: Record<number, readonly number[]> = {
  1: [540, 630, 840, 930, 1020],
  2: [540, 630, 840, 930, 1020],
  3: [540, 630, 840, 930, 1020],
  4: [540, 630, 840, 930, 1020],
  5: [540, 630, 870, 960, 1050],
  6: [600, 690, 780, 870],
  7: [],
};

const SERVICES = {
  initial: { serviceId: 'svc-nmt-initial', durationMinutes: 75 },
  follow60: { serviceId: 'svc-nmt-follow-60', durationMinutes: 60 },
  follow45: { serviceId: 'svc-nmt-follow-45', durationMinutes: 45 },
} as const;

const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

class SlotBook {
  private readonly taken = new Set<string>();
  constructor(
    private readonly closed: ReadonlySet<string>,
    private readonly random: Random,
  ) {}

  /** A free slot for the practitioner on the date, or the next open day with one. */
  place(practitionerId: string, date: string, earliest?: { date: string; minute: number }): { date: string; minute: number } {
    for (let shift = 0; shift < 21; shift += 1) {
      const day = addDays(date, shift);
      if (this.closed.has(day)) continue;
      const free = (SLOTS_BY_WEEKDAY[Temporal.PlainDate.from(day).dayOfWeek] ?? []).filter(
        (minute) =>
          !this.taken.has(`${practitionerId}|${day}|${minute}`) && (!earliest || day > earliest.date || (day === earliest.date && minute >= earliest.minute)),
      );
      if (free.length === 0) continue;
      const minute = pick(this.random, free);
      this.taken.add(`${practitionerId}|${day}|${minute}`);
      return { date: day, minute };
    }
    throw new Error(`no free slot for ${practitionerId} near ${date}`);
  }
}

interface Trajectory {
  nprs: [number, number];
  lefs?: [number, number];
  psfs: [number, number][];
  groc: number;
}

function planTrajectory(random: Random, course: Course, complaint: DemoComplaint, improving: boolean): Trajectory {
  const nprs0 = between(random, 5, 8);
  const lefs0 = between(random, 28, 50);
  const psfs0 = complaint.activities.map(() => between(random, 2, 5));
  // Responders improve beyond the MCID and MDC (NPRS 2, Farrar 2001 / Childs 2005; LEFS 9,
  // Binkley 1999; PSFS 2, Stratford 1995); non-responders stay within them.
  const nprsDrop = improving ? between(random, 3, 5) : between(random, 0, 1);
  const lefsGain = improving ? between(random, 12, 22) : between(random, 0, 6);
  const partial = course === 'dropped_out';
  return {
    nprs: [nprs0, clamp(nprs0 - (partial ? between(random, 1, 3) : nprsDrop), 0, 10)],
    ...(complaint.primaryInstrumentId === 'lefs' ? { lefs: [lefs0, clamp(lefs0 + (partial ? between(random, 3, 10) : lefsGain), 0, 80)] } : {}),
    psfs: psfs0.map((p) => [p, clamp(p + (improving ? between(random, 3, 5) : between(random, 0, 1)), 0, 10)]),
    groc: improving ? between(random, 4, 6) : between(random, 0, 2),
  };
}

/** The value at attended visit k of n: faster change early, as treatment usually goes, with a little noise in between. */
function along(random: Random, [from, to]: [number, number], k: number, n: number, noise: number, max: number): number {
  if (k === 0 || n <= 1) return from;
  if (k === n - 1) return to;
  const t = (k / (n - 1)) ** 0.7;
  const jitter = random() < 0.35 ? pick(random, [-noise, noise]) : 0;
  return clamp(Math.round(from + (to - from) * t + jitter), 0, max);
}

function writeNote(
  random: Random,
  patient: { complaint: DemoComplaint; side: 'left' | 'right'; activities: string[] },
  k: number,
  pain: number,
  previousPain: number | null,
  durationText: string,
): PlannedNote {
  const { complaint, side } = patient;
  const painMap = complaint.zones.map((z) => ({
    zone: z.zone,
    ...(z.sided ? { side } : {}),
    intensity: clamp(Math.round(pain * z.share), 0, 10),
  }));
  const muscles = complaint.triggerPoints.filter((t) => t.activity === 'active').map((t) => t.muscleId.replace(/_/g, ' '));
  const first = complaint.activities[0]?.en.toLowerCase() ?? 'daily activities';
  if (k === 0 || previousPain === null) {
    return {
      report: `${complaint.complaint} (${side}), ${durationText}. Pain ${pain}/10 today; hardest: ${first}.`,
      soreness: null,
      findings: complaint.findings,
      painMap,
      assessment: complaint.assessment,
      plan: `NMT to ${muscles.join(' and ')}; re-assess in four weeks. ${complaint.homeAdvice}`,
      response: `Pain ${pain} → ${Math.max(0, pain - 2)} after treatment; familiar pain reproduced and eased.`,
    };
  }
  const change = previousPain - pain;
  const report =
    change >= 1
      ? pick(random, [`Better since last visit; pain ${pain}/10.`, `Easier week, ${first} less of a struggle. Pain ${pain}/10.`])
      : change <= -1
        ? pick(random, [`Flared after a long week at work; pain ${pain}/10.`, `Worse for two days after a busy weekend; pain ${pain}/10.`])
        : pick(random, [`About the same as last time; pain ${pain}/10.`, `No real change this week; pain ${pain}/10.`]);
  const assessment =
    change >= 1
      ? `Responding to treatment; ${muscles[0] ?? 'the main'} trigger point less irritable.`
      : `Slow progress; ${muscles[0] ?? 'the main'} trigger point still reproduces the familiar pain.`;
  return {
    report,
    soreness: between(random, 0, 3),
    findings: `${muscles[0] ?? 'Main muscle'}: taut band ${change >= 1 ? 'softer' : 'unchanged'}; range of movement ${change >= 1 ? 'improved' : 'unchanged'}.`,
    painMap,
    assessment,
    plan: `Continue the plan. ${complaint.homeAdvice}`,
    response: `Pain ${pain} → ${Math.max(0, pain - 2)} after treatment.`,
  };
}

const DURATION_TEXT: Record<string, string> = {
  lt_6_weeks: 'for three weeks',
  weeks_6_to_months_3: 'for two months',
  gt_3_months: 'for over six months',
};

export function planDemoHistory(input: PlanInput): PlannedPatient[] {
  const random = seededRandom(input.seed ?? 20_261_130);
  const book = new SlotBook(new Set(input.closedDates), random);
  const reference = () => `MYO-${Array.from({ length: 6 }, () => pick(random, [...REFERENCE_ALPHABET])).join('')}`;
  // A visit that has ended is documented; one under way now is still on the calendar as booked.
  const isPast = (date: string, minute: number, duration: number) => date < input.today || (date === input.today && minute + duration <= input.nowMinute);

  const courses = shuffle(
    random,
    COURSES.flatMap(({ course, count, reasons }) => Array.from({ length: count }, (_, i) => ({ course, reason: reasons?.[i % reasons.length] }))),
  );
  // Precautions go to patients of the right sex among those treated (a pregnancy only to one in care now).
  const precautionOf = new Map<number, DemoPrecaution>();
  for (const precaution of DEMO_PRECAUTIONS) {
    const index = shuffle(
      random,
      courses.map((_, i) => i),
    ).find((i) => {
      const course = courses[i]?.course;
      const person = DEMO_PEOPLE[i];
      return (
        person &&
        course !== 'new' &&
        !precautionOf.has(i) &&
        (!precaution.sex || precaution.sex === person.sex) &&
        (!precaution.currentOnly || course === 'in_care')
      );
    });
    if (index !== undefined) precautionOf.set(index, precaution);
  }
  // Some patients in care are not improving yet: they are the therapist's re-assessment prompts.
  let inCareSeen = 0;

  return DEMO_PEOPLE.map((person, i): PlannedPatient => {
    const { course, reason } = courses[i] as { course: Course; reason: DischargeReason | undefined };
    const precaution = precautionOf.get(i);
    const complaint = precaution ? (DEMO_COMPLAINTS.find((c) => c.id === precaution.complaintId) as DemoComplaint) : pick(random, DEMO_COMPLAINTS);
    const therapist = DEMO_THERAPISTS[i % DEMO_THERAPISTS.length] as DemoTherapist;
    const side = pick(random, ['left', 'right'] as const);
    const age = precaution ? between(random, precaution.minAge, precaution.maxAge) : between(random, 24, 66);
    const dateOfBirth = `${Number(input.today.slice(0, 4)) - age}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
    // Most of those in care now came recently with a recent complaint: twice a week.
    const painDuration = pick(
      random,
      course === 'in_care'
        ? ['lt_6_weeks', 'lt_6_weeks', 'lt_6_weeks', 'weeks_6_to_months_3', 'gt_3_months']
        : ['lt_6_weeks', 'weeks_6_to_months_3', 'weeks_6_to_months_3', 'gt_3_months', 'gt_3_months'],
    );
    // The plan's frequency (propose-treatment-plan.ts PLAN_FREQUENCY): twice a week when acute, else weekly.
    const interval = painDuration === 'lt_6_weeks' ? 3.5 : 7;
    const improving = course === 'responder' || course === 'dropped_out' || (course === 'in_care' && inCareSeen++ % 3 !== 2);
    const trajectory = planTrajectory(random, course, complaint, improving);
    const activities = complaint.activities.map((a) => a[person.language]);
    const followUp = complaint.region === 'forearm_hand' || complaint.region === 'tmj_cranial' ? SERVICES.follow45 : SERVICES.follow60;

    // How many visits, and when the first one is.
    let visits: number;
    let start: string;
    switch (course) {
      case 'responder':
      case 'non_responder': {
        visits = course === 'responder' ? between(random, 4, 8) : between(random, 5, 8);
        start = addDays(input.today, -between(random, Math.round((visits - 1) * interval) + 14, 178));
        break;
      }
      case 'no_follow_up':
        visits = 1;
        start = addDays(input.today, -between(random, 30, 170));
        break;
      case 'dropped_out':
        // The last visit lies beyond the clinic's drop-out weeks, so the rule ends the episode.
        visits = between(random, 2, 4);
        start = addDays(input.today, -between(random, 7 * input.dropOutWeeks + Math.round((visits - 1) * interval) + 10, 176));
        break;
      case 'in_care':
        start = addDays(input.today, -between(random, 4, 42));
        // Every visit from the first until the end of next week: the calendar ahead is filled.
        visits = Math.floor((Temporal.PlainDate.from(start).until(Temporal.PlainDate.from(input.today)).days + 13) / interval) + 1;
        break;
      case 'new':
        visits = 1;
        start = addDays(input.today, between(random, 1, 11));
        break;
    }

    const appointments: PlannedAppointment[] = [];
    let previousPain: number | null = null;
    // The earliest the next appointment may be: the day after the one before.
    let cursor: { date: string; minute: number } | undefined;
    for (let k = 0; k < visits; k += 1) {
      const service = k === 0 ? SERVICES.initial : followUp;
      const target = addDays(start, Math.round(k * interval));
      // Now and then a follow-up is missed or cancelled and the visit happens a few days later.
      if (k > 0 && course !== 'new') {
        const roll = random();
        const missed = roll < 0.08 ? 'no_show' : roll < 0.15 ? 'cancelled' : null;
        const slot = missed ? book.place(therapist.practitionerId, target, cursor) : undefined;
        if (missed && slot && isPast(slot.date, slot.minute, service.durationMinutes)) {
          appointments.push({ ...slot, ...service, reference: reference(), status: missed });
          cursor = { date: addDays(slot.date, 1), minute: 0 };
        }
      }
      const slot = book.place(therapist.practitionerId, target, cursor);
      cursor = { date: addDays(slot.date, 1), minute: 0 };
      const past = course !== 'new' && isPast(slot.date, slot.minute, service.durationMinutes);
      if (!past) {
        appointments.push({ ...slot, ...service, reference: reference(), status: 'booked' });
        continue;
      }
      const n = course === 'in_care' ? visits + 2 : visits;
      const pain = along(random, trajectory.nprs, k, n, 1, 10);
      const last = k === visits - 1 && course !== 'in_care' && course !== 'dropped_out';
      const remeasure = k === 0 || k % 3 === 0 || last;
      const measures: PlannedMeasures = {
        nprs: pain,
        ...(trajectory.lefs && remeasure ? { lefs: along(random, trajectory.lefs, k, n, 2, 80) } : {}),
        ...(remeasure ? { psfs: trajectory.psfs.map((range) => along(random, range, k, n, 1, 10)) } : {}),
        ...(last && visits > 1 ? { groc: trajectory.groc } : {}),
      };
      const note = writeNote(random, { complaint, side, activities }, k, pain, previousPain, DURATION_TEXT[painDuration] ?? '');
      appointments.push({ ...slot, ...service, reference: reference(), status: 'attended', visit: k, measures, note });
      previousPain = pain;
    }
    // A drop-out's last booking is one they did not come to.
    const lastSeen = appointments.at(-1);
    if (course === 'dropped_out' && lastSeen) {
      const slot = book.place(therapist.practitionerId, addDays(lastSeen.date, Math.round(interval)));
      if (isPast(slot.date, slot.minute, followUp.durationMinutes)) appointments.push({ ...slot, ...followUp, reference: reference(), status: 'no_show' });
    }

    const attended = appointments.filter((a) => a.status === 'attended');
    const lastVisit = attended.at(-1);
    const discharge =
      reason && lastVisit
        ? // One visit then nothing: the therapist closes the episode when no follow-up is booked two weeks on.
          { reason, on: course === 'no_follow_up' && reason === 'patient_choice' ? addDays(lastVisit.date, 14) : lastVisit.date }
        : undefined;
    const [best, worst] = [clamp(trajectory.nprs[0] - 2, 0, 10), clamp(trajectory.nprs[0] + 2, 0, 10)];
    const painMap = complaint.zones.map((z) => ({
      zone: z.zone,
      ...(z.sided ? { side } : {}),
      intensity: clamp(Math.round(trajectory.nprs[0] * z.share), 1, 10),
    }));
    const fillsIntake = course !== 'new' || random() < 0.5;
    const psfsAnswers: Record<string, IntakeAnswerValue> = {};
    activities.forEach((activity, n) => {
      psfsAnswers[`psfs-${n + 1}-activity`] = activity;
      psfsAnswers[`psfs-${n + 1}-score`] = trajectory.psfs[n]?.[0] ?? 5;
    });
    const phone = `+971 50 000 ${String(1000 + i * 7).padStart(4, '0')}`;
    // A relative: another first name in the patient's script, with the patient's family name.
    const relative = DEMO_PEOPLE[(i + 2) % DEMO_PEOPLE.length];
    const emergencyContact = {
      name: `${(relative?.language === person.language ? relative.name : person.name).split(' ')[0]} ${person.name.split(' ').slice(1).join(' ')}`,
      phone: `+971 50 000 ${String(1003 + i * 7).padStart(4, '0')}`,
    };
    return {
      name: person.name,
      emergencyContact,
      email: `${person.emailLocal}@${DEMO_EMAIL_DOMAIN}`,
      phone,
      dateOfBirth,
      sex: person.sex,
      language: person.language,
      therapist,
      course,
      complaint,
      side,
      precautionId: precaution?.id ?? null,
      physicianNote: precaution?.physicianNote ?? null,
      intake: fillsIntake
        ? {
            'full-name': person.name,
            phone,
            'emergency-contact-name': emergencyContact.name,
            'emergency-contact-phone': emergencyContact.phone,
            'birth-date': dateOfBirth,
            sex: person.sex,
            'pain-map': JSON.stringify(painMap),
            'pain-now': trajectory.nprs[0],
            'pain-best': best,
            'pain-worst': worst,
            'pain-duration': painDuration,
            'pain-cause': complaint.painCause,
            ...psfsAnswers,
            ...(precaution?.answers(side) ?? {}),
          }
        : null,
      activities,
      appointments,
      ...(discharge ? { discharge } : {}),
    };
  });
}
