import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './load-instruments.ts';
import { planMeasureSchedule, type ScheduleInput } from './plan-measure-schedule.ts';

const FREE = new Set(INSTRUMENTS.filter((i) => i.enabledByDefault).map((i) => i.id));
const base: ScheduleInput = { region: 'thigh_knee', status: 'open', atVisit: 1, instruments: INSTRUMENTS, enabled: FREE, lastTaken: {}, psfsActivities: [] };
const ids = (input: ScheduleInput) => planMeasureSchedule(input).due.map((d) => `${d.instrumentId}:${d.reason}`);

describe('planMeasureSchedule', () => {
  it('asks for the region measure, PSFS and NPRS at baseline', () => {
    expect(ids(base)).toEqual(['lefs:baseline', 'psfs:baseline', 'nprs:baseline']);
    expect(planMeasureSchedule(base).regionInstrumentId).toBe('lefs');
  });

  it('leaves a PSFS baseline to the clinician, who names the activities with the patient', () => {
    const psfs = planMeasureSchedule(base).due.find((d) => d.instrumentId === 'psfs');
    expect(psfs).toMatchObject({ patientCanAnswer: false });
    expect(psfs?.activities).toBeUndefined();
  });

  it('asks for NPRS at every visit, and not twice in one visit', () => {
    const lastTaken = { lefs: { atVisit: 1 }, psfs: { atVisit: 1 }, nprs: { atVisit: 1 } };
    expect(ids({ ...base, lastTaken, atVisit: 1 })).toEqual([]);
    expect(ids({ ...base, lastTaken, atVisit: 2 })).toEqual(['nprs:every_visit']);
  });

  it('re-takes the region measure and re-rates the same PSFS activities every N visits', () => {
    const lastTaken = { lefs: { atVisit: 1 }, psfs: { atVisit: 1 }, nprs: { atVisit: 4 } };
    const input = { ...base, lastTaken, psfsActivities: ['climbing stairs', 'kneeling'] };
    expect(ids({ ...input, atVisit: 4 })).toEqual([]);
    const at5 = planMeasureSchedule({ ...input, atVisit: 5 });
    expect(at5.due.map((d) => `${d.instrumentId}:${d.reason}`)).toEqual(['lefs:review', 'psfs:review', 'nprs:every_visit']);
    expect(at5.due.find((d) => d.instrumentId === 'psfs')).toMatchObject({ activities: ['climbing stairs', 'kneeling'], patientCanAnswer: true });
    expect(at5.nextReviewAtVisit).toBe(5);
    // The clinic's setting moves the review.
    expect(ids({ ...input, atVisit: 4, everyVisits: 3 })).toEqual(['lefs:review', 'psfs:review']);
  });

  it('skips a licensed measure the clinic has not enabled, and says so', () => {
    const lumbar = planMeasureSchedule({ ...base, region: 'lumbar' });
    expect(lumbar.regionInstrumentId).toBeNull();
    expect(lumbar.skipped).toEqual([{ instrumentId: 'odi', reason: 'not_licensed' }]);
    expect(lumbar.due.map((d) => d.instrumentId)).toEqual(['psfs', 'nprs']);

    const licensed = planMeasureSchedule({ ...base, region: 'lumbar', enabled: new Set([...FREE, 'odi']) });
    expect(licensed.regionInstrumentId).toBe('odi');
    expect(licensed.skipped).toEqual([]);
    expect(licensed.due.map((d) => d.instrumentId)).toEqual(['odi', 'psfs', 'nprs']);
  });

  it('asks for the global rating of change at discharge only, and nothing once the episode has ended', () => {
    expect(ids(base)).not.toContain('groc:discharge');
    expect(ids({ ...base, discharging: true })).toContain('groc:discharge');
    expect(planMeasureSchedule({ ...base, status: 'discharged' }).due).toEqual([]);
  });
});
