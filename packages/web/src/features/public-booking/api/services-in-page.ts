import type { Service } from './public-api.ts';

/** The id of the services JSON the server writes into the booking page (packages/server/src/lib/first-screen-data.ts). */
export const SERVICES_ELEMENT_ID = 'myomap-services';

/**
 * The services as the server wrote them into the page it sent (the booking page), so its first step
 * renders without waiting for GET /api/services. Undefined elsewhere, in Vite's dev server, or unreadable.
 */
export function servicesInPage(): Service[] | undefined {
  if (typeof document === 'undefined') return undefined;
  const text = document.getElementById(SERVICES_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as Service[]) : undefined;
  } catch {
    return undefined;
  }
}
