import type { DocumentOut } from '@myomap/contract/documents/documents.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findPatient } from '../stores/patient-store.ts';
import { listPatientDocuments, readDocument } from './store-document.ts';

/**
 * Staff reading stored letters and results. Both reads are clinical reads, audited in the same
 * transaction that reads the rows.
 */

export async function downloadDocument(ctx: AppContext, id: string, actor: Actor): Promise<{ document: DocumentOut; bytes: Uint8Array }> {
  return ctx.db.transaction(async (tx) => {
    const found = await readDocument(tx, id);
    if (!found) throw new AppError('not_found', 'No such document.');
    const { bytes, ...document } = found;
    await writeAudit(tx, actor, { action: 'documents.read', entityType: 'document', entityId: id, after: { kind: document.kind, sha256: document.sha256 } });
    return { document, bytes };
  });
}

export async function listDocuments(ctx: AppContext, patientId: string, actor: Actor): Promise<DocumentOut[]> {
  return ctx.db.transaction(async (tx) => {
    if (!(await findPatient(tx, patientId))) throw new AppError('not_found', 'No such patient.');
    const documents = await listPatientDocuments(tx, patientId);
    await writeAudit(tx, actor, { action: 'documents.list', entityType: 'patient', entityId: patientId, after: { count: documents.length } });
    return documents;
  });
}

/** A file name for the download: the title's letters, digits and dashes, then the extension. */
export function downloadFileName(document: DocumentOut): string {
  const base =
    document.title
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || document.kind.replaceAll('_', '-');
  const extension = document.mediaType === 'application/pdf' ? 'pdf' : 'bin';
  return `${base}.${extension}`;
}
