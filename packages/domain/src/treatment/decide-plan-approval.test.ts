import { describe, expect, it } from 'vitest';
import { decidePlanApproval } from './decide-plan-approval.ts';

describe('decidePlanApproval', () => {
  it('approves a plan that needs no co-signature, whoever approves it', () => {
    expect(decidePlanApproval({ requiresCosign: false }, 'therapist')).toEqual({ status: 'approved', cosigns: false });
    expect(decidePlanApproval({ requiresCosign: false }, 'physician')).toEqual({ status: 'approved', cosigns: false });
  });

  it('holds a plan that needs a co-signature for a physician', () => {
    expect(decidePlanApproval({ requiresCosign: true }, 'therapist')).toEqual({ status: 'awaiting_cosign', cosigns: false });
  });

  it('lets a physician approve and co-sign in one step', () => {
    expect(decidePlanApproval({ requiresCosign: true }, 'physician')).toEqual({ status: 'approved', cosigns: true });
  });
});
