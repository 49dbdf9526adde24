import type { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';

export type PickedPatient = PatientOut;

export const patientPickerKeys = {
  all: () => ['patientPicker'] as const,
  search: (q: string) => ['patientPicker', q] as const,
};

/**
 * GET /api/staff/patients?q=: recent patients for '' (shown on focus), else the matches, most
 * recent activity first. Short-lived: a visit booked a minute ago changes "next visit".
 */
export const patientSearchQuery = (q: string) =>
  queryOptions({
    queryKey: patientPickerKeys.search(q),
    queryFn: () => api<PatientOut[]>(`/api/staff/patients?q=${encodeURIComponent(q)}`),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
