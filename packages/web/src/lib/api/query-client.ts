import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

/**
 * The one data layer: every screen reads through TanStack Query with its feature's query options
 * (`features/<f>/api/<f>-queries.ts`) and writes with useMutation, then invalidates what changed.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx answer will not change on retry (not found, forbidden, signed out); a network blip may.
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        // Staff screens show what another desk changed when they are opened again, not on every focus.
        staleTime: 15_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
