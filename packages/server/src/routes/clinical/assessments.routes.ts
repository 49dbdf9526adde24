import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { computePostureAngles } from '@myomap/domain/clinical/compute-posture-angles';
import { knowledgeBase, VOCABULARY_VERSION } from '@myomap/domain/knowledge/knowledge-base';
import { pgErrorCode, PG_ERROR } from '../../database/database.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { findAssessment, saveAssessmentData } from '../../stores/assessment-store.ts';
import { permit } from '../../lib/route-access.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const zoneIds = new Set(knowledgeBase.bodyZones.map((z) => z.id));
const muscleIds = new Set(knowledgeBase.muscles.map((m) => m.id));

/** Schema checks shape; this checks the clinical ids against the vocabulary. */
function checkIds(data: AssessmentData): void {
  const zones = [...data.painMap.map((m) => m.zone), ...data.tenderAreas.map((t) => t.zone), ...data.problems.flatMap((p) => p.zones.map((z) => z.zone))];
  const badZones = [...new Set(zones.filter((z) => !zoneIds.has(z)))];
  if (badZones.length > 0) throw new AppError('unknown_zone', `Unknown body zone: ${badZones.join(', ')}`, { zones: badZones });
  const muscles = [...data.triggerPoints.map((t) => t.muscleId), ...data.tautBands.map((t) => t.muscleId)];
  const badMuscles = [...new Set(muscles.filter((m) => !muscleIds.has(m)))];
  if (badMuscles.length > 0) throw new AppError('validation_failed', `Unknown muscle: ${badMuscles.join(', ')}`, { muscleIds: badMuscles });
}

export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/patients/:id/assessments',
    { config: { access: permit('assessment.write') }, schema: { tags: ['clinical'], params: IdParams, body: Type.Optional(Type.Object({ appointmentId: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false })) } },
    async (request, reply) => {
      const actor = staffActor(request);
      const empty: AssessmentData = { painMap: [], triggerPoints: [], tautBands: [], tenderAreas: [], nerveFindings: [], posture: [], gait: [], biomechanics: [], perpetuatingFactors: { biomechanical: [], biochemical: [], psychosocial: [] }, problems: [] };
      const row = await app.ctx.db
        .transaction(async (tx) => {
          const [created] = await tx.query<{ id: string }>(
            `insert into assessments (patient_id, appointment_id, author_id, data, created_at, updated_at, vocabulary_version) values ($1, $2, $3, $4, $5, $5, $6) returning id`,
            [request.params.id, request.body?.appointmentId ?? null, actor.id, JSON.stringify(empty), app.ctx.clock.now().toISOString(), VOCABULARY_VERSION],
          );
          await writeAudit(tx, actor, { action: 'assessments.create', entityType: 'assessment', entityId: created?.id, after: { patientId: request.params.id } });
          return created;
        })
        .catch((error: unknown) => {
          if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'No such patient or appointment.');
          throw error;
        });
      return reply.status(201).send({ id: row?.id });
    },
  );

  const view = async (id: string) => {
    const row = await findAssessment(app.ctx.db, id);
    if (!row) throw new AppError('not_found', 'No such assessment.');
    const photos = await app.ctx.db.query(`select id, view, landmarks, angles, created_at as "createdAt" from assessment_photos where assessment_id = $1 order by created_at`, [id]);
    return { ...row, photos };
  };

  app.get('/staff/assessments/:id', { config: { access: permit('assessment.read') }, schema: { tags: ['clinical'], params: IdParams } }, async (request) => {
    const result = await view(request.params.id);
    await app.ctx.db.transaction((tx) => writeAudit(tx, staffActor(request), { action: 'assessments.read', entityType: 'assessment', entityId: request.params.id, after: { patientId: result.patientId } }));
    return result;
  });

  app.put(
    '/staff/assessments/:id',
    { config: { access: permit('assessment.write') }, schema: { tags: ['clinical'], params: IdParams, body: Type.Object({ data: AssessmentData }, { additionalProperties: false }) } },
    async (request) => {
      checkIds(request.body.data);
      const actor = staffActor(request);
      await app.ctx.db.transaction(async (tx) => {
        const before = await findAssessment(tx, request.params.id, true);
        if (!before) throw new AppError('not_found', 'No such assessment.');
        await saveAssessmentData(tx, request.params.id, request.body.data, app.ctx.clock.now());
        await writeAudit(tx, actor, { action: 'assessments.update', entityType: 'assessment', entityId: request.params.id, before: before.data, after: request.body.data });
      });
      return view(request.params.id);
    },
  );

  app.post(
    '/staff/assessments/:id/photos',
    { config: { access: permit('assessment.write'), multipart: true }, schema: { tags: ['clinical'], params: IdParams, querystring: Type.Object({ view: Type.Union([Type.Literal('front'), Type.Literal('side')]) }) } },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Upload the photo as multipart/form-data.');
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 'Attach one image in the "file" field.');
      if (!['image/jpeg', 'image/png'].includes(file.mimetype)) throw new AppError('unsupported_media_type', 'Photos must be JPEG or PNG.');
      const bytes = await file.toBuffer().catch((error: unknown) => {
        if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', 'Photos may be at most 8 MB.');
        throw error;
      });
      // Check the file really is what it says (JPEG FF D8 FF; PNG 89 50 4E 47).
      const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
      const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
      if (!(file.mimetype === 'image/jpeg' ? isJpeg : isPng)) throw new AppError('unsupported_media_type', 'The file is not a valid JPEG or PNG image.');
      const actor = staffActor(request);
      const row = await app.ctx.db.transaction(async (tx) => {
        const assessment = await findAssessment(tx, request.params.id);
        if (!assessment) throw new AppError('not_found', 'No such assessment.');
        const [saved] = await tx.query<{ id: string }>(
          `insert into assessment_photos (assessment_id, view, content_type, bytes, uploaded_by) values ($1, $2, $3, $4, $5) returning id`,
          [request.params.id, request.query.view, file.mimetype, bytes, actor.id],
        );
        await writeAudit(tx, actor, { action: 'photos.upload', entityType: 'assessment_photo', entityId: saved?.id, after: { assessmentId: request.params.id, view: request.query.view, bytes: bytes.length } });
        return saved;
      });
      return reply.status(201).send({ id: row?.id, view: request.query.view });
    },
  );

  app.get('/staff/photos/:id', { config: { access: permit('assessment.read') }, schema: { tags: ['clinical'], params: IdParams } }, async (request, reply) => {
    const [photo] = await app.ctx.db.query<{ content_type: string; bytes: Uint8Array }>('select content_type, bytes from assessment_photos where id = $1', [request.params.id]);
    if (!photo) throw new AppError('not_found', 'No such photo.');
    await app.ctx.db.transaction((tx) => writeAudit(tx, staffActor(request), { action: 'photos.read', entityType: 'assessment_photo', entityId: request.params.id }));
    return reply.header('cache-control', 'private, no-store').type(photo.content_type).send(Buffer.from(photo.bytes));
  });

  const Point = Type.Object({ x: Type.Number({ minimum: 0, maximum: 100000 }), y: Type.Number({ minimum: 0, maximum: 100000 }) }, { additionalProperties: false });
  app.put(
    '/staff/photos/:id/landmarks',
    { config: { access: permit('assessment.write') }, schema: { tags: ['clinical'], params: IdParams, body: Type.Object({ landmarks: Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Point) }, { additionalProperties: false }) } },
    async (request) => {
      const actor = staffActor(request);
      return app.ctx.db.transaction(async (tx) => {
        const [photo] = await tx.query<{ view: 'front' | 'side'; landmarks: unknown }>('select view, landmarks from assessment_photos where id = $1 for update', [request.params.id]);
        if (!photo) throw new AppError('not_found', 'No such photo.');
        const angles = computePostureAngles(photo.view, request.body.landmarks);
        await tx.query('update assessment_photos set landmarks = $2, angles = $3 where id = $1', [request.params.id, JSON.stringify(request.body.landmarks), JSON.stringify(angles)]);
        await writeAudit(tx, actor, { action: 'photos.landmarks', entityType: 'assessment_photo', entityId: request.params.id, before: photo.landmarks, after: { landmarks: request.body.landmarks, angles } });
        return { id: request.params.id, landmarks: request.body.landmarks, angles };
      });
    },
  );
};
