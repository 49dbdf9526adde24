import { queryOptions } from '@tanstack/react-query';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { buildKnowledge } from '../lib/knowledge.ts';
import { treatmentApi } from './treatment-api.ts';

/**
 * What the treatment pages read, as TanStack Query options (keys start with 'treatment'). Writes
 * put the server's answer into these keys (setQueryData) or invalidate them.
 */

/** Knowledge-base lists change only with a deploy: asked once per page load, never stale. */
const reference = <T>(name: string, load: () => Promise<T>) =>
  queryOptions({ queryKey: ['treatment', 'reference', name] as const, queryFn: load, staleTime: Infinity });

export const servicesQuery = reference('services', treatmentApi.services);
export const practitionersQuery = reference('practitioners', treatmentApi.practitioners);
const techniquesQuery = reference('techniques', treatmentApi.techniques);
const selfCareQuery = reference('self-care', treatmentApi.selfCare);
const protocolsQuery = reference('protocols', treatmentApi.protocols);
const musclesQuery = reference('muscles', treatmentApi.muscles);
const bodyZonesQuery = reference('body-zones', treatmentApi.bodyZones);

/** Names and doses from the knowledge base, with the clinic's letterhead, looked up by id. */
export const knowledgeQuery = queryOptions({
  queryKey: ['treatment', 'knowledge'] as const,
  queryFn: async ({ client }) => {
    const [clinic, techniques, selfCare, protocols, muscles, zones, services] = await Promise.all([
      client.ensureQueryData(clinicQuery),
      client.ensureQueryData(techniquesQuery),
      client.ensureQueryData(selfCareQuery),
      client.ensureQueryData(protocolsQuery),
      client.ensureQueryData(musclesQuery),
      client.ensureQueryData(bodyZonesQuery),
      client.ensureQueryData(servicesQuery),
    ]);
    return buildKnowledge({ clinic, techniques, selfCare, protocols, muscles, zones, services });
  },
  staleTime: Infinity,
});

export const planQuery = (id: string) => queryOptions({ queryKey: ['treatment', 'plan', id] as const, queryFn: () => treatmentApi.plan(id) });

export const patientPlansQuery = (patientId: string) =>
  queryOptions({ queryKey: ['treatment', 'patient-plans', patientId] as const, queryFn: () => treatmentApi.patientPlans(patientId) });

export const noteQuery = (id: string) => queryOptions({ queryKey: ['treatment', 'note', id] as const, queryFn: () => treatmentApi.note(id) });

export const alertsQuery = queryOptions({ queryKey: ['treatment', 'alerts'] as const, queryFn: () => treatmentApi.alerts() });

/** The patient's aftercare check-in, opened by its link (public). */
export const aftercareQuery = (token: string) =>
  queryOptions({ queryKey: ['treatment', 'aftercare', token] as const, queryFn: () => treatmentApi.aftercare(token) });
