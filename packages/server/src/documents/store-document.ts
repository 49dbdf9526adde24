import { createHash } from 'node:crypto';
import type { Sql } from '../database/database.ts';

/**
 * Immutable stored documents (migration 0024): the exact bytes of a letter or a result, with their
 * SHA-256. The database refuses any change and checks the hash on insert; `readDocument` checks it
 * again, so bytes that no longer match what was signed are never served or sent.
 */

export const DOCUMENT_KINDS = ['referral_letter', 'referral_result', 'referral_acknowledgement', 'discharge_summary'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface StoredDocument {
  id: string;
  patientId: string | null;
  kind: DocumentKind;
  mediaType: string;
  language: 'en' | 'ar' | null;
  title: string;
  sha256: string;
  byteLength: number;
  createdAt: string;
  createdBy: string | null;
}

export interface NewDocument {
  patientId: string | null;
  kind: DocumentKind;
  mediaType: string;
  language: 'en' | 'ar' | null;
  title: string;
  bytes: Uint8Array;
  createdBy: string | null;
}

/** A stored document's bytes no longer hash to the SHA-256 kept when it was stored. */
export class DocumentIntegrityError extends Error {
  constructor(readonly documentId: string) {
    super(`document ${documentId} does not match its stored SHA-256`);
    this.name = 'DocumentIntegrityError';
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const COLUMNS = `id, patient_id as "patientId", kind, media_type as "mediaType", language, title, sha256, byte_length as "byteLength",
  created_at as "createdAt", created_by as "createdBy"`;

interface DocumentRow extends Omit<StoredDocument, 'createdAt'> {
  createdAt: Date | string;
}

function toStored(row: DocumentRow): StoredDocument {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

/** Stores a document in the caller's transaction (with whatever it records the document for). */
export async function storeDocument(db: Sql, input: NewDocument): Promise<StoredDocument> {
  const [row] = await db.query<DocumentRow>(
    `insert into documents (patient_id, kind, media_type, language, title, bytes, sha256, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
    [input.patientId, input.kind, input.mediaType, input.language, input.title, input.bytes, sha256Hex(input.bytes), input.createdBy],
  );
  if (!row) throw new Error('document insert returned no row');
  return toStored(row);
}

/** A document with its bytes, or null when there is none; throws DocumentIntegrityError when the bytes were altered. */
export async function readDocument(db: Sql, id: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null> {
  const [row] = await db.query<DocumentRow & { bytes: Uint8Array }>(`select ${COLUMNS}, bytes from documents where id = $1`, [id]);
  if (!row) return null;
  const bytes = new Uint8Array(row.bytes);
  if (sha256Hex(bytes) !== row.sha256) throw new DocumentIntegrityError(id);
  return { ...toStored(row), bytes };
}

/** A patient's documents, newest first, without their bytes. */
export async function listPatientDocuments(db: Sql, patientId: string): Promise<StoredDocument[]> {
  const rows = await db.query<DocumentRow>(`select ${COLUMNS} from documents where patient_id = $1 order by created_at desc, id`, [patientId]);
  return rows.map(toStored);
}
