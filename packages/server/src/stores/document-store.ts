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
  /** The referral the document belongs to (migration 0025), if any. */
  referralId: string | null;
}

export interface NewDocument {
  patientId: string | null;
  kind: DocumentKind;
  mediaType: string;
  language: 'en' | 'ar' | null;
  title: string;
  bytes: Uint8Array;
  createdBy: string | null;
  referralId?: string | null;
  /** When it was made, by the app's clock (the database's when absent). */
  at?: Date;
}

/** Rows of `documents` (migration 0024); the hash is computed and checked in documents/store-document.ts. */

const COLUMNS = `id, patient_id as "patientId", kind, media_type as "mediaType", language, title, sha256, byte_length as "byteLength",
  created_at as "createdAt", created_by as "createdBy", referral_id as "referralId"`;

/** Documents written at the same instant (one clock tick) sort in the order a referral produces them. */
const LIFECYCLE = `array_position(array['referral_letter', 'referral_acknowledgement', 'referral_result', 'discharge_summary'], kind)`;

interface DocumentRow extends Omit<StoredDocument, 'createdAt'> {
  createdAt: Date | string;
}

function toStored(row: DocumentRow): StoredDocument {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

export async function insertDocument(sql: Sql, input: NewDocument, sha256: string): Promise<StoredDocument> {
  const [row] = await sql.query<DocumentRow>(
    `insert into documents (patient_id, kind, media_type, language, title, bytes, sha256, created_by, referral_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, now())) returning ${COLUMNS}`,
    [
      input.patientId,
      input.kind,
      input.mediaType,
      input.language,
      input.title,
      input.bytes,
      sha256,
      input.createdBy,
      input.referralId ?? null,
      input.at?.toISOString() ?? null,
    ],
  );
  if (!row) throw new Error('document insert returned no row');
  return toStored(row);
}

export async function findDocumentWithBytes(sql: Sql, id: string): Promise<(StoredDocument & { bytes: Uint8Array }) | undefined> {
  const [row] = await sql.query<DocumentRow & { bytes: Uint8Array }>(`select ${COLUMNS}, bytes from documents where id = $1`, [id]);
  return row ? { ...toStored(row), bytes: new Uint8Array(row.bytes) } : undefined;
}

/**
 * A patient's documents: their own, and those of their referrals (an inbound referral's
 * acknowledgement was written before the referral had a patient).
 */
export async function findPatientDocuments(sql: Sql, patientId: string): Promise<StoredDocument[]> {
  const rows = await sql.query<DocumentRow>(
    `select ${COLUMNS} from documents
     where patient_id = $1 or referral_id in (select id from referrals where patient_id = $1)
     order by created_at desc, ${LIFECYCLE} desc, id`,
    [patientId],
  );
  return rows.map(toStored);
}

/** A referral's documents (letter, letters to the referrer, the result's report), oldest first. */
export async function findReferralDocuments(sql: Sql, referralId: string): Promise<StoredDocument[]> {
  const rows = await sql.query<DocumentRow>(`select ${COLUMNS} from documents where referral_id = $1 order by created_at, ${LIFECYCLE}, id`, [referralId]);
  return rows.map(toStored);
}

/** A stored document's kind and patient, and whether a referral result already names it as its report. */
export async function findDocumentClaim(sql: Sql, id: string): Promise<{ kind: string; patientId: string | null; claimed: boolean } | undefined> {
  const [found] = await sql.query<{ kind: string; patientId: string | null; claimed: boolean }>(
    `select d.kind, d.patient_id as "patientId", exists (select 1 from referral_results r where r.document_id = d.id) as claimed
     from documents d where d.id = $1`,
    [id],
  );
  return found;
}
