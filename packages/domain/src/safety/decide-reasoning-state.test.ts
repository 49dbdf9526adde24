import { describe, expect, it } from 'vitest';
import { decideReasoningState } from './decide-reasoning-state.ts';

const at = new Date('2026-11-15T08:00:00Z');
const later = new Date('2026-11-15T10:00:00Z');
const flag = { id: 'RF_CES', name: { en: 'Cauda equina warning signs', ar: 'علامات' } };
const refers = { outcome: 'refer_before_treatment' as const, at, redFlags: [flag], reason: { en: 'Suspected: cauda equina syndrome.', ar: 'يُشتبه' } };

describe('decideReasoningState', () => {
  it('suspends while the latest screen refers and no physician has cleared, naming why', () => {
    const state = decideReasoningState({ screening: refers, review: undefined });
    expect(state).toMatchObject({ status: 'suspended', cause: 'screen_refers', redFlags: [flag] });
    expect(state.status === 'suspended' && state.reason.en).toContain('Suspected: cauda equina syndrome.');
  });

  it('resumes once a physician clears after the screen, not before it', () => {
    expect(decideReasoningState({ screening: refers, review: { decision: 'clear', at: later } }).status).toBe('active');
    expect(decideReasoningState({ screening: refers, review: { decision: 'clear', at: new Date('2026-11-14T00:00:00Z') } }).status).toBe('suspended');
  });

  it('stays suspended when the physician refers on, and is active for a screen that does not refer', () => {
    const cleanScreen = { outcome: 'proceed' as const, at, redFlags: [] };
    expect(decideReasoningState({ screening: cleanScreen, review: { decision: 'refer', at: later } })).toMatchObject({
      status: 'suspended',
      cause: 'referred_by_physician',
    });
    expect(decideReasoningState({ screening: cleanScreen, review: undefined }).status).toBe('active');
    expect(decideReasoningState({ screening: undefined, review: undefined }).status).toBe('active');
  });
});
