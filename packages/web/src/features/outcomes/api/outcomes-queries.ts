import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { outcomesApi } from './outcomes-api.ts';

/** The outcomes feature's reads; every key starts with 'outcomes'. Knowledge lists change only with a release. */
export const instrumentsQuery = queryOptions({ queryKey: ['outcomes', 'instruments'], queryFn: outcomesApi.instruments, staleTime: Infinity });
export const protocolsQuery = queryOptions({ queryKey: ['outcomes', 'protocols'], queryFn: outcomesApi.protocols, staleTime: Infinity });
export const techniquesQuery = queryOptions({ queryKey: ['outcomes', 'techniques'], queryFn: outcomesApi.techniques, staleTime: Infinity });
export const practitionersQuery = queryOptions({ queryKey: ['outcomes', 'practitioners'], queryFn: outcomesApi.practitioners, staleTime: 5 * 60_000 });

export const patientQuery = (patientId: string) =>
  queryOptions({ queryKey: ['outcomes', 'patient', patientId], queryFn: () => outcomesApi.patient(patientId) });
export const episodesQuery = (patientId: string) =>
  queryOptions({ queryKey: ['outcomes', 'episodes', patientId], queryFn: () => outcomesApi.episodes(patientId) });
export const episodeQuery = (episodeId: string) =>
  queryOptions({ queryKey: ['outcomes', 'episode', episodeId], queryFn: () => outcomesApi.episode(episodeId) });
export const reportQuery = (period: { from: string; to: string }) =>
  queryOptions({ queryKey: ['outcomes', 'report', period.from, period.to], queryFn: () => outcomesApi.report(period), placeholderData: keepPreviousData });
