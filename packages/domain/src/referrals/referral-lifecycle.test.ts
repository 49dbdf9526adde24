import { describe, expect, it } from 'vitest';
import { decideTreatmentGate, type TreatmentGateFacts } from '../safety/decide-treatment-gate.ts';
import { blocksTreatment, checkTransition, dueOn, isOverdue, nextSteps, sortWorklist } from './referral-lifecycle.ts';

describe('referral lifecycle', () => {
  it('lets a physician sign a draft and refuses a therapist', () => {
    expect(checkTransition('drafted', 'signed', 'physician')).toBeUndefined();
    expect(checkTransition('drafted', 'signed', 'therapist')).toBe('forbidden');
    expect(checkTransition('drafted', 'signed', 'reception')).toBe('forbidden');
  });

  it('refuses skipping the signature, reopening a closed referral and going back', () => {
    expect(checkTransition('drafted', 'sent', 'physician')).toBe('illegal_transition');
    expect(checkTransition('closed', 'sent', 'physician')).toBe('illegal_transition');
    expect(checkTransition('sent', 'signed', 'physician')).toBe('illegal_transition');
    expect(checkTransition('result_received', 'cancelled', 'physician')).toBe('illegal_transition');
  });

  it('offers each role only its own next steps', () => {
    expect(nextSteps('sent', 'reception')).toEqual(['acknowledged', 'appointment_booked']);
    expect(nextSteps('sent', 'physician')).toEqual(['acknowledged', 'appointment_booked', 'result_received', 'cancelled']);
    expect(nextSteps('result_received', 'therapist')).toEqual([]);
  });

  it('dates by urgency from the clinic day, across a month end', () => {
    expect(dueOn('2026-11-30', 'emergency')).toBe('2026-11-30');
    expect(dueOn('2026-11-30', 'same_day')).toBe('2026-11-30');
    expect(dueOn('2026-11-30', 'soon')).toBe('2026-12-14');
    expect(dueOn('2026-12-31', 'routine')).toBe('2027-02-11');
  });

  it('is overdue only while still waiting and after the due day', () => {
    expect(isOverdue({ status: 'sent', dueOn: '2026-12-14' }, '2026-12-14')).toBe(false);
    expect(isOverdue({ status: 'sent', dueOn: '2026-12-14' }, '2026-12-15')).toBe(true);
    expect(isOverdue({ status: 'result_received', dueOn: '2026-12-14' }, '2027-01-01')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2026-12-14' }, '2027-01-01')).toBe(false);
  });

  it('puts overdue first, then the most urgent', () => {
    const items = [
      { id: 'routine', status: 'sent' as const, dueOn: '2027-01-10', urgency: 'routine' as const },
      { id: 'soon', status: 'sent' as const, dueOn: '2026-12-20', urgency: 'soon' as const },
      { id: 'late', status: 'sent' as const, dueOn: '2026-12-01', urgency: 'routine' as const },
    ];
    expect(sortWorklist(items, '2026-12-02').map((i) => i.id)).toEqual(['late', 'soon', 'routine']);
  });
});

describe('referrals and the treatment gate', () => {
  const cleared: TreatmentGateFacts = {
    currentConsentVersion: 'v1',
    signedConsentVersion: 'v1',
    screening: { id: 's', outcome: 'refer_before_treatment', at: new Date('2026-12-01T08:00:00Z') },
    review: { decision: 'clear', at: new Date('2026-12-01T09:00:00Z') },
  };

  it('keeps treatment blocked while a red-flag referral is open, though the physician cleared', () => {
    const open = { direction: 'out' as const, redFlag: true, status: 'result_received' as const };
    expect(blocksTreatment(open)).toBe(true);
    expect(decideTreatmentGate({ ...cleared, referrals: [open] })).toMatchObject({ allowed: false, blocks: ['referral_result_pending'] });
    expect(decideTreatmentGate({ ...cleared, referrals: [{ ...open, status: 'closed' }] }).allowed).toBe(true);
  });

  it('does not block for a routine referral or an inbound one', () => {
    expect(decideTreatmentGate({ ...cleared, referrals: [{ direction: 'out', redFlag: false, status: 'sent' }] }).allowed).toBe(true);
    expect(decideTreatmentGate({ ...cleared, referrals: [{ direction: 'in', redFlag: true, status: 'accepted' }] }).allowed).toBe(true);
  });
});
