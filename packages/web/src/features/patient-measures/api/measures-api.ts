import type { MeasureAnswersIn, MeasureAnswersOut, MeasureFormOut } from '@myomap/contract/outcomes/measure-requests.schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api/api-client.ts';

export type { MeasureAnswersIn, MeasureFormOut };
export type MeasureForm = MeasureFormOut;
export type MeasureFormInstrument = MeasureFormOut['instruments'][number];

const path = (token: string) => `/api/measures/${encodeURIComponent(token)}`;

/** The questions a link asks. A 404 (unknown or expired link) is not retried: it will not change. */
export function useMeasureForm(token: string) {
  return useQuery({
    queryKey: ['measures', token],
    queryFn: () => api<MeasureFormOut>(path(token)),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Sends the answers once. */
export function useSendMeasureAnswers(token: string) {
  return useMutation({
    mutationFn: (body: MeasureAnswersIn) => api<MeasureAnswersOut>(path(token), { method: 'POST', body }),
  });
}
