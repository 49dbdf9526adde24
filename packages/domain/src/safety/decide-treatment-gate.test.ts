import { describe, expect, it } from 'vitest';
import { decideTreatmentGate, standingReview, type TreatmentGateFacts } from './decide-treatment-gate.ts';

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

  it('keeps an earlier referral blocking after a later reassuring self-screen, until a physician clears it', () => {
    const later = new Date('2026-12-05T08:00:00Z');
    const reassured = {
      ...base,
      screening: { id: 's2', outcome: 'proceed' as const, at: later },
      earlierScreenings: [{ outcome: 'refer_before_treatment' as const, at: screenedAt }],
    };
    expect(decideTreatmentGate(reassured)).toMatchObject({ allowed: false, blocks: ['physician_clearance_required'] });
    // A clearance between the two screens answers the referral; the later screen raised nothing new.
    const cleared = decideTreatmentGate({ ...reassured, review: { decision: 'clear', at: new Date('2026-12-02T09:00:00Z') } });
    expect(cleared).toEqual({ allowed: true, blocks: [], withPrecautions: true });
    // A clearance older than the referral does not.
    const stale = decideTreatmentGate({ ...reassured, review: { decision: 'clear', at: new Date('2026-11-30T09:00:00Z') } });
    expect(stale.blocks).toEqual(['physician_clearance_required']);
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

  it('blocks an online record that may be an existing patient until staff check who it is', () => {
    expect(decideTreatmentGate({ ...base, identityCheckRequired: true })).toMatchObject({ allowed: false, blocks: ['identity_check_required'] });
    expect(decideTreatmentGate({ ...base, identityCheckRequired: false }).allowed).toBe(true);
  });

  describe('a physician decision stands until a physician changes it', () => {
    const referredAt = new Date('2026-12-01T09:00:00Z');
    const later = new Date('2026-12-05T09:00:00Z');
    const refer = { decision: 'refer' as const, at: referredAt };

    it('keeps a referral in force over a later, reassuring self-reported screen', () => {
      const gate = decideTreatmentGate({ ...base, screening: { id: 's2', outcome: 'proceed', at: later }, review: refer });
      expect(gate).toMatchObject({ allowed: false, blocks: ['referred_by_physician'] });
    });

    it('lifts a referral only with a later physician clearance', () => {
      const gate = decideTreatmentGate({
        ...base,
        screening: { id: 's2', outcome: 'proceed', at: later },
        reviews: [refer, { decision: 'clear_with_precautions', at: new Date('2026-12-06T09:00:00Z') }],
      });
      expect(gate).toEqual({ allowed: true, blocks: [], withPrecautions: true });
    });

    it('lets a later screen add flags to a clearance: a new referral needs a new review', () => {
      const cleared = { decision: 'clear' as const, at: referredAt };
      expect(decideTreatmentGate({ ...base, screening: { id: 's2', outcome: 'proceed', at: later }, review: cleared }).allowed).toBe(true);
      const stricter = decideTreatmentGate({ ...base, screening: { id: 's2', outcome: 'refer_before_treatment', at: later }, review: cleared });
      expect(stricter.blocks).toEqual(['physician_clearance_required']);
      const precautions = decideTreatmentGate({ ...base, screening: { id: 's2', outcome: 'proceed_with_precautions', at: later }, review: cleared });
      expect(precautions).toEqual({ allowed: true, blocks: [], withPrecautions: true });
    });

    it('keeps a referral in force even before any screen', () => {
      expect(decideTreatmentGate({ ...base, screening: undefined, review: refer }).blocks).toEqual(['referred_by_physician', 'screening_required']);
    });
  });

  describe('after two patient records are merged', () => {
    const merged = { recordId: 'duplicate', at: new Date('2026-12-10T09:00:00Z') };
    const screening = { id: 's3', outcome: 'proceed' as const, at: new Date('2026-12-09T09:00:00Z') };

    it("keeps the kept record's referral over a newer clearance made on the merged-in record", () => {
      const reviews = [
        { decision: 'refer' as const, at: new Date('2026-12-01T09:00:00Z') },
        { decision: 'clear' as const, at: new Date('2026-12-08T09:00:00Z'), mergedFrom: merged },
      ];
      expect(standingReview(reviews)?.decision).toBe('refer');
      expect(decideTreatmentGate({ ...base, screening, reviews }).blocks).toEqual(['referred_by_physician']);
      // Had both been made on one record, the newer clearance would stand.
      expect(standingReview(reviews.map((r) => ({ decision: r.decision, at: r.at })))?.decision).toBe('clear');
    });

    it('keeps a referral made on the merged-in record too', () => {
      const reviews = [
        { decision: 'clear' as const, at: new Date('2026-12-08T09:00:00Z') },
        { decision: 'refer' as const, at: new Date('2026-12-01T09:00:00Z'), mergedFrom: merged },
      ];
      expect(decideTreatmentGate({ ...base, screening, reviews }).blocks).toEqual(['referred_by_physician']);
    });

    it("uses each record's latest decision, so a referral later cleared on its own record does not come back", () => {
      const reviews = [
        { decision: 'refer' as const, at: new Date('2026-12-01T09:00:00Z') },
        { decision: 'clear' as const, at: new Date('2026-12-02T09:00:00Z') },
        { decision: 'clear_with_precautions' as const, at: new Date('2026-12-03T09:00:00Z'), mergedFrom: merged },
      ];
      expect(decideTreatmentGate({ ...base, screening, reviews })).toEqual({ allowed: true, blocks: [], withPrecautions: true });
    });

    it('lets a physician review made after the merge decide', () => {
      const reviews = [
        { decision: 'refer' as const, at: new Date('2026-12-01T09:00:00Z'), mergedFrom: merged },
        { decision: 'clear' as const, at: new Date('2026-12-11T09:00:00Z') },
      ];
      expect(decideTreatmentGate({ ...base, screening, reviews }).allowed).toBe(true);
    });
  });
});
