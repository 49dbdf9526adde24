import type { ClinicOut } from '@myomap/contract/catalog/catalog.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';

/** The clinic's public settings (GET /api/clinic): its name in both languages and its time zone. Rarely changes. */
export const clinicQuery = queryOptions({
  queryKey: ['clinic'] as const,
  queryFn: () => api<ClinicOut>('/api/clinic'),
  staleTime: 10 * 60_000,
});
