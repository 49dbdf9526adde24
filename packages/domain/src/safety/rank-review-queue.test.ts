import { describe, expect, it } from 'vitest';
import { decideReviewPriority, rankReviewQueue } from './rank-review-queue.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));

describe('decideReviewPriority', () => {
  it('takes the referral urgency the screen stored', () => {
    expect(decideReviewPriority({ outcome: 'refer_before_treatment', result: { physicianReferral: { urgency: 'emergency' } } })).toBe('emergency');
    expect(decideReviewPriority({ outcome: 'refer_before_treatment', result: { physicianReferral: { urgency: 'same_day' } } })).toBe('same_day');
  });

  it('treats a referral without an urgency as soon', () => {
    expect(decideReviewPriority({ outcome: 'refer_before_treatment', result: {} })).toBe('soon');
  });

  it('puts precautions needing clearance before plain precautions', () => {
    expect(decideReviewPriority({ outcome: 'proceed_with_precautions', result: { clearanceRequired: ['ci-active-cancer-treatment'] } })).toBe('clearance');
    expect(decideReviewPriority({ outcome: 'proceed_with_precautions', result: { clearanceRequired: [] } })).toBe('precautions');
  });

  it('ignores an urgency it does not know', () => {
    expect(decideReviewPriority({ outcome: 'proceed_with_precautions', result: { physicianReferral: { urgency: 'whenever' } } })).toBe('precautions');
  });
});

describe('rankReviewQueue', () => {
  it('orders by priority, then longest waiting', () => {
    const queue = rankReviewQueue([
      { id: 'precautions', outcome: 'proceed_with_precautions', result: {}, screenedAt: at(0) },
      { id: 'soon-late', outcome: 'refer_before_treatment', result: {}, screenedAt: at(30) },
      { id: 'emergency', outcome: 'refer_before_treatment', result: { physicianReferral: { urgency: 'emergency' } }, screenedAt: at(40) },
      { id: 'soon-early', outcome: 'refer_before_treatment', result: {}, screenedAt: at(10) },
    ]);
    expect(queue.map((e) => e.screen.id)).toEqual(['emergency', 'soon-early', 'soon-late', 'precautions']);
  });
});
