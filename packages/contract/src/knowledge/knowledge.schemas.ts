import { Type, type Static } from '@sinclair/typebox';
import { Muscle, Protocol, SelfCareItem, Technique } from '@myomap/domain/knowledge/knowledge-schemas';
import { LocalizedText } from '../common/localized-text.schemas.ts';

/**
 * Clinical reference data, open to anyone. `GET /api/body-zones` and `POST /api/source-finder`
 * are in the public contract (shared/api/contract.md): their fields are never renamed or removed.
 */

export const Side = Type.Union([Type.Literal('left'), Type.Literal('right')]);
export type Side = Static<typeof Side>;

export const BodyZoneOut = Type.Object({
  id: Type.String(),
  /** true when the zone is recorded once per side. */
  side: Type.Boolean(),
  label: LocalizedText,
  midline: Type.Boolean(),
  views: Type.Array(Type.String()),
  region: Type.String(),
  /** Vocabulary v2+: the version-1 zone this one refines, and the version that added it. */
  refines: Type.Optional(Type.String()),
  sinceVersion: Type.Optional(Type.Integer()),
});
export type BodyZoneOut = Static<typeof BodyZoneOut>;
export const BodyZonesOut = Type.Array(BodyZoneOut);

export const SourceFinderIn = Type.Object(
  {
    zones: Type.Array(
      Type.Object(
        { zone: Type.String({ minLength: 1, maxLength: 60 }), side: Type.Optional(Side), intensity: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })) },
        { additionalProperties: false },
      ),
      { maxItems: 120 },
    ),
    palpatedTriggerPoints: Type.Optional(
      Type.Array(
        Type.Object(
          {
            muscleId: Type.String({ minLength: 1, maxLength: 60 }),
            side: Type.Optional(Side),
            activity: Type.Union([Type.Literal('active'), Type.Literal('latent')]),
            reproducesFamiliarPain: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type SourceFinderIn = Static<typeof SourceFinderIn>;

export const SourceCandidateOut = Type.Object({
  muscleId: Type.String(),
  /** Public contract: the muscle's English name. `label` has both languages. */
  name: Type.String(),
  label: LocalizedText,
  side: Type.Optional(Side),
  score: Type.Number({ description: '0..1, three decimals' }),
  matchedZones: Type.Array(
    Type.Object({ zone: Type.String(), side: Type.Optional(Side), relation: Type.Union([Type.Literal('primary'), Type.Literal('spillover')]) }),
  ),
  /** Public contract: the explanation in English. `explanation` has both languages. */
  why: Type.String(),
  explanation: LocalizedText,
});
export type SourceCandidateOut = Static<typeof SourceCandidateOut>;
export const SourceFinderOut = Type.Object({ candidates: Type.Array(SourceCandidateOut) });
export type SourceFinderOut = Static<typeof SourceFinderOut>;

export const MuscleSearchQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) });
export const MuscleParams = Type.Object({ id: Type.String({ maxLength: 60 }) });
export const MuscleSummaryOut = Type.Object({
  id: Type.String(),
  name: LocalizedText,
  aliases: Type.Array(Type.String()),
  region: Type.String(),
  /** The body zone over the muscle's first trigger point: where the problem list places the muscle. */
  triggerPointZone: Type.Optional(Type.String()),
});
export type MuscleSummaryOut = Static<typeof MuscleSummaryOut>;
export const MusclesOut = Type.Array(MuscleSummaryOut);

/** The knowledge-base entries as stored, sources included (schemas in domain/knowledge/knowledge-schemas.ts). */
export const MuscleOut = Muscle;
export const ProtocolsOut = Type.Array(Protocol);
export const TechniquesOut = Type.Array(Technique);
export const SelfCareOut = Type.Array(SelfCareItem);
