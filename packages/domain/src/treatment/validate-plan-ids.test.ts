import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../knowledge/knowledge-base.ts';
import { findUnknownPlanIds, type KnownPlanIds } from './validate-plan-ids.ts';

const known: KnownPlanIds = {
  protocols: new Set(['neck_pain']),
  muscles: new Set(['upper_trapezius', 'levator_scapulae']),
  techniques: new Set(['ischemic_compression']),
  selfCare: new Set(['heat_pack']),
};
const dose = (techniqueId: string) => ({ techniqueId, parameters: {} });

describe('findUnknownPlanIds', () => {
  it('accepts a plan that names only known ids', () => {
    const plan = {
      protocolIds: ['neck_pain'],
      targets: [{ muscleId: 'upper_trapezius', reason: '', techniques: [dose('ischemic_compression')] }],
      homeProgram: [{ selfCareId: 'heat_pack', dose: '' }],
    };
    expect(findUnknownPlanIds(plan, known)).toEqual([]);
  });

  it('lists each unknown id once, protocols then muscles, techniques and home program', () => {
    const plan = {
      protocolIds: ['made_up_protocol'],
      targets: [
        { muscleId: 'made_up_muscle', reason: '', techniques: [dose('made_up_technique')] },
        { muscleId: 'made_up_muscle', side: 'left' as const, reason: '', techniques: [dose('ischemic_compression'), dose('made_up_technique')] },
      ],
      homeProgram: [{ selfCareId: 'made_up_stretch', dose: '' }],
    };
    expect(findUnknownPlanIds(plan, known)).toEqual(['made_up_protocol', 'made_up_muscle', 'made_up_technique', 'made_up_stretch']);
  });

  it('knows every id of the real knowledge base', () => {
    const real: KnownPlanIds = {
      protocols: new Set(knowledgeBase.protocols.map((p) => p.id)),
      muscles: new Set(knowledgeBase.muscles.map((m) => m.id)),
      techniques: new Set(knowledgeBase.techniques.map((t) => t.id)),
      selfCare: new Set(knowledgeBase.selfCare.map((s) => s.id)),
    };
    const muscle = knowledgeBase.muscles[0]?.id ?? '';
    const technique = knowledgeBase.techniques[0]?.id ?? '';
    const plan = {
      protocolIds: [knowledgeBase.protocols[0]?.id ?? ''],
      targets: [{ muscleId: muscle, reason: '', techniques: [dose(technique)] }],
      homeProgram: [{ selfCareId: knowledgeBase.selfCare[0]?.id ?? '', dose: '' }],
    };
    expect(findUnknownPlanIds(plan, real)).toEqual([]);
  });
});
