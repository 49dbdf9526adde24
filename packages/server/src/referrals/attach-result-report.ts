import type { MultipartFile } from '@fastify/multipart';
import type { ReferralOut } from '@myomap/contract/referrals/referrals.schemas';
import type { AppContext } from '../app-context.ts';
import { storeDocument } from '../documents/store-document.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { MAX_UPLOAD_BYTES } from '../lib/multipart-guard.ts';
import { attachReferralResultDocument, findReferral, findReferralResult, type ReferralRow } from '../stores/referral-store.ts';
import { clinicToday, loadReferralOut, lockReferral } from './referral-view.ts';

/** A report PDF may be as large as any upload (8 MB). */
export const MAX_REPORT_BYTES = MAX_UPLOAD_BYTES;

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** Whether the bytes start as a PDF file does (ISO 32000-1, 7.5.2: the header line "%PDF-1.n"). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > PDF_MAGIC.length && Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC);
}

/** Reads the upload and checks that it really is a PDF, whatever type the client declared. */
async function readReportPdf(file: MultipartFile | undefined): Promise<Buffer> {
  if (!file) throw new AppError('validation_failed', 'Attach the report as one PDF in the "file" field.');
  const bytes = await file.toBuffer().catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', 'A report may be at most 8 MB.');
    throw error;
  });
  if (bytes.length === 0) throw new AppError('validation_failed', 'The report file is empty.');
  if (!isPdf(bytes)) throw new AppError('unsupported_media_type', 'The report must be a PDF (the file does not start with %PDF-).');
  return bytes;
}

/**
 * The report that came back with a result (a PDF), stored immutably with its SHA-256 and linked
 * to the recorded result (migration 0025: one report per result, set once, before the physician's
 * review). Audited in the same transaction.
 */
export async function attachResultReport(ctx: AppContext, id: string, file: MultipartFile | undefined, actor: Actor): Promise<ReferralOut> {
  const bytes = await readReportPdf(file);
  return ctx.db.transaction(async (tx) => {
    const row = await lockReferral(tx, id, 'out');
    const result = await findReferralResult(tx, id);
    if (!result) throw new AppError('illegal_transition', 'Record the result first, then attach its report.', { from: row.status, to: 'result_received' });
    if (result.reviewedAt) throw new AppError('conflict', 'The result has been reviewed; its record cannot change.');
    if (result.documentId) throw new AppError('conflict', 'This result already has its report.', { documentId: result.documentId });
    const provider = row.providerName ?? '';
    const document = await storeDocument(tx, {
      patientId: row.patientId,
      referralId: id,
      kind: 'referral_result',
      mediaType: 'application/pdf',
      language: null,
      title: row.language === 'ar' ? `تقرير النتيجة: ${provider}` : `Result report: ${provider}`,
      bytes,
      createdBy: actor.id ?? null,
      at: ctx.clock.now(),
    });
    await attachReferralResultDocument(tx, id, document.id);
    await writeAudit(tx, actor, {
      action: 'referral.result_report',
      entityType: 'referral',
      entityId: id,
      after: { documentId: document.id, sha256: document.sha256, bytes: document.byteLength },
    });
    return loadReferralOut(tx, (await findReferral(tx, id)) as ReferralRow, await clinicToday(ctx, tx), actor);
  });
}
