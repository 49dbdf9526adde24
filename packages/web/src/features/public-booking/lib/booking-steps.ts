import type { Slot } from '../api/public-api.ts';

/*
 * The booking wizard's place, kept in the address so Back, reload and a shared link work:
 * /book?service=…&practitioner=…&day=2026-03-02&start=…&end=…&with=…&step=details
 * The patient's typed details are not here (they are personal); they stay in sessionStorage.
 */

export const STEPS = ['service', 'practitioner', 'time', 'details', 'review'] as const;
export type Step = (typeof STEPS)[number];

export interface BookingSteps {
  step: Step | undefined;
  serviceId: string | undefined;
  /** A practitioner's id, or FIRST_AVAILABLE. */
  practitionerChoice: string | undefined;
  /** The day the time step last showed (YYYY-MM-DD). */
  day: string | undefined;
  slot: Slot | undefined;
}

const OWNED = ['service', 'practitioner', 'day', 'start', 'end', 'with', 'step'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readBookingSteps(params: URLSearchParams): BookingSteps {
  const step = params.get('step');
  const start = params.get('start');
  const end = params.get('end');
  const practitionerId = params.get('with');
  const day = params.get('day');
  return {
    step: STEPS.find((known) => known === step),
    serviceId: params.get('service') || undefined,
    practitionerChoice: params.get('practitioner') || undefined,
    day: day && DAY.test(day) ? day : undefined,
    slot: start && end && practitionerId ? { start, end, practitionerId } : undefined,
  };
}

/** The address's parameters with the wizard's replaced; parameters it does not own (e.g. ?lang=) stay. */
export function writeBookingSteps(current: URLSearchParams, steps: BookingSteps): URLSearchParams {
  const next = new URLSearchParams(current);
  // Removed, then appended in one order: the same place always has the same address.
  for (const name of OWNED) next.delete(name);
  const set = (name: string, value: string | undefined) => {
    if (value) next.append(name, value);
  };
  set('service', steps.serviceId);
  set('practitioner', steps.practitionerChoice);
  set('day', steps.day);
  set('start', steps.slot?.start);
  set('end', steps.slot?.end);
  set('with', steps.slot?.practitionerId);
  set('step', steps.step);
  return next;
}

/**
 * The step to show: the one asked for, unless an earlier step is not done (a link copied half-way,
 * or details lost with the tab), then the first step still to do. Without a step, a link that names
 * a service starts at the practitioner (the home page's "Book" buttons).
 */
export function reachableStep(wanted: Step | undefined, done: Record<Exclude<Step, 'review'>, boolean>): Step {
  const target = wanted ?? (done.service ? 'practitioner' : 'service');
  for (const step of STEPS.slice(0, STEPS.indexOf(target))) if (step !== 'review' && !done[step]) return step;
  return target;
}
