import type { Sql } from '../database/database.ts';
import type { DocumentKind } from '@myomap/contract/documents/documents.schemas';

export type { DocumentKind };

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

/** Rows of `documents` (migration 0024); the hash is computed and checked in documents/store-document.ts. */

const COLUMNS = `id, patient_id as "patientId", kind, media_type as "mediaType", language, title, sha256, byte_length as "byteLength",
  created_at as "createdAt", created_by as "createdBy"`;

interface DocumentRow extends Omit<StoredDocument, 'createdAt'> {
  createdAt: Date | string;
}

function toStored(row: DocumentRow): StoredDocument {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

export async function insertDocument(sql: Sql, input: NewDocument, sha256: string): Promise<StoredDocument> {
  const [row] = await sql.query<DocumentRow>(
    `insert into documents (patient_id, kind, media_type, language, title, bytes, sha256, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
    [input.patientId, input.kind, input.mediaType, input.language, input.title, input.bytes, sha256, input.createdBy],
  );
  if (!row) throw new Error('document insert returned no row');
  return toStored(row);
}

export async function findDocumentWithBytes(sql: Sql, id: string): Promise<(StoredDocument & { bytes: Uint8Array }) | undefined> {
  const [row] = await sql.query<DocumentRow & { bytes: Uint8Array }>(`select ${COLUMNS}, bytes from documents where id = $1`, [id]);
  return row ? { ...toStored(row), bytes: new Uint8Array(row.bytes) } : undefined;
}

export async function findPatientDocuments(sql: Sql, patientId: string): Promise<StoredDocument[]> {
  const rows = await sql.query<DocumentRow>(`select ${COLUMNS} from documents where patient_id = $1 order by created_at desc, id`, [patientId]);
  return rows.map(toStored);
}
