import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { planDemoHistory, type PlannedPatient } from './plan-demo-history.ts';

// Wednesday 2 December 2026, 10:00 in Sharjah, on the National Day holiday.
const input = { today: '2026-12-02', nowMinute: 600, closedDates: ['2026-12-02', '2026-12-03'], dropOutWeeks: 6 };
const plan = planDemoHistory(input);
const primaryChange = (patient: PlannedPatient) => {
  const scores = patient.appointments.flatMap((a) => {
    const m = a.measures;
    const score = patient.complaint.primaryInstrumentId === 'lefs' ? m?.lefs : m?.nprs;
    return score === undefined ? [] : [score];
  });
  const [first, last] = [scores[0], scores.at(-1)];
  if (first === undefined || last === undefined || scores.length < 2) return undefined;
  // Improvement, positive = better: LEFS is higher-is-better, NPRS lower-is-better.
  return patient.complaint.primaryInstrumentId === 'lefs' ? last - first : first - last;
};

describe('planDemoHistory', () => {
  it('is deterministic: the same day and seed give the same history, another seed another', () => {
    expect(planDemoHistory(input)).toEqual(plan);
    expect(planDemoHistory({ ...input, seed: 7 })).not.toEqual(plan);
  });

  it('plans about forty patients in every course the outcome report shows', () => {
    expect(plan.length).toBeGreaterThanOrEqual(40);
    const courses = new Set(plan.map((p) => p.course));
    expect([...courses].sort()).toEqual(['dropped_out', 'in_care', 'new', 'no_follow_up', 'non_responder', 'responder']);
    expect(new Set(plan.map((p) => p.email)).size).toBe(plan.length);
  });

  it('never books a practitioner twice at once, nor outside opening days', () => {
    const seen = new Set<string>();
    for (const patient of plan)
      for (const a of patient.appointments) {
        const key = `${patient.therapist.practitionerId} ${a.date} ${a.minute}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
        expect(input.closedDates).not.toContain(a.date);
        expect(Temporal.PlainDate.from(a.date).dayOfWeek).not.toBe(7);
      }
  });

  it('documents only visits that have happened and books only ahead', () => {
    const all = plan.flatMap((p) => p.appointments);
    expect(all.filter((a) => a.status === 'attended').every((a) => a.date < input.today)).toBe(true);
    expect(all.filter((a) => a.status === 'booked').every((a) => a.date > input.today)).toBe(true);
    const nextWeek = all.filter((a) => a.status === 'booked' && a.date <= '2026-12-12');
    expect(nextWeek.length).toBeGreaterThanOrEqual(30);
  });

  it('on a working morning, documents the visits that have ended and leaves any under way booked', () => {
    // Monday 30 November, 10:00: a 09:00 visit (60–75 minutes) has ended or is still under way.
    const monday = planDemoHistory({ ...input, today: '2026-11-30', nowMinute: 600 }).flatMap((p) => p.appointments);
    const today = monday.filter((a) => a.date === '2026-11-30');
    expect(today.filter((a) => a.status === 'attended').every((a) => a.minute + a.durationMinutes <= 600)).toBe(true);
    expect(today.filter((a) => a.status === 'booked').every((a) => a.minute + a.durationMinutes > 600)).toBe(true);
    expect(today.length).toBeGreaterThan(0);
  });

  it('moves scores as each course says: responders beyond the threshold, non-responders within it', () => {
    // Meaningful change: NPRS 2 points (MCID and MDC, Farrar 2001 / Childs 2005), LEFS 9 (Binkley 1999).
    const threshold = (p: PlannedPatient) => (p.complaint.primaryInstrumentId === 'lefs' ? 9 : 2);
    for (const p of plan.filter((p) => p.course === 'responder')) expect(primaryChange(p)).toBeGreaterThanOrEqual(threshold(p));
    for (const p of plan.filter((p) => p.course === 'non_responder')) expect(primaryChange(p)).toBeLessThan(threshold(p));
    for (const p of plan.filter((p) => p.course === 'no_follow_up')) expect(primaryChange(p)).toBeUndefined();
  });

  it('leaves each drop-out’s last visit further back than the drop-out weeks', () => {
    for (const p of plan.filter((p) => p.course === 'dropped_out')) {
      const last = p.appointments.filter((a) => a.status === 'attended').at(-1);
      expect(last && Temporal.PlainDate.from(last.date).until(Temporal.PlainDate.from(input.today)).days).toBeGreaterThan(7 * input.dropOutWeeks);
      expect(p.discharge).toBeUndefined();
    }
  });
});
