import { queryOptions } from '@tanstack/react-query';
import { safetyApi } from './safety-api.ts';

/**
 * The safety feature's reads (keys start with 'safety'). A review or a started session changes
 * what the gate says, so writes invalidate safetyKeys.patient(id) and the queue.
 */
export const safetyKeys = {
  queue: () => ['safety', 'queue'] as const,
  patient: (patientId: string) => ['safety', 'patient', patientId] as const,
};

/** The physician review queue: referrals first, then precautions. */
export const reviewQueueQuery = queryOptions({ queryKey: safetyKeys.queue(), queryFn: () => safetyApi.queue() });

/** The gate, the latest screen, consent and reviews of one patient. */
export const patientSafetyQuery = (patientId: string) =>
  queryOptions({ queryKey: [...safetyKeys.patient(patientId), 'safety'] as const, queryFn: () => safetyApi.safety(patientId) });

/** The patient's record (name and visits), for the heading and the session starter. */
export const patientRecordQuery = (patientId: string) =>
  queryOptions({ queryKey: [...safetyKeys.patient(patientId), 'record'] as const, queryFn: () => safetyApi.patient(patientId) });

/** The patient's treatment plans, newest first (the page links to the latest). */
export const patientPlansQuery = (patientId: string) =>
  queryOptions({ queryKey: [...safetyKeys.patient(patientId), 'plans'] as const, queryFn: () => safetyApi.plans(patientId) });

/** Zone names for avoid-zones and body-chart answers; they change only with a knowledge-base release. */
export const bodyZonesQuery = queryOptions({ queryKey: ['safety', 'body-zones'] as const, queryFn: () => safetyApi.bodyZones(), staleTime: Infinity });
