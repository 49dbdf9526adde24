import bodyZones from '../../../../knowledge-base/body-zones/body-zones.json' with { type: 'json' };
import headNeck from '../../../../knowledge-base/muscles/head-neck.json' with { type: 'json' };
import shoulderArm from '../../../../knowledge-base/muscles/shoulder-arm.json' with { type: 'json' };
import forearmHand from '../../../../knowledge-base/muscles/forearm-hand.json' with { type: 'json' };
import trunk from '../../../../knowledge-base/muscles/trunk.json' with { type: 'json' };
import hipThigh from '../../../../knowledge-base/muscles/hip-thigh.json' with { type: 'json' };
import legFoot from '../../../../knowledge-base/muscles/leg-foot.json' with { type: 'json' };
import protocols from '../../../../knowledge-base/protocols/protocols.json' with { type: 'json' };
import techniques from '../../../../knowledge-base/techniques/techniques.json' with { type: 'json' };
import selfCare from '../../../../knowledge-base/self-care/self-care.json' with { type: 'json' };
import zonesV2 from '../../../../knowledge-base/vocabulary/zones-v2.json' with { type: 'json' };
import musclePrevalence from '../../../../knowledge-base/source-finder/muscle-prevalence.json' with { type: 'json' };
import regions from '../../../../knowledge-base/regions/regions.json' with { type: 'json' };
import type { BodyZone, Muscle, MusclePrevalence, Protocol, Region, SelfCareItem, Technique, VocabularyFile } from './knowledge-schemas.ts';

/**
 * The knowledge base, bundled as data. The files are validated against their schemas by
 * knowledge-base.test.ts; the casts below are safe because that test fails otherwise.
 */
export interface KnowledgeBase {
  bodyZones: readonly BodyZone[];
  muscles: readonly Muscle[];
  protocols: readonly Protocol[];
  techniques: readonly Technique[];
  selfCare: readonly SelfCareItem[];
  /** The source finder's prevalence prior; unlisted muscles (or no list) are 'usual'. */
  musclePrevalence?: readonly MusclePrevalence[];
  /** Names of the body regions the zones and muscles belong to (the problem list's headings). */
  regions?: readonly Region[];
}

/** Vocabulary files after version 1, oldest first. */
export const vocabularyFiles: readonly VocabularyFile[] = [zonesV2 as VocabularyFile];

/** The body-zone vocabulary version this build writes: stored with each assessment. */
export const VOCABULARY_VERSION = Math.max(1, ...vocabularyFiles.map((file) => file.version));

/** The version-1 zones plus every later addition, each marked with what it refines and since when. */
function withVocabularyAdditions(base: readonly BodyZone[], files: readonly VocabularyFile[]): BodyZone[] {
  const added = files.flatMap((file) =>
    file.added.map(({ id, label, midline, views, region, refines, sources }): BodyZone => ({
      id,
      label,
      midline,
      views,
      region,
      sources,
      refines,
      sinceVersion: file.version,
    })),
  );
  return [...base, ...added];
}

export const knowledgeBase: KnowledgeBase = {
  bodyZones: withVocabularyAdditions(bodyZones as BodyZone[], vocabularyFiles),
  muscles: [headNeck, shoulderArm, forearmHand, trunk, hipThigh, legFoot].flat() as Muscle[],
  protocols: protocols,
  techniques: techniques as Technique[],
  selfCare: selfCare as SelfCareItem[],
  musclePrevalence: musclePrevalence as MusclePrevalence[],
  regions: regions,
};

/** Raw files by name, for the schema test to report which file is wrong. */
export const knowledgeFiles = {
  'body-zones/body-zones.json': bodyZones,
  'muscles/head-neck.json': headNeck,
  'muscles/shoulder-arm.json': shoulderArm,
  'muscles/forearm-hand.json': forearmHand,
  'muscles/trunk.json': trunk,
  'muscles/hip-thigh.json': hipThigh,
  'muscles/leg-foot.json': legFoot,
  'protocols/protocols.json': protocols,
  'techniques/techniques.json': techniques,
  'self-care/self-care.json': selfCare,
  'source-finder/muscle-prevalence.json': musclePrevalence,
  'regions/regions.json': regions,
} as const;
