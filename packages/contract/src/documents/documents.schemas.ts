import { Type, type Static } from '@sinclair/typebox';
import { Language, Nullable } from '../clinical/patients.schemas.ts';

/** What a stored document is (issue 14): letters the clinic writes and results that come back. */
export const DocumentKind = Type.Union([
  Type.Literal('referral_letter'),
  Type.Literal('referral_result'),
  Type.Literal('referral_acknowledgement'),
  Type.Literal('discharge_summary'),
]);
export type DocumentKind = Static<typeof DocumentKind>;

/** A stored document's facts, without its bytes (GET /api/staff/patients/:id/documents). */
export const DocumentOut = Type.Object({
  id: Type.String(),
  patientId: Nullable(Type.String()),
  kind: DocumentKind,
  mediaType: Type.String(),
  language: Nullable(Language),
  title: Type.String(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes, hex' }),
  byteLength: Type.Integer({ minimum: 1 }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Nullable(Type.String()),
  referralId: Nullable(Type.String({ description: 'The referral the document belongs to, if any' })),
});
export type DocumentOut = Static<typeof DocumentOut>;

/** GET /api/staff/documents/:id: the document's bytes as stored. */
export const DocumentBytesOut = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'the document exactly as stored' });
