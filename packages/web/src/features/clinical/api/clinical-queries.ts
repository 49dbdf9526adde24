import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { clinicalApi, type SourceFinderRequest } from './clinical-api.ts';
import { identityApi } from './identity-api.ts';

/**
 * The clinical feature's reads, one query option each (keys start with 'clinical'). Writes call
 * clinicalApi/identityApi through useMutation and then invalidate or set these keys.
 */
export const clinicalKeys = {
  all: ['clinical'] as const,
  patients: () => ['clinical', 'patients'] as const,
  patient: (id: string) => ['clinical', 'patient', id] as const,
  plans: (patientId: string) => ['clinical', 'plans', patientId] as const,
  assessment: (id: string) => ['clinical', 'assessment', id] as const,
  duplicates: () => ['clinical', 'duplicates'] as const,
};

/** The patient search; the key holds the (debounced) text, and the last list stays while the next loads. */
export const patientsQuery = (q: string) =>
  queryOptions({ queryKey: [...clinicalKeys.patients(), q] as const, queryFn: () => clinicalApi.patients(q), placeholderData: keepPreviousData });

export const patientQuery = (id: string) => queryOptions({ queryKey: clinicalKeys.patient(id), queryFn: () => clinicalApi.patient(id) });

export const patientPlansQuery = (patientId: string) =>
  queryOptions({ queryKey: clinicalKeys.plans(patientId), queryFn: () => clinicalApi.patientPlans(patientId) });

/**
 * One assessment. The editor copies its data once and owns it while open, so a background refetch
 * must not replace what the therapist is typing: never stale while mounted.
 */
export const assessmentQuery = (id: string) =>
  queryOptions({ queryKey: clinicalKeys.assessment(id), queryFn: () => clinicalApi.assessment(id), staleTime: Infinity, gcTime: 0 });

/** The body-zone vocabulary and the muscle list change only with a release of the knowledge base. */
export const bodyZonesQuery = queryOptions({ queryKey: ['clinical', 'body-zones'] as const, queryFn: () => clinicalApi.bodyZones(), staleTime: Infinity });

export const musclesQuery = (q = '') =>
  queryOptions({
    queryKey: ['clinical', 'muscles', q] as const,
    queryFn: () => clinicalApi.muscles(q),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

/** Whether reasoning may run for this patient (suspended while a red flag stands). */
export const reasoningQuery = (patientId: string) =>
  queryOptions({ queryKey: ['clinical', 'reasoning', patientId] as const, queryFn: () => clinicalApi.reasoning(patientId) });

/** The source finder's ranking for one (debounced) pain map and set of trigger points; a pure function of the request. */
export const sourceFinderQuery = (request: SourceFinderRequest) =>
  queryOptions({
    queryKey: ['clinical', 'source-finder', request] as const,
    queryFn: () => clinicalApi.sourceFinder(request),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

export const duplicatesQuery = queryOptions({ queryKey: clinicalKeys.duplicates(), queryFn: () => identityApi.duplicates() });

export const mergePreviewQuery = (keptId: string, duplicateId: string) =>
  queryOptions({ queryKey: ['clinical', 'merge-preview', keptId, duplicateId] as const, queryFn: () => identityApi.preview(keptId, duplicateId) });
