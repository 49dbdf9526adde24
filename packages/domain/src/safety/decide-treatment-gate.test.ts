import { describe, expect, it } from 'vitest';
import { decideTreatmentGate, type TreatmentGateFacts } from './decide-treatment-gate.ts';

const screenedAt = new Date('2026-12-01T08:00:00Z');
const base: TreatmentGateFacts = {
  currentConsentVersion: '2026-11-01',
  signedConsentVersion: '2026-11-01',
  screening: { id: 's1', outcome: 'proceed', at: screenedAt },
  review: undefined,
};

describe('decideTreatmentGate', () => {
  it('allows a consented, screened patient with nothing found', () => {
    expect(decideTreatmentGate(base)).toEqual({ allowed: true, blocks: [], withPrecautions: false });
  });

  it('blocks without consent, or with an older consent version', () => {
    expect(decideTreatmentGate({ ...base, signedConsentVersion: undefined }).blocks).toEqual(['consent_required']);
    expect(decideTreatmentGate({ ...base, signedConsentVersion: '2025-01-01' }).blocks).toEqual(['consent_required']);
  });

  it('blocks when no intake screen was submitted', () => {
    expect(decideTreatmentGate({ ...base, screening: undefined }).blocks).toEqual(['screening_required']);
  });

  it('blocks a referral until a physician clears it, then allows with precautions', () => {
    const referred = { ...base, screening: { id: 's1', outcome: 'refer_before_treatment' as const, at: screenedAt } };
    expect(decideTreatmentGate(referred)).toMatchObject({ allowed: false, blocks: ['physician_clearance_required'] });
    const cleared = decideTreatmentGate({ ...referred, review: { decision: 'clear', at: new Date('2026-12-01T09:00:00Z') } });
    expect(cleared).toEqual({ allowed: true, blocks: [], withPrecautions: true });
  });

  it('blocks a precaution that requires clearance (cancer under treatment) as a referral, until cleared', () => {
    const needsClearance = { ...base, screening: { id: 's1', outcome: 'proceed_with_precautions' as const, at: screenedAt, clearanceRequired: true } };
    expect(decideTreatmentGate(needsClearance)).toMatchObject({ allowed: false, blocks: ['physician_clearance_required'] });
    const cleared = decideTreatmentGate({ ...needsClearance, review: { decision: 'clear_with_precautions', at: new Date('2026-12-01T09:00:00Z') } });
    expect(cleared).toEqual({ allowed: true, blocks: [], withPrecautions: true });
  });

  it('keeps blocking when the physician refers on', () => {
    const referred = { ...base, screening: { id: 's1', outcome: 'refer_before_treatment' as const, at: screenedAt } };
    const gate = decideTreatmentGate({ ...referred, review: { decision: 'refer', at: new Date('2026-12-01T09:00:00Z') } });
    expect(gate).toMatchObject({ allowed: false, blocks: ['referred_by_physician'] });
  });

  it('ignores a review older than the latest screening', () => {
    const referred = { ...base, screening: { id: 's2', outcome: 'refer_before_treatment' as const, at: screenedAt } };
    const gate = decideTreatmentGate({ ...referred, review: { decision: 'clear', at: new Date('2026-11-20T09:00:00Z') } });
    expect(gate.blocks).toEqual(['physician_clearance_required']);
  });

  it('marks precautions from the screen or the review', () => {
    expect(decideTreatmentGate({ ...base, screening: { id: 's1', outcome: 'proceed_with_precautions', at: screenedAt } }).withPrecautions).toBe(true);
    expect(decideTreatmentGate({ ...base, review: { decision: 'clear_with_precautions', at: new Date('2026-12-02T00:00:00Z') } })).toEqual({
      allowed: true,
      blocks: [],
      withPrecautions: true,
    });
  });
});
