import { describe, expect, it } from 'vitest';
import { intakeQuestionnaire } from './intake-questionnaire-data.ts';
import { listMissingRequired } from './list-missing-required.ts';

describe('listMissingRequired', () => {
  it('lists required questions left blank and drops them once answered', () => {
    const blank = listMissingRequired({}, intakeQuestionnaire);
    expect(blank).toContain('pain-now');
    expect(blank).toContain('nmd-progressive');
    expect(listMissingRequired({ 'pain-now': 4 }, intakeQuestionnaire)).not.toContain('pain-now');
  });

  it('does not ask about pregnancy when the patient is male', () => {
    expect(listMissingRequired({ sex: 'female' }, intakeQuestionnaire)).toContain('cond-pregnant');
    expect(listMissingRequired({ sex: 'male' }, intakeQuestionnaire)).not.toContain('cond-pregnant');
  });
});
