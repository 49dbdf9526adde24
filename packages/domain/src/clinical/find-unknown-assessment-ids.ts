import type { AssessmentData } from './assessment-schemas.ts';

/**
 * The schema checks an assessment's shape; this checks its clinical ids against the vocabulary:
 * every zone (pain map, tender areas, problems) and every muscle (trigger points, taut bands)
 * must be one the knowledge base knows. Each unknown id is listed once.
 */
export function findUnknownAssessmentIds(
  data: AssessmentData,
  known: { zoneIds: ReadonlySet<string>; muscleIds: ReadonlySet<string> },
): { zones: string[]; muscles: string[] } {
  const zones = [...data.painMap.map((m) => m.zone), ...data.tenderAreas.map((t) => t.zone), ...data.problems.flatMap((p) => p.zones.map((z) => z.zone))];
  const muscles = [...data.triggerPoints.map((t) => t.muscleId), ...data.tautBands.map((t) => t.muscleId)];
  return {
    zones: [...new Set(zones.filter((z) => !known.zoneIds.has(z)))],
    muscles: [...new Set(muscles.filter((m) => !known.muscleIds.has(m)))],
  };
}

/** Photo uploads: the bytes must really be the type the upload claims (JPEG FF D8 FF; PNG 89 50 4E 47). */
export function isImageOfType(bytes: Uint8Array, contentType: 'image/jpeg' | 'image/png'): boolean {
  if (contentType === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}
