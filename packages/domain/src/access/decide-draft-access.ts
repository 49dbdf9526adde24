/**
 * Ownership rules for clinical drafts (session notes and treatment plans), as pure functions:
 * the server loads the facts and asks. The role check comes first, from the permission table;
 * these decide which of the permitted clinicians may touch a given record.
 */

export interface DraftAccessFacts {
  actorId: string;
  authorId: string;
  /** The actor explicitly co-signs another clinician's draft; the server audits it as such. */
  coSign?: boolean | undefined;
}

export type DraftAccess = { allowed: true; coSigned: boolean } | { allowed: false; code: 'not_author' };

/**
 * A draft is edited and signed by its author. Anyone else (already holding the role) must say
 * they co-sign, so a second clinician's change is never silent: the record shows who wrote it
 * and who changed or signed it for them.
 */
export function decideDraftAccess(facts: DraftAccessFacts): DraftAccess {
  if (facts.actorId === facts.authorId) return { allowed: true, coSigned: false };
  if (facts.coSign === true) return { allowed: true, coSigned: true };
  return { allowed: false, code: 'not_author' };
}

export function canEditDraft(facts: DraftAccessFacts): boolean {
  return decideDraftAccess(facts).allowed;
}

/**
 * A note documents a visit that has happened (or is happening): it cannot be started or signed
 * before the visit's start. Worked example: a visit at 09:00 Sharjah time (05:00Z) may get its
 * note from 05:00:00Z on; at 04:59:59Z it may not. `now` is the app clock, passed in.
 */
export function canStartNoteFor(visitStart: Date, now: Date): boolean {
  return visitStart.getTime() <= now.getTime();
}
