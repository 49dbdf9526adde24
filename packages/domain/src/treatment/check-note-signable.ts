import type { NoteData } from './treatment-schemas.ts';

/**
 * What a session note needs before it can be signed. A signed note is locked for good (the
 * database refuses any change), so an empty one would stand as the record of the visit: it needs
 * at least the patient's report (S) or the clinician's assessment (A). Whitespace is not writing.
 */
export type NoteSignability = { signable: true } | { signable: false; code: 'unprocessable'; missing: readonly ('subjective.report' | 'assessment')[] };

export function checkNoteSignable(data: Pick<NoteData, 'subjective' | 'assessment'>): NoteSignability {
  if (data.subjective.report.trim() !== '' || data.assessment.trim() !== '') return { signable: true };
  return { signable: false, code: 'unprocessable', missing: ['subjective.report', 'assessment'] };
}
