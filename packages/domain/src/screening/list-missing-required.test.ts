import { describe, expect, it } from 'vitest';
import { listMissingRequired } from './list-missing-required.ts';

describe('listMissingRequired', () => {
  it('lists required questions left blank and drops them once answered', () => {
    const blank = listMissingRequired({});
    expect(blank).toContain('pain-now');
    expect(blank).toContain('nmd-progressive');
    expect(listMissingRequired({ 'pain-now': 4 })).not.toContain('pain-now');
  });

  it('does not ask about pregnancy when the patient is male', () => {
    expect(listMissingRequired({ sex: 'female' })).toContain('cond-pregnant');
    expect(listMissingRequired({ sex: 'male' })).not.toContain('cond-pregnant');
  });
});
