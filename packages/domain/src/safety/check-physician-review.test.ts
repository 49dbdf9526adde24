import { describe, expect, it } from 'vitest';
import { checkEmergencyClearance, checkReviewContent, MIN_EMERGENCY_REASON } from './check-physician-review.ts';

describe('checkReviewContent', () => {
  it('needs a referral to refer and precautions to clear with precautions', () => {
    expect(checkReviewContent({ decision: 'refer', notes: '' })?.code).toBe('validation_failed');
    expect(checkReviewContent({ decision: 'clear_with_precautions', notes: '', precautions: [] })?.code).toBe('validation_failed');
    expect(checkReviewContent({ decision: 'refer', notes: '', referral: { to: 'GP', tests: [], urgency: 'soon' } })).toBeUndefined();
    expect(checkReviewContent({ decision: 'clear', notes: '' })).toBeUndefined();
  });
});

describe('checkEmergencyClearance', () => {
  it('asks for a written reason to clear an emergency', () => {
    expect(checkEmergencyClearance({ decision: 'clear', notes: 'ok' }, 'emergency')).toMatchObject({
      code: 'clearance_reason_required',
      minLength: MIN_EMERGENCY_REASON,
    });
    expect(checkEmergencyClearance({ decision: 'clear', notes: `  ${'x'.repeat(MIN_EMERGENCY_REASON - 1)}  ` }, 'emergency')?.code).toBe(
      'clearance_reason_required',
    );
    expect(checkEmergencyClearance({ decision: 'clear', notes: 'Seen in ED, MRI normal' }, 'emergency')).toBeUndefined();
  });

  it('lets a physician refer, or clear a less urgent screen, without one', () => {
    expect(checkEmergencyClearance({ decision: 'refer', notes: '' }, 'emergency')).toBeUndefined();
    expect(checkEmergencyClearance({ decision: 'clear', notes: '' }, 'same_day')).toBeUndefined();
    expect(checkEmergencyClearance({ decision: 'clear', notes: '' }, undefined)).toBeUndefined();
  });
});
