import { can } from '@myomap/domain/access/permissions';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Sql } from '../../database/database.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit, type Actor } from '../../lib/audit.ts';
import { publicActor, staffActor } from '../../lib/staff-session.ts';
import { findManagedBooking } from '../../scheduling/manage-booking.ts';
import { findAppointmentById, type AppointmentRow } from '../../stores/appointment-store.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { assertConsentAllowance } from '../../safety/consent-allowance.ts';
import { intakeView, saveIntake, signConsent, submitIntake, validateResponse } from '../../safety/intake-service.ts';
import { ManageParams, ManageQuery } from '@myomap/contract/bookings/bookings.schemas';
import { NonBlankText } from '@myomap/contract/common/text.schemas';
import { PATIENT_TOKEN, permit } from '../../lib/route-access.ts';

const Language = Type.Union([Type.Literal('en'), Type.Literal('ar')]);
const SaveBody = Type.Object({ response: Type.Unknown(), language: Language }, { additionalProperties: false });
const ConsentBody = Type.Object(
  {
    version: Type.String({ maxLength: 20 }),
    language: Language,
    typedName: NonBlankText({ minLength: 2, maxLength: 200 }),
    // A drawn signature from a canvas: a PNG data URL, at most ~300 kB.
    signature: Type.String({ pattern: '^data:image/png;base64,[A-Za-z0-9+/=]+$', minLength: 100, maxLength: 400_000 }),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/**
 * The intake, by the patient's booking link (reference + manage token) or by staff on a tablet
 * at reception (signed in, by appointment id). Both share one set of handlers.
 */
export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const byToken = (tx: Sql, params: { reference: string }, query: { token: string }) => findManagedBooking(tx, params.reference, query.token);
  const byId = async (tx: Sql, params: { id: string }) => {
    const row = await findAppointmentById(tx, params.id);
    if (!row || row.kind !== 'visit') throw new AppError('not_found', 'No such appointment.');
    return row;
  };

  const handlers = {
    view: (find: (tx: Sql) => Promise<AppointmentRow>, actor: Actor) =>
      app.ctx.db.transaction(async (tx) => {
        const appointment = await find(tx);
        // The patient's own link shows their answers; staff see them only with intake.clinical.read.
        const withAnswers = actor.type === 'patient' || can(actor.role, 'intake.clinical.read');
        await writeAudit(tx, actor, { action: withAnswers ? 'intake.read' : 'intake.status_read', entityType: 'appointment', entityId: appointment.id });
        return intakeView(tx, appointment, withAnswers);
      }),
    save: (find: (tx: Sql) => Promise<AppointmentRow>, body: { response: unknown; language: 'en' | 'ar' }, actor: Actor) => {
      const response = validateResponse(body.response);
      return app.ctx.db.transaction(async (tx) => saveIntake(tx, await find(tx), response, body.language, app.ctx.clock.now(), actor));
    },
    submit: (find: (tx: Sql) => Promise<AppointmentRow>, actor: Actor) =>
      app.ctx.db.transaction(async (tx) => submitIntake(tx, await loadClinic(tx), await find(tx), app.ctx.clock.now(), actor)),
    consent: (find: (tx: Sql) => Promise<AppointmentRow>, body: { version: string; language: 'en' | 'ar'; typedName: string; signature: string }, actor: Actor) =>
      app.ctx.db.transaction(async (tx) => signConsent(tx, await find(tx), body, app.ctx.clock.now(), actor)),
  };

  const pub = { tags: ['intake'], params: ManageParams, querystring: ManageQuery };
  app.get('/intake/:reference', { config: { access: PATIENT_TOKEN }, schema: pub }, (request) => handlers.view((tx) => byToken(tx, request.params, request.query), publicActor(request)));
  app.put('/intake/:reference', { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.intake, schema: { ...pub, body: SaveBody } }, (request) =>
    handlers.save((tx) => byToken(tx, request.params, request.query), request.body, publicActor(request)),
  );
  app.post('/intake/:reference/submit', { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.form, schema: pub }, (request) => handlers.submit((tx) => byToken(tx, request.params, request.query), publicActor(request)));
  app.post('/intake/:reference/consent', { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.consent, schema: { ...pub, body: ConsentBody } }, async (request, reply) =>
    reply.status(201).send(
      await handlers.consent(async (tx) => {
        const appointment = await byToken(tx, request.params, request.query);
        // Per link: each signature can be hundreds of kB, and the table is append-only.
        await assertConsentAllowance(tx, appointment.id, app.ctx.clock.now());
        return appointment;
      }, request.body, publicActor(request)),
    ),
  );

  const staff = { tags: ['intake'], params: IdParams };
  app.get('/staff/appointments/:id/intake', { config: { access: permit('intake.fill') }, schema: staff }, (request) => handlers.view((tx) => byId(tx, request.params), staffActor(request)));
  app.put('/staff/appointments/:id/intake', { config: { access: permit('intake.fill') }, bodyLimit: BODY_LIMITS.intake, schema: { ...staff, body: SaveBody } }, (request) =>
    handlers.save((tx) => byId(tx, request.params), request.body, staffActor(request)),
  );
  app.post('/staff/appointments/:id/intake/submit', { config: { access: permit('intake.fill') }, schema: staff }, (request) => handlers.submit((tx) => byId(tx, request.params), staffActor(request)));
  app.post('/staff/appointments/:id/intake/consent', { config: { access: permit('intake.fill') }, bodyLimit: BODY_LIMITS.consent, schema: { ...staff, body: ConsentBody } }, async (request, reply) =>
    reply.status(201).send(await handlers.consent((tx) => byId(tx, request.params), request.body, staffActor(request))),
  );
};
