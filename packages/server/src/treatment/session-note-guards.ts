import { canStartNoteFor } from '@myomap/domain/access/decide-draft-access';
import { pgErrorCode, PG_ERROR } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';

/** The visit a note documents must have started (app clock), or the note waits. */
export function checkVisitStarted(visitStart: Date, now: Date): void {
  if (!canStartNoteFor(visitStart, now))
    throw new AppError('visit_in_future', 'This visit has not started yet; write its note from the visit on.', { visitStart: visitStart.toISOString() });
}

/** The database's trigger refuses any change to a signed note: say so as 409 note_signed. */
export function refuseSignedChange(error: unknown): never {
  if (pgErrorCode(error) === PG_ERROR.raiseException) throw new AppError('note_signed', 'This note is signed and locked. Add an addendum instead.');
  throw error;
}
