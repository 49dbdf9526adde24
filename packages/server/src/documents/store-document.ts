import { createHash } from 'node:crypto';
import type { Sql } from '../database/database.ts';
import { findDocumentWithBytes, findPatientDocuments, insertDocument, type NewDocument, type StoredDocument } from '../stores/document-store.ts';

/**
 * Immutable stored documents (migration 0024): the exact bytes of a letter or a result, with their
 * SHA-256. The database refuses any change and checks the hash on insert; `readDocument` checks it
 * again, so bytes that no longer match what was signed are never served or sent.
 */

export type { DocumentKind, NewDocument, StoredDocument } from '../stores/document-store.ts';

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

/** Stores a document in the caller's transaction (with whatever it records the document for). */
export async function storeDocument(db: Sql, input: NewDocument): Promise<StoredDocument> {
  return insertDocument(db, input, sha256Hex(input.bytes));
}

/** A document with its bytes, or null when there is none; throws DocumentIntegrityError when the bytes were altered. */
export async function readDocument(db: Sql, id: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null> {
  const found = await findDocumentWithBytes(db, id);
  if (!found) return null;
  if (sha256Hex(found.bytes) !== found.sha256) throw new DocumentIntegrityError(id);
  return found;
}

/** A patient's documents, newest first, without their bytes. */
export async function listPatientDocuments(db: Sql, patientId: string): Promise<StoredDocument[]> {
  return findPatientDocuments(db, patientId);
}
