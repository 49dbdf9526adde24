import { describe, expect, it } from 'vitest';
import { canEditDraft, canStartNoteFor, decideDraftAccess } from './decide-draft-access.ts';

describe('decideDraftAccess', () => {
  it('lets the author edit and sign their draft', () => {
    expect(decideDraftAccess({ actorId: 'u1', authorId: 'u1' })).toEqual({ allowed: true, coSigned: false });
  });

  it('refuses another clinician unless they explicitly co-sign', () => {
    expect(decideDraftAccess({ actorId: 'u2', authorId: 'u1' })).toEqual({ allowed: false, code: 'not_author' });
    expect(canEditDraft({ actorId: 'u2', authorId: 'u1', coSign: false })).toBe(false);
    expect(decideDraftAccess({ actorId: 'u2', authorId: 'u1', coSign: true })).toEqual({ allowed: true, coSigned: true });
  });

  it('does not call the author’s own edit a co-sign', () => {
    expect(decideDraftAccess({ actorId: 'u1', authorId: 'u1', coSign: true })).toEqual({ allowed: true, coSigned: false });
  });
});

describe('canStartNoteFor', () => {
  const visit = new Date('2026-12-01T05:00:00Z'); // 09:00 in Sharjah
  it('refuses a note before the visit starts', () => {
    expect(canStartNoteFor(visit, new Date('2026-12-01T04:59:59Z'))).toBe(false);
    expect(canStartNoteFor(visit, new Date('2026-11-30T05:00:00Z'))).toBe(false);
  });
  it('allows it from the visit’s start on', () => {
    expect(canStartNoteFor(visit, new Date('2026-12-01T05:00:00Z'))).toBe(true);
    expect(canStartNoteFor(visit, new Date('2026-12-03T10:00:00Z'))).toBe(true);
  });
});
