import type { Instrument } from './instrument-schemas.ts';

/**
 * Which measures an episode of care asks for at a given visit (issue 11):
 * - at baseline, the region-specific measure, the PSFS and the NPRS;
 * - the NPRS at every visit ("re-measure NPRS + PSFS each visit" in the acute phase);
 * - the region-specific measure and a PSFS re-rating of the *same* activities every N visits
 *   ("regional PROM at visit 4–6", "full re-assessment every 4–6 sessions or ~30 days":
 *   shared/domain/clinical-reference.md §6, typical follow-up intervals; PSFS re-rates the same
 *   activities: Stratford 1995, §4). N is a clinic setting, 4 by default (the start of that range);
 * - the global rating of change at discharge (Jaeschke 1989; Kamper 2009).
 *
 * The region-specific measure is the first instrument in the library made for the episode's
 * region. A licensed one the clinic has not enabled is never asked for: it is reported as skipped
 * with its reason, and the next enabled one for the region (if any) is used instead.
 *
 * A PSFS baseline names the activities in conversation with the clinician (Stratford 1995), so a
 * patient link only ever re-rates them: `patientCanAnswer` is false for a PSFS without activities.
 */
export const DEFAULT_REMEASURE_EVERY_VISITS = 4;

export type DueReason = 'baseline' | 'every_visit' | 'review' | 'discharge';

export interface DueMeasure {
  instrumentId: string;
  reason: DueReason;
  /** PSFS: the baseline's activities, to re-rate the same ones. */
  activities?: string[];
  /** false where the patient cannot answer alone (a PSFS baseline names activities with the clinician). */
  patientCanAnswer: boolean;
}

export interface SkippedMeasure {
  instrumentId: string;
  reason: 'not_licensed';
}

export interface MeasureSchedule {
  /** The region-specific measure used, or null when the clinic has none enabled for the region. */
  regionInstrumentId: string | null;
  everyVisits: number;
  due: DueMeasure[];
  skipped: SkippedMeasure[];
  /** The visit at which the region measure and PSFS are next re-taken (null: not yet at baseline, or closed). */
  nextReviewAtVisit: number | null;
}

export interface LastTaken {
  /** How many of the episode's visits had happened when it was last taken (0 = before the first). */
  atVisit: number;
}

export interface ScheduleInput {
  region: string;
  status: 'open' | 'discharged' | 'dropped_out';
  /** The visit the measures are for: the visit in progress or just done (staff, check-in), or the next one (reminder). */
  atVisit: number;
  /** Every instrument in the library, in library order. */
  instruments: readonly Instrument[];
  /** Ids the clinic may use (the free ones, and the licensed ones it holds a licence for). */
  enabled: ReadonlySet<string>;
  lastTaken: Readonly<Record<string, LastTaken | undefined>>;
  /** The activities of the episode's first PSFS, in the patient's words. */
  psfsActivities: readonly string[];
  everyVisits?: number | undefined;
  /** Asked while discharging: the global rating of change is due. */
  discharging?: boolean;
}

const isRegionMeasure = (instrument: Instrument, region: string) =>
  instrument.construct === 'function' && !instrument.patientSpecific && instrument.regions.includes(region);

export function planMeasureSchedule(input: ScheduleInput): MeasureSchedule {
  const everyVisits = input.everyVisits ?? DEFAULT_REMEASURE_EVERY_VISITS;
  const forRegion = input.instruments.filter((instrument) => isRegionMeasure(instrument, input.region));
  const region = forRegion.find((instrument) => input.enabled.has(instrument.id));
  const skipped: SkippedMeasure[] = forRegion
    .filter((instrument) => !input.enabled.has(instrument.id) && instrument.licence.status === 'licence_required')
    .map((instrument) => ({ instrumentId: instrument.id, reason: 'not_licensed' }));
  const regionInstrumentId = region?.id ?? null;
  if (input.status !== 'open') return { regionInstrumentId, everyVisits, due: [], skipped, nextReviewAtVisit: null };

  const due: DueMeasure[] = [];
  const periodic = (instrumentId: string, extra: Partial<DueMeasure> = {}) => {
    if (!input.enabled.has(instrumentId)) return;
    const last = input.lastTaken[instrumentId];
    if (!last) due.push({ instrumentId, reason: 'baseline', patientCanAnswer: true, ...extra });
    else if (input.atVisit - last.atVisit >= everyVisits) due.push({ instrumentId, reason: 'review', patientCanAnswer: true, ...extra });
  };
  if (regionInstrumentId) periodic(regionInstrumentId);
  const activities = [...input.psfsActivities];
  periodic('psfs', activities.length > 0 ? { activities } : { patientCanAnswer: false });

  // NPRS at every visit: due unless already taken at (or after) this visit.
  const nprs = input.lastTaken['nprs'];
  if (input.enabled.has('nprs') && (!nprs || nprs.atVisit < input.atVisit)) {
    due.push({ instrumentId: 'nprs', reason: nprs ? 'every_visit' : 'baseline', patientCanAnswer: true });
  }
  if (input.discharging && input.enabled.has('groc')) due.push({ instrumentId: 'groc', reason: 'discharge', patientCanAnswer: true });

  const reviewed = [regionInstrumentId, 'psfs'].flatMap((id) => (id ? [input.lastTaken[id]?.atVisit] : [])).filter((v) => v !== undefined);
  const nextReviewAtVisit = reviewed.length > 0 ? Math.min(...reviewed) + everyVisits : null;
  return { regionInstrumentId, everyVisits, due, skipped, nextReviewAtVisit };
}
