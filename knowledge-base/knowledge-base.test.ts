import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { knowledgeBase, knowledgeFiles, VOCABULARY_VERSION, vocabularyFiles } from '../packages/domain/src/knowledge/knowledge-base.ts';
import {
  BodyZone,
  Muscle,
  MusclePrevalence,
  Protocol,
  Region,
  SelfCareItem,
  Technique,
  VocabularyFile,
} from '../packages/domain/src/knowledge/knowledge-schemas.ts';
import zonesV2 from './vocabulary/zones-v2.json' with { type: 'json' };
import { VOCABULARY_MUSCLES, VOCABULARY_ZONES } from '../packages/domain/src/knowledge/vocabulary.ts';

const schemaFor = (file: string): TSchema => {
  if (file.startsWith('body-zones/')) return BodyZone;
  if (file.startsWith('muscles/')) return Muscle;
  if (file.startsWith('protocols/')) return Protocol;
  if (file.startsWith('techniques/')) return Technique;
  if (file.startsWith('self-care/')) return SelfCareItem;
  if (file.startsWith('source-finder/muscle-prevalence')) return MusclePrevalence;
  if (file.startsWith('regions/')) return Region;
  throw new Error(`no schema for ${file}`);
};

describe('knowledge base files', () => {
  for (const [file, data] of Object.entries(knowledgeFiles)) {
    it(`${file} matches its schema`, () => {
      const schema = Type.Array(schemaFor(file), { minItems: 1 });
      const errors = [...Value.Errors(schema, data)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);
      expect(errors).toEqual([]);
    });
  }
});

describe('versioned vocabulary', () => {
  const v1 = new Set<string>(VOCABULARY_ZONES.map((z) => z.id));

  it('zones-v2.json matches its schema', () => {
    expect([...Value.Errors(VocabularyFile, zonesV2)].slice(0, 5).map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    expect(zonesV2.version).toBe(2);
    expect(VOCABULARY_VERSION).toBe(2);
  });

  it('only adds zones: new ids, each refining a version-1 zone, loaded into the knowledge base', () => {
    for (const file of vocabularyFiles) {
      for (const zone of file.added) {
        expect(v1.has(zone.id), zone.id).toBe(false);
        expect(v1.has(zone.refines), `${zone.id} refines ${zone.refines}`).toBe(true);
        const loaded = knowledgeBase.bodyZones.find((z) => z.id === zone.id);
        expect(loaded, zone.id).toMatchObject({ refines: zone.refines, sinceVersion: file.version, label: zone.label });
        // A side-less parent would make a sided child unreadable as its parent, and vice versa.
        expect(zone.midline, zone.id).toBe(knowledgeBase.bodyZones.find((z) => z.id === zone.refines)?.midline);
      }
    }
    // Version-1 zones come first and unchanged in order, so nothing stored before is reinterpreted.
    expect(knowledgeBase.bodyZones.slice(0, VOCABULARY_ZONES.length).map((z) => z.id)).toEqual(VOCABULARY_ZONES.map((z) => z.id));
  });
});

describe('knowledge base cross-references', () => {
  const zoneIds = new Set(knowledgeBase.bodyZones.map((z) => z.id));
  const muscleIds = new Set(knowledgeBase.muscles.map((m) => m.id));
  const techniqueIds = new Set(knowledgeBase.techniques.map((t) => t.id));
  const protocolIds = new Set(knowledgeBase.protocols.map((p) => p.id));

  it('has every vocabulary zone with the vocabulary midline flag', () => {
    for (const zone of VOCABULARY_ZONES) {
      const found = knowledgeBase.bodyZones.find((z) => z.id === zone.id);
      expect(found, zone.id).toBeDefined();
      expect(found?.midline, zone.id).toBe(zone.midline);
    }
  });

  it('has every vocabulary muscle', () => {
    const missing = VOCABULARY_MUSCLES.filter((id) => !muscleIds.has(id));
    expect(missing).toEqual([]);
  });

  it('has unique ids in every collection', () => {
    for (const list of [knowledgeBase.bodyZones, knowledgeBase.muscles, knowledgeBase.techniques, knowledgeBase.protocols, knowledgeBase.selfCare]) {
      const ids = list.map((item) => item.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });

  it('refers only to known zones, techniques and protocols from muscles', () => {
    const problems: string[] = [];
    for (const muscle of knowledgeBase.muscles) {
      const zones = [...muscle.referral.primary, ...muscle.referral.spillover, ...muscle.triggerPoints.flatMap((tp) => [tp.zone, ...(tp.primaryZones ?? [])])];
      for (const zone of zones) if (!zoneIds.has(zone)) problems.push(`${muscle.id}: zone ${zone}`);
      for (const t of muscle.techniques) if (!techniqueIds.has(t)) problems.push(`${muscle.id}: technique ${t}`);
      for (const p of muscle.protocols) if (!protocolIds.has(p)) problems.push(`${muscle.id}: protocol ${p}`);
      const overlap = muscle.referral.primary.filter((z) => muscle.referral.spillover.includes(z));
      if (overlap.length > 0) problems.push(`${muscle.id}: primary and spillover share ${overlap.join(',')}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives the prevalence prior only for known muscles, once each', () => {
    const ids = (knowledgeBase.musclePrevalence ?? []).map((entry) => entry.muscleId);
    expect(ids.filter((id) => !muscleIds.has(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('refers only to known muscles and zones from protocols and self-care', () => {
    const problems: string[] = [];
    for (const protocol of knowledgeBase.protocols) {
      for (const m of protocol.muscles) if (!muscleIds.has(m)) problems.push(`${protocol.id}: muscle ${m}`);
      for (const z of protocol.zones) if (!zoneIds.has(z)) problems.push(`${protocol.id}: zone ${z}`);
    }
    for (const item of knowledgeBase.selfCare) {
      for (const m of item.muscles) if (!muscleIds.has(m)) problems.push(`${item.id}: muscle ${m}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('region names', () => {
  const named = new Set((knowledgeBase.regions ?? []).map((r) => r.id));

  it('names each region once', () => {
    expect(named.size).toBe(knowledgeBase.regions?.length);
  });

  it('names every region a body zone or muscle belongs to, and the problem list\'s "other"', () => {
    const used = new Set([...knowledgeBase.bodyZones.map((z) => z.region), ...knowledgeBase.muscles.map((m) => m.region), 'other']);
    expect([...used].filter((region) => !named.has(region))).toEqual([]);
  });
});
