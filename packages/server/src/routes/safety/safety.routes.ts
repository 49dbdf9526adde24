import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pgErrorCode, PG_ERROR } from '../../database/database.ts';
import { findClearanceRequired } from '@myomap/domain/screening/find-clearance-required';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { loadImprovement } from '../../safety/improvement-service.ts';
import { loadSafety } from '../../safety/intake-service.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { findAppointmentById } from '../../stores/appointment-store.ts';
import { NonBlankText } from '@myomap/contract/common/text.schemas';
import { permit } from '../../lib/route-access.ts';

/** A reason, not a tick: long enough to say what was checked ("seen in ED, MRI normal"). */
const MIN_EMERGENCY_REASON = 15;
const URGENCY_ORDER: Record<string, number> = { emergency: 0, same_day: 1, soon: 2 };

function reviewPriority(outcome: string, result: { physicianReferral?: { urgency?: string } } & Record<string, unknown>) {
  const urgency = result.physicianReferral?.urgency;
  if (urgency && urgency in URGENCY_ORDER) return { rank: URGENCY_ORDER[urgency] ?? 2, urgency };
  if (outcome === 'refer_before_treatment') return { rank: 2, urgency: 'soon' };
  return findClearanceRequired(result).length > 0 ? { rank: 3, urgency: 'clearance' } : { rank: 4, urgency: 'precautions' };
}
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const safetyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/staff/patients/:id/safety', { config: { access: permit('safety.read') }, schema: { tags: ['safety'], params: IdParams } }, async (request) => {
    const actor = staffActor(request);
    return app.ctx.db.transaction(async (tx) => {
      const [patient] = await tx.query('select id from patients where id = $1', [request.params.id]);
      if (!patient) throw new AppError('not_found', 'No such patient.');
      const safety = await loadSafety(tx, request.params.id);
      const clinic = await loadClinic(tx);
      const improvement = await loadImprovement(tx, request.params.id, safety.answers['pain-now'], app.ctx.clock.now(), clinic.timeZone, app.ctx.config.reassessAfterWeeks);
      await writeAudit(tx, actor, { action: 'safety.read', entityType: 'patient', entityId: request.params.id });
      return { ...safety, improvement };
    });
  });

  // Where a red flag stands, reasoning stops: the source finder and plan proposal ask this first.
  app.get('/staff/patients/:id/reasoning', { config: { access: permit('reasoning.read') }, schema: { tags: ['safety'], params: IdParams } }, async (request) => {
    return app.ctx.db.transaction(async (tx) => {
      const [patient] = await tx.query('select id from patients where id = $1', [request.params.id]);
      if (!patient) throw new AppError('not_found', 'No such patient.');
      const { reasoning } = await loadSafety(tx, request.params.id);
      await writeAudit(tx, staffActor(request), { action: 'reasoning.read', entityType: 'patient', entityId: request.params.id });
      return reasoning;
    });
  });

  // The physician's queue: patients whose latest screen refers or sets precautions, not yet reviewed
  // since; most urgent first (emergency, same day, soon, clearance needed, precautions), then longest waiting.
  app.get('/staff/reviews', { config: { access: permit('review.queue.read') }, schema: { tags: ['safety'] } }, async (request) => {
    const rows = await app.ctx.db.query<{ patient_id: string; patient_name: string; outcome: string; result: { redFlags?: { id: string; name: { en: string; ar: string }; urgency: string }[]; physicianReferral?: { urgency?: string } }; created_at: Date; next_visit: Date | null }>(
      `select s.patient_id, p.name as patient_name, s.outcome, s.result, s.created_at,
         (select min(a.starts_at) from appointments a where a.patient_id = s.patient_id and a.kind = 'visit' and a.status = 'confirmed' and a.starts_at > $1) as next_visit
       from screenings s join patients p on p.id = s.patient_id
       where s.created_at = (select max(created_at) from screenings s2 where s2.patient_id = s.patient_id)
         and s.outcome <> 'proceed'
         and not exists (select 1 from physician_reviews r where r.patient_id = s.patient_id and r.created_at >= s.created_at)
       order by case s.outcome when 'refer_before_treatment' then 0 else 1 end, s.created_at`,
      [app.ctx.clock.now().toISOString()],
    );
    const queue = rows
      .map((r) => ({ row: r, priority: reviewPriority(r.outcome, r.result) }))
      .sort((a, b) => a.priority.rank - b.priority.rank || a.row.created_at.getTime() - b.row.created_at.getTime());
    await app.ctx.db.transaction((tx) => writeAudit(tx, staffActor(request), { action: 'reviews.queue.read', entityType: 'screening', after: { count: rows.length } }));
    return queue.map(({ row: r, priority }) => ({
      patientId: r.patient_id,
      patientName: r.patient_name,
      outcome: r.outcome,
      urgency: priority.urgency,
      redFlags: (r.result.redFlags ?? []).map((f) => ({ id: f.id, name: f.name, urgency: f.urgency })),
      screenedAt: r.created_at.toISOString(),
      nextVisit: r.next_visit?.toISOString() ?? null,
    }));
  });

  app.post(
    '/staff/patients/:id/reviews',
    {
      config: { access: permit('review.write') },
      schema: {
        tags: ['safety'],
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('clear'), Type.Literal('clear_with_precautions'), Type.Literal('refer')]),
            notes: Type.String({ maxLength: 4000 }),
            precautions: Type.Optional(Type.Array(NonBlankText({ maxLength: 500 }), { maxItems: 20 })),
            referral: Type.Optional(
              Type.Object(
                { to: NonBlankText({ maxLength: 300 }), tests: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 }), urgency: Type.Union([Type.Literal('emergency'), Type.Literal('same_day'), Type.Literal('soon')]) },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.decision === 'refer' && !b.referral) throw new AppError('validation_failed', 'A referral needs where to and how urgently.');
      if (b.decision === 'clear_with_precautions' && !(b.precautions?.length)) throw new AppError('validation_failed', 'List the precautions.');
      const actor = staffActor(request);
      const row = await app.ctx.db
        .transaction(async (tx) => {
          const [screening] = await tx.query<{ id: string; result: { physicianReferral?: { urgency?: string } } }>('select id, result from screenings where patient_id = $1 order by created_at desc limit 1', [request.params.id]);
          // Clearing an emergency flag is the physician's call, and it must be written down why.
          if (b.decision !== 'refer' && screening?.result.physicianReferral?.urgency === 'emergency' && b.notes.trim().length < MIN_EMERGENCY_REASON) {
            throw new AppError('clearance_reason_required', `Clearing an emergency flag needs a written reason (at least ${MIN_EMERGENCY_REASON} characters).`, { minLength: MIN_EMERGENCY_REASON });
          }
          const [saved] = await tx.query<{ id: string; created_at: Date }>(
            `insert into physician_reviews (patient_id, screening_id, decision, notes, precautions, referral, physician_id, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at`,
            [request.params.id, screening?.id ?? null, b.decision, b.notes, JSON.stringify(b.precautions ?? []), b.referral ? JSON.stringify(b.referral) : null, actor.id, app.ctx.clock.now().toISOString()],
          );
          await writeAudit(tx, actor, { action: `review.${b.decision}`, entityType: 'patient', entityId: request.params.id, after: b });
          return saved;
        })
        .catch((error: unknown) => {
          if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'No such patient.');
          throw error;
        });
      return reply.status(201).send({ id: row?.id, ...b, at: row?.created_at.toISOString() });
    },
  );

  // Starting a treatment session is where the gate holds: consent, screening and physician clearance.
  app.post('/staff/appointments/:id/sessions', { config: { access: permit('treatment.start') }, schema: { tags: ['safety'], params: IdParams } }, async (request, reply) => {
    const actor = staffActor(request);
    const result = await app.ctx.db.transaction(async (tx) => {
      const appointment = await findAppointmentById(tx, request.params.id, true);
      if (!appointment || appointment.kind !== 'visit' || appointment.status === 'cancelled') throw new AppError('not_found', 'No such active visit.');
      const [existing] = await tx.query<{ id: string }>('select id from treatment_sessions where appointment_id = $1', [appointment.id]);
      if (existing) return { id: existing.id, created: false };
      const safety = await loadSafety(tx, appointment.patientId ?? '');
      if (!safety.gate.allowed) {
        await writeAudit(tx, actor, { action: 'session.start_refused', entityType: 'appointment', entityId: appointment.id, after: { blocks: safety.gate.blocks } });
        return { refused: safety.gate.blocks };
      }
      const precautions = [
        ...((safety.screening?.result as { precautions?: { text: unknown }[] } | undefined)?.precautions ?? []).map((p) => p.text),
        ...safety.reviews.filter((r) => r.id === safety.standingReviewId).flatMap((r) => r.precautions),
      ];
      const [session] = await tx.query<{ id: string }>(
        'insert into treatment_sessions (appointment_id, patient_id, therapist_id, started_at, precautions) values ($1, $2, $3, $4, $5) returning id',
        [appointment.id, appointment.patientId, actor.id, app.ctx.clock.now().toISOString(), JSON.stringify(precautions)],
      );
      await writeAudit(tx, actor, { action: 'session.start', entityType: 'treatment_session', entityId: session?.id, after: { appointmentId: appointment.id } });
      return { id: session?.id, created: true, precautions };
    });
    if ('refused' in result && result.refused) {
      const block = result.refused[0] ?? 'physician_clearance_required';
      const messages = {
        identity_check_required: 'This online booking may belong to an existing patient. Reception must check and merge the records first.',
        consent_required: 'The patient has not signed the current consent. Ask them to sign before treatment.',
        screening_required: 'The intake and safety screen are not complete. Complete them before treatment.',
        physician_clearance_required: 'The safety screen refers this patient to a physician. Treatment waits until a physician clears them.',
        referred_by_physician: 'A physician has referred this patient on. Do not treat until they are cleared.',
      } as const;
      throw new AppError(block, messages[block], { blocks: result.refused });
    }
    return reply.status(result.created ? 201 : 200).send(result);
  });
};
