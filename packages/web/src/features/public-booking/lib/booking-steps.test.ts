import { describe, expect, it } from 'vitest';
import { reachableStep, readBookingSteps, writeBookingSteps } from './booking-steps.ts';

const allDone = { service: true, practitioner: true, time: true, details: true };

describe('booking steps in the address', () => {
  it('reads back what it wrote, and keeps parameters it does not own', () => {
    const slot = { start: '2026-12-03T10:00:00+04:00', end: '2026-12-03T11:00:00+04:00', practitionerId: 'p-1' };
    const params = writeBookingSteps(new URLSearchParams('lang=ar'), { step: 'details', serviceId: 's-1', practitionerChoice: 'any', day: '2026-12-03', slot });
    expect(params.get('lang')).toBe('ar');
    expect(readBookingSteps(new URLSearchParams(params.toString()))).toEqual({
      step: 'details',
      serviceId: 's-1',
      practitionerChoice: 'any',
      day: '2026-12-03',
      slot,
    });
  });

  it('drops a cleared choice from the address', () => {
    const params = writeBookingSteps(new URLSearchParams('service=s-1&start=a&end=b&with=p&step=review'), {
      step: 'time',
      serviceId: 's-1',
      practitionerChoice: 'p',
      day: undefined,
      slot: undefined,
    });
    expect(params.toString()).toBe('service=s-1&practitioner=p&step=time');
  });

  it('ignores an unknown step, a malformed day and half a slot', () => {
    expect(readBookingSteps(new URLSearchParams('step=pay&day=tomorrow&start=x&with=p'))).toEqual({
      step: undefined,
      serviceId: undefined,
      practitionerChoice: undefined,
      day: undefined,
      slot: undefined,
    });
  });

  it('shows the step asked for when the earlier ones are done', () => {
    expect(reachableStep('review', allDone)).toBe('review');
    expect(reachableStep('time', allDone)).toBe('time');
  });

  it('falls back to the first step not done (details lost with the tab, a half-copied link)', () => {
    expect(reachableStep('review', { ...allDone, details: false })).toBe('details');
    expect(reachableStep('details', { ...allDone, practitioner: false, time: false })).toBe('practitioner');
    expect(reachableStep('time', { ...allDone, service: false })).toBe('service');
  });

  it('starts a ?service= link at the practitioner and a bare /book at the service', () => {
    expect(reachableStep(undefined, { service: true, practitioner: false, time: false, details: false })).toBe('practitioner');
    expect(reachableStep(undefined, { service: false, practitioner: false, time: false, details: false })).toBe('service');
  });
});
