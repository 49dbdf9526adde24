import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './check-password-policy.ts';
import { decideSignInStage, isTwoFactorRequired } from './decide-two-factor.ts';

describe('checkPasswordPolicy', () => {
  it('accepts a long pass phrase', () => {
    expect(checkPasswordPolicy('blue heron over the creek')).toEqual([]);
  });
  it('refuses fewer than 12 characters, counting code points', () => {
    expect(checkPasswordPolicy('Tr0ub4dor&3')).toEqual(['too_short']);
    // 12 Arabic letters are 12 characters.
    expect(checkPasswordPolicy('كلمةمرورطويل')).toEqual([]);
  });
  it('refuses the very common, whatever the case, and repeated units', () => {
    expect(checkPasswordPolicy('Password1234')).toContain('too_common');
    expect(checkPasswordPolicy('abcabcabcabc')).toContain('too_common');
    expect(checkPasswordPolicy('121212121212')).toContain('too_common');
  });
  it('refuses a password built on the account’s own address', () => {
    expect(checkPasswordPolicy('huda.mansoori-2026', { email: 'huda.mansoori@clinic.ae' })).toEqual(['contains_email']);
  });
  it('refuses more than 128 characters', () => {
    expect(checkPasswordPolicy('x'.repeat(100) + 'y'.repeat(29))).toEqual(['too_long']);
  });
});

describe('two-factor policy', () => {
  it('requires it for admins and physicians, not for reception or therapists', () => {
    expect(isTwoFactorRequired('admin', false)).toBe(true);
    expect(isTwoFactorRequired('physician', false)).toBe(true);
    expect(isTwoFactorRequired('reception', false)).toBe(false);
    expect(isTwoFactorRequired('therapist', false)).toBe(false);
    expect(isTwoFactorRequired('admin', true)).toBe(false);
  });
  it('asks for a code whenever two-factor is on, even for an exempt or optional account', () => {
    expect(decideSignInStage({ role: 'therapist', twoFactorEnabled: true, twoFactorExempt: false })).toBe('two_factor');
    expect(decideSignInStage({ role: 'admin', twoFactorEnabled: true, twoFactorExempt: true })).toBe('two_factor');
    expect(decideSignInStage({ role: 'admin', twoFactorEnabled: false, twoFactorExempt: false })).toBe('enrol');
    expect(decideSignInStage({ role: 'therapist', twoFactorEnabled: false, twoFactorExempt: false })).toBe('active');
  });
});
