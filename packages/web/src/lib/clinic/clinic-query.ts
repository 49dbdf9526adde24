import type { ClinicOut } from '@myomap/contract/catalog/catalog.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';

/** The id of the JSON script the server puts into index.html (packages/server/src/lib/web-pages.ts). */
export const CLINIC_SETTINGS_ELEMENT_ID = 'myomap-clinic';

/**
 * The clinic's settings as the server wrote them into the page it sent, so the first screen renders
 * without waiting for GET /api/clinic. Undefined when absent (Vite's dev server) or unreadable.
 */
function settingsInPage(): ClinicOut | undefined {
  if (typeof document === 'undefined') return undefined;
  const text = document.getElementById(CLINIC_SETTINGS_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ClinicOut;
  } catch {
    return undefined;
  }
}

const inPage = settingsInPage();
const loadedAt = Date.now();

/**
 * The clinic's public settings (GET /api/clinic): its name in both languages and its time zone.
 * Rarely changes. Starts from the copy in the page, asked afresh once that copy is stale.
 */
export const clinicQuery = queryOptions({
  queryKey: ['clinic'] as const,
  queryFn: () => api<ClinicOut>('/api/clinic'),
  staleTime: 10 * 60_000,
  ...(inPage ? { initialData: inPage, initialDataUpdatedAt: loadedAt } : {}),
});
