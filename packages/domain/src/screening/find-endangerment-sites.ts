import { loadScreeningRules, type ScreeningRules } from './load-screening-rules.ts';
import type { EndangermentSite, ZoneId } from './screening-schemas.ts';

/**
 * The endangerment sites that lie in (or border) any of these body zones. They apply to every
 * patient, so they are not part of a screening result: the treatment plan shows them per zone.
 */
export function findEndangermentSites(zones: readonly ZoneId[], rules: ScreeningRules = loadScreeningRules()): EndangermentSite[] {
  return rules.contraindications.endangermentSites.filter((site) => site.zones.some((zone) => zones.includes(zone)));
}
