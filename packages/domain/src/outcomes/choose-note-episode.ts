/**
 * Which open episode a signed note's pain score (NPRS, "pain today") belongs to. A patient can
 * have one episode per complaint, so the score must not land in the wrong one:
 * - one open episode: that one;
 * - several: the one whose region's zones (knowledge-base/protocols) the note's pain map marks,
 *   a refined zone counting as the zone it refines; if that does not pick exactly one, none.
 * An unplaced score stays in the note: an NPRS in the wrong episode would be worse than a gap.
 */
export interface OpenEpisodeRef {
  id: string;
  region: string;
}

export function chooseNoteEpisode(input: {
  openEpisodes: readonly OpenEpisodeRef[];
  /** The zones the note's pain map marks. */
  noteZones: readonly string[];
  /** Region id → its protocol's zones. */
  regionZones: Readonly<Record<string, readonly string[]>>;
  /** Refined zone → the version-1 zone it refines (vocabulary v2+). */
  refines: Readonly<Record<string, string>>;
}): string | undefined {
  const [only, ...others] = input.openEpisodes;
  if (only && others.length === 0) return only.id;
  const zones = new Set(input.noteZones.flatMap((zone) => [zone, input.refines[zone] ?? zone]));
  const matching = input.openEpisodes.filter((episode) => (input.regionZones[episode.region] ?? []).some((zone) => zones.has(zone)));
  return matching.length === 1 ? matching[0]?.id : undefined;
}
