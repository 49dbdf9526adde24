import type { MultipartFile } from '@fastify/multipart';
import { computePostureAngles } from '@myomap/domain/clinical/compute-posture-angles';
import { isImageOfType } from '@myomap/domain/clinical/find-unknown-assessment-ids';
import type { Landmarks, LandmarksOut, PhotoUploadedOut, PhotoView } from '@myomap/contract/clinical/assessments.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findAssessment, findPhotoBytes, insertAssessmentPhoto, lockPhoto, savePhotoLandmarks } from '../stores/assessment-store.ts';

/** Reads the upload and checks it really is the JPEG or PNG it says it is. */
async function readImage(file: MultipartFile | undefined): Promise<{ contentType: 'image/jpeg' | 'image/png'; bytes: Buffer }> {
  if (!file) throw new AppError('validation_failed', 'Attach one image in the "file" field.');
  const contentType = file.mimetype;
  if (contentType !== 'image/jpeg' && contentType !== 'image/png') throw new AppError('unsupported_media_type', 'Photos must be JPEG or PNG.');
  const bytes = await file.toBuffer().catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', 'Photos may be at most 8 MB.');
    throw error;
  });
  if (!isImageOfType(bytes, contentType)) throw new AppError('unsupported_media_type', 'The file is not a valid JPEG or PNG image.');
  return { contentType, bytes };
}

/** A posture photo for the assessment (front or side view). */
export async function uploadPhoto(
  ctx: AppContext,
  assessmentId: string,
  view: PhotoView,
  file: MultipartFile | undefined,
  actor: Actor,
): Promise<PhotoUploadedOut> {
  const image = await readImage(file);
  return ctx.db.transaction(async (tx) => {
    const assessment = await findAssessment(tx, assessmentId);
    if (!assessment) throw new AppError('not_found', 'No such assessment.');
    const saved = await insertAssessmentPhoto(tx, { assessmentId, view, contentType: image.contentType, bytes: image.bytes, uploadedBy: actor.id ?? '' });
    await writeAudit(tx, actor, {
      action: 'photos.upload',
      entityType: 'assessment_photo',
      entityId: saved.id,
      after: { assessmentId, view, bytes: image.bytes.length },
    });
    return { id: saved.id, view, landmarks: {}, angles: {}, createdAt: saved.createdAt.toISOString() };
  });
}

/** The image itself; looking at a patient's photo is audited. */
export async function readPhoto(ctx: AppContext, id: string, actor: Actor): Promise<{ contentType: string; bytes: Buffer }> {
  const photo = await findPhotoBytes(ctx.db, id);
  if (!photo) throw new AppError('not_found', 'No such photo.');
  await ctx.db.transaction((tx) => writeAudit(tx, actor, { action: 'photos.read', entityType: 'assessment_photo', entityId: id }));
  return { contentType: photo.contentType, bytes: Buffer.from(photo.bytes) };
}

/** Places the landmarks and recomputes the posture angles from them. */
export async function placeLandmarks(ctx: AppContext, id: string, landmarks: Landmarks, actor: Actor): Promise<LandmarksOut> {
  return ctx.db.transaction(async (tx) => {
    const photo = await lockPhoto(tx, id);
    if (!photo) throw new AppError('not_found', 'No such photo.');
    const angles = computePostureAngles(photo.view, landmarks);
    await savePhotoLandmarks(tx, id, landmarks, angles);
    await writeAudit(tx, actor, {
      action: 'photos.landmarks',
      entityType: 'assessment_photo',
      entityId: id,
      before: photo.landmarks,
      after: { landmarks, angles },
    });
    return { id, landmarks, angles };
  });
}
