import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { canStartNoteFor } from '@myomap/domain/access/decide-draft-access';
import { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import { PrecautionOverride } from '@myomap/domain/treatment/precaution-schemas';
import { techniqueRowsAsDraft } from '@myomap/domain/treatment/apply-precautions';
import { pgErrorCode, PG_ERROR, type Sql } from '../../database/database.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { toZonedIso } from '../../lib/zoned-time.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { scheduleAftercare } from '../../treatment/aftercare-service.ts';
import { NonBlankText } from '@myomap/contract/common/text.schemas';
import { checkDraftAuthor } from '../../treatment/check-draft-author.ts';
import { permit } from '../../lib/route-access.ts';
import { listOverrides } from '../../stores/precaution-override-store.ts';
import { guardPrecautions } from '../../treatment/precaution-guard.ts';
import { startNoteFromPlan } from '../../treatment/start-note-from-plan.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

async function noteView(sql: Sql, id: string) {
  const [note] = await sql.query<{
    id: string; status: string; data: NoteData; signed_at: Date | null; signed_by_name: string | null; author_id: string; author_name: string; patient_id: string;
    patient_name: string; session_id: string; appointment_id: string; starts_at: Date; service_name: string; precautions: unknown; created_at: Date;
  }>(
    `select n.id, n.status, n.data, n.signed_at, su.name as signed_by_name, n.author_id, au.name as author_name, n.patient_id, p.name as patient_name,
       n.session_id, s.appointment_id, a.starts_at, sv.name_en as service_name, s.precautions, n.created_at
     from session_notes n join treatment_sessions s on s.id = n.session_id join appointments a on a.id = s.appointment_id
     join services sv on sv.id = a.service_id join patients p on p.id = n.patient_id join staff_users au on au.id = n.author_id
     left join staff_users su on su.id = n.signed_by where n.id = $1`,
    [id],
  );
  if (!note) throw new AppError('not_found', 'No such note.');
  const clinic = await loadClinic(sql);
  const addenda = await sql.query<{ id: string; text: string; author_name: string; created_at: Date }>(
    `select d.id, d.text, u.name as author_name, d.created_at from note_addenda d join staff_users u on u.id = d.author_id where d.note_id = $1 order by d.created_at`,
    [id],
  );
  return {
    id: note.id,
    status: note.status,
    data: note.data,
    signedAt: note.signed_at?.toISOString() ?? null,
    signedBy: note.signed_by_name,
    authorId: note.author_id,
    authorName: note.author_name,
    patientId: note.patient_id,
    patientName: note.patient_name,
    sessionId: note.session_id,
    appointment: { id: note.appointment_id, start: toZonedIso(note.starts_at, clinic.timeZone), serviceName: note.service_name },
    precautions: note.precautions,
    addenda: addenda.map((d) => ({ id: d.id, text: d.text, authorName: d.author_name, at: d.created_at.toISOString() })),
    overrides: await listOverrides(sql, { noteId: id }),
  };
}

const signedRefusal = (error: unknown): never => {
  if (pgErrorCode(error) === PG_ERROR.raiseException) throw new AppError('note_signed', 'This note is signed and locked. Add an addendum instead.');
  throw error;
};

const CoSign = { coSign: Type.Optional(Type.Boolean({ description: 'Set when a clinician other than the author edits or signs the draft; audited as a co-sign.' })) };

/** The visit a note documents must have started (app clock), or the note waits. */
function checkVisitStarted(visitStart: Date, now: Date): void {
  if (!canStartNoteFor(visitStart, now)) throw new AppError('visit_in_future', 'This visit has not started yet; write its note from the visit on.', { visitStart: visitStart.toISOString() });
}

export const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/staff/sessions/:id/note', { config: { access: permit('note.write') }, schema: { tags: ['treatment'], params: IdParams } }, async (request, reply) => {
    const actor = staffActor(request);
    const result = await app.ctx.db.transaction(async (tx) => {
      const [session] = await tx.query<{ id: string; patient_id: string; starts_at: Date }>(
        'select s.id, s.patient_id, a.starts_at from treatment_sessions s join appointments a on a.id = s.appointment_id where s.id = $1',
        [request.params.id],
      );
      if (!session) throw new AppError('not_found', 'No such session.');
      const [existing] = await tx.query<{ id: string }>('select id from session_notes where session_id = $1', [session.id]);
      if (existing) return { id: existing.id, created: false };
      checkVisitStarted(session.starts_at, app.ctx.clock.now());
      const now = app.ctx.clock.now();
      // The note starts from what is planned for this visit, every row not yet done.
      const start = await startNoteFromPlan(tx, session.id, session.patient_id);
      const [note] = await tx.query<{ id: string }>(
        'insert into session_notes (session_id, patient_id, author_id, data, created_at, updated_at) values ($1, $2, $3, $4, $5, $5) returning id',
        [session.id, session.patient_id, actor.id, JSON.stringify(start.data), now.toISOString()],
      );
      await start.carryOverrides(tx, note?.id ?? '', actor, now);
      await writeAudit(tx, actor, { action: 'note.create', entityType: 'session_note', entityId: note?.id, after: { fromPlan: start.planId } });
      return { id: note?.id ?? '', created: true };
    });
    return reply.status(result.created ? 201 : 200).send({ id: result.id });
  });

  app.get('/staff/notes/:id', { config: { access: permit('note.read') }, schema: { tags: ['treatment'], params: IdParams } }, async (request) => {
    const view = await noteView(app.ctx.db, request.params.id);
    await app.ctx.db.transaction((tx) => writeAudit(tx, staffActor(request), { action: 'note.read', entityType: 'session_note', entityId: request.params.id }));
    return view;
  });

  const NoteBody = Type.Object({ data: NoteData, overrides: Type.Optional(Type.Array(PrecautionOverride, { maxItems: 100 })), ...CoSign }, { additionalProperties: false });
  app.put('/staff/notes/:id', { config: { access: permit('note.write') }, schema: { tags: ['treatment'], params: IdParams, body: NoteBody } }, async (request) => {
    const actor = staffActor(request);
    await app.ctx.db
      .transaction(async (tx) => {
        const [before] = await tx.query<{ id: string; status: string; data: unknown; author_id: string; patient_id: string }>('select id, status, data, author_id, patient_id from session_notes where id = $1 for update', [request.params.id]);
        if (!before) throw new AppError('not_found', 'No such note.');
        if (before.status === 'signed') throw new AppError('note_signed', 'This note is signed and locked. Add an addendum instead.');
        await checkDraftAuthor(tx, actor, { entityType: 'session_note', id: before.id, authorId: before.author_id }, request.body.coSign, 'update');
        await guardPrecautions(tx, {
          owner: { noteId: request.params.id },
          patientId: before.patient_id,
          draft: techniqueRowsAsDraft(request.body.data.techniques),
          overrides: request.body.overrides ?? [],
          actor,
          now: app.ctx.clock.now(),
        });
        await tx.query('update session_notes set data = $2, updated_at = $3 where id = $1', [request.params.id, JSON.stringify(request.body.data), app.ctx.clock.now().toISOString()]);
        await writeAudit(tx, actor, { action: 'note.update', entityType: 'session_note', entityId: request.params.id, before: before.data, after: request.body.data });
      })
      .catch(signedRefusal);
    return noteView(app.ctx.db, request.params.id);
  });

  const SignBody = Type.Optional(Type.Object(CoSign, { additionalProperties: false }));
  app.post('/staff/notes/:id/sign', { config: { access: permit('note.sign') }, schema: { tags: ['treatment'], params: IdParams, body: SignBody } }, async (request) => {
    const actor = staffActor(request);
    await app.ctx.db
      .transaction(async (tx) => {
        const [note] = await tx.query<{ id: string; status: string; session_id: string; data: NoteData; author_id: string; starts_at: Date }>(
          `select n.id, n.status, n.session_id, n.data, n.author_id, a.starts_at
           from session_notes n join treatment_sessions s on s.id = n.session_id join appointments a on a.id = s.appointment_id
           where n.id = $1 for update of n`,
          [request.params.id],
        );
        if (!note) throw new AppError('not_found', 'No such note.');
        if (note.status === 'signed') throw new AppError('note_signed', 'This note is already signed.');
        checkVisitStarted(note.starts_at, app.ctx.clock.now());
        await checkDraftAuthor(tx, actor, { entityType: 'session_note', id: note.id, authorId: note.author_id }, request.body?.coSign, 'sign');
        if (note.data.subjective.report.trim() === '' && note.data.assessment.trim() === '') {
          throw new AppError('unprocessable', 'Write at least the subjective report or the assessment before signing.');
        }
        const now = app.ctx.clock.now();
        await tx.query(`update session_notes set status = 'signed', signed_by = $2, signed_at = $3 where id = $1`, [request.params.id, actor.id, now.toISOString()]);
        await tx.query(`update appointments set status = 'completed' where id = (select appointment_id from treatment_sessions where id = $1) and status = 'confirmed'`, [note.session_id]);
        await scheduleAftercare(tx, app.ctx, note.session_id, now);
        await writeAudit(tx, actor, { action: 'note.sign', entityType: 'session_note', entityId: request.params.id, after: note.data });
      })
      .catch(signedRefusal);
    return noteView(app.ctx.db, request.params.id);
  });

  app.post(
    '/staff/notes/:id/addenda',
    { config: { access: permit('note.addendum') }, schema: { tags: ['treatment'], params: IdParams, body: Type.Object({ text: NonBlankText({ maxLength: 4000 }) }, { additionalProperties: false }) } },
    async (request, reply) => {
      const actor = staffActor(request);
      await app.ctx.db.transaction(async (tx) => {
        const [note] = await tx.query<{ status: string }>('select status from session_notes where id = $1', [request.params.id]);
        if (!note) throw new AppError('not_found', 'No such note.');
        if (note.status !== 'signed') throw new AppError('conflict', 'Edit the draft directly; addenda are for signed notes.');
        const [row] = await tx.query<{ id: string }>('insert into note_addenda (note_id, author_id, text, created_at) values ($1, $2, $3, $4) returning id', [
          request.params.id, actor.id, request.body.text.trim(), app.ctx.clock.now().toISOString(),
        ]);
        await writeAudit(tx, actor, { action: 'note.addendum', entityType: 'session_note', entityId: request.params.id, after: { addendumId: row?.id, text: request.body.text } });
      });
      return reply.status(201).send(await noteView(app.ctx.db, request.params.id));
    },
  );
};
