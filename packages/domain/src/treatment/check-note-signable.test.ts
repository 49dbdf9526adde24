import { describe, expect, it } from 'vitest';
import { checkNoteSignable } from './check-note-signable.ts';

const note = (report: string, assessment: string) => ({ subjective: { report, pain: null }, assessment });

describe('checkNoteSignable', () => {
  it('signs a note with a subjective report, an assessment, or both', () => {
    expect(checkNoteSignable(note('Neck better since Monday.', ''))).toEqual({ signable: true });
    expect(checkNoteSignable(note('', 'Upper trapezius TrP less irritable.'))).toEqual({ signable: true });
    expect(checkNoteSignable(note('Better.', 'Improving.'))).toEqual({ signable: true });
  });

  it('refuses a note with neither, and counts whitespace as nothing', () => {
    expect(checkNoteSignable(note('', ''))).toEqual({ signable: false, code: 'unprocessable', missing: ['subjective.report', 'assessment'] });
    expect(checkNoteSignable(note('  \n', '\t'))).toMatchObject({ signable: false });
  });
});
