import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AddendumIn, NoteIn, NoteOut, NoteRefOut } from '@myomap/contract/treatment/notes.schemas';
import { CoSignIn, TreatmentIdParams } from '@myomap/contract/treatment/treatment-common.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { addAddendum } from '../../treatment/add-addendum.ts';
import { openSessionNote } from '../../treatment/open-session-note.ts';
import { readNote } from '../../treatment/read-session-note.ts';
import { saveSessionNote } from '../../treatment/save-session-note.ts';
import { signSessionNote } from '../../treatment/sign-session-note.ts';

/** Session notes: each route is its schema and one call into `server/src/treatment/`. */
export const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/sessions/:id/note',
    {
      config: { access: permit('note.write') },
      schema: {
        operationId: 'openSessionNote',
        summary: "Open the session's note (created on the first call)",
        tags: ['treatment'],
        params: TreatmentIdParams,
        response: { 200: NoteRefOut, 201: NoteRefOut },
      },
    },
    async (request, reply) => {
      const note = await openSessionNote(app.ctx, request.params.id, staffActor(request));
      return reply.status(note.created ? 201 : 200).send({ id: note.id });
    },
  );

  app.get(
    '/staff/notes/:id',
    {
      config: { access: permit('note.read') },
      schema: { operationId: 'getSessionNote', summary: 'A session note', tags: ['treatment'], params: TreatmentIdParams, response: { 200: NoteOut } },
    },
    async (request) => readNote(app.ctx, request.params.id, staffActor(request)),
  );

  app.put(
    '/staff/notes/:id',
    {
      config: { access: permit('note.write') },
      schema: {
        operationId: 'saveSessionNote',
        summary: 'Save a draft session note',
        tags: ['treatment'],
        params: TreatmentIdParams,
        body: NoteIn,
        response: { 200: NoteOut },
      },
    },
    async (request) => saveSessionNote(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.post(
    '/staff/notes/:id/sign',
    {
      config: { access: permit('note.sign'), errors: ['note_signed'] },
      schema: {
        operationId: 'signSessionNote',
        summary: 'Sign a session note (it cannot change afterwards)',
        tags: ['treatment'],
        params: TreatmentIdParams,
        body: CoSignIn,
        response: { 200: NoteOut },
      },
    },
    async (request) => signSessionNote(app.ctx, request.params.id, request.body?.coSign, staffActor(request)),
  );

  app.post(
    '/staff/notes/:id/addenda',
    {
      config: { access: permit('note.addendum') },
      schema: {
        operationId: 'addNoteAddendum',
        summary: 'Add an addendum to a signed note',
        tags: ['treatment'],
        params: TreatmentIdParams,
        body: AddendumIn,
        response: { 201: NoteOut },
      },
    },
    async (request, reply) => reply.status(201).send(await addAddendum(app.ctx, request.params.id, request.body.text, staffActor(request))),
  );
};
