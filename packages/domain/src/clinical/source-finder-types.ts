import type { Localized } from '../knowledge/knowledge-schemas.ts';

/**
 * Types for the trigger-point source finder. A pain map is what the patient marks on the body
 * chart; candidates are muscles (on a side) whose referral pattern explains it.
 */

export type Side = 'left' | 'right';

/** One marked area of pain. Midline zones take no side; intensity is 0-10 (NPRS). */
export interface PainMark {
  zone: string;
  side?: Side;
  intensity?: number;
}

/** A trigger point the therapist found on palpation. */
export interface PalpatedTriggerPoint {
  muscleId: string;
  side?: Side;
  activity: 'active' | 'latent';
  reproducesFamiliarPain?: boolean;
}

export interface SourceFinderRequest {
  zones: PainMark[];
  palpatedTriggerPoints?: PalpatedTriggerPoint[];
  /** How many candidates to return; default 10. */
  limit?: number;
}

export interface MatchedZone {
  zone: string;
  side?: Side;
  relation: 'primary' | 'spillover';
}

export interface SourceCandidate {
  muscleId: string;
  name: Localized;
  /** The side the trigger point is expected on; absent when it may be on either side. */
  side?: Side;
  /** 0..1, three decimals. */
  score: number;
  matchedZones: MatchedZone[];
  /** Why this muscle is a candidate, in both languages (the one `{ en, ar }` shape). */
  why: Localized;
}

/** A pain map named a zone the knowledge base does not know. The API maps it to 400. */
export class UnknownZoneError extends Error {
  readonly code = 'unknown_zone';
  readonly zones: string[];

  constructor(zones: string[]) {
    super(`Unknown body zone${zones.length === 1 ? '' : 's'}: ${zones.join(', ')}`);
    this.name = 'UnknownZoneError';
    this.zones = zones;
  }
}

/** A palpation finding named a muscle the knowledge base does not know. The API maps it to 400. */
export class UnknownMuscleError extends Error {
  readonly code = 'unknown_muscle';
  readonly muscleIds: string[];

  constructor(muscleIds: string[]) {
    super(`Unknown muscle${muscleIds.length === 1 ? '' : 's'}: ${muscleIds.join(', ')}`);
    this.name = 'UnknownMuscleError';
    this.muscleIds = muscleIds;
  }
}
