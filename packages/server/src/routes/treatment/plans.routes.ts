import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Temporal } from 'temporal-polyfill';
import { proposeTreatmentPlan } from '@myomap/domain/treatment/propose-treatment-plan';
import { PlanData } from '@myomap/domain/treatment/treatment-schemas';
import { needsPhysicianClearance } from '@myomap/domain/treatment/apply-precautions';
import { PrecautionOverride } from '@myomap/domain/treatment/precaution-schemas';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import type { Sql } from '../../database/database.ts';
import { pgErrorCode, PG_ERROR } from '../../database/database.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { hashToken, newReference, newToken } from '../../lib/tokens.ts';
import { localDate, parseOffsetIso, toZonedIso } from '../../lib/zoned-time.ts';
import { loadSafety } from '../../safety/intake-service.ts';
import { checkDraftAuthor } from '../../treatment/check-draft-author.ts';
import { enqueueConfirmationAndReminder } from '../../scheduling/enqueue-appointment-messages.ts';
import { findAvailability } from '../../scheduling/find-availability.ts';
import { insertAppointment } from '../../stores/appointment-store.ts';
import { findService } from '../../stores/catalog-store.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { findAssessment } from '../../stores/assessment-store.ts';
import { listOverrides } from '../../stores/precaution-override-store.ts';
import { guardPrecautions, loadPatientFlags } from '../../treatment/precaution-guard.ts';
import { IsoWithOffset } from '@myomap/contract/bookings/bookings.schemas';
import { permit } from '../../lib/route-access.ts';

const CoSign = { coSign: Type.Optional(Type.Boolean({ description: 'Set when a clinician other than the author edits or approves the draft; audited as a co-sign.' })) };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const techniqueIds = new Set(knowledgeBase.techniques.map((t) => t.id));
const muscleIds = new Set(knowledgeBase.muscles.map((m) => m.id));
const protocolIds = new Set(knowledgeBase.protocols.map((p) => p.id));
const selfCareIds = new Set(knowledgeBase.selfCare.map((s) => s.id));

function checkPlanIds(data: PlanData): void {
  const unknown = [
    ...data.protocolIds.filter((id) => !protocolIds.has(id)),
    ...data.targets.filter((t) => !muscleIds.has(t.muscleId)).map((t) => t.muscleId),
    ...data.targets.flatMap((t) => t.techniques.filter((d) => !techniqueIds.has(d.techniqueId)).map((d) => d.techniqueId)),
    ...data.homeProgram.filter((h) => !selfCareIds.has(h.selfCareId)).map((h) => h.selfCareId),
  ];
  if (unknown.length > 0) throw new AppError('validation_failed', `Unknown ids in the plan: ${[...new Set(unknown)].join(', ')}`, { ids: unknown });
}

async function planView(sql: Sql, id: string) {
  const [plan] = await sql.query<Record<string, unknown> & { series_id: string | null }>(
    `select p.id, p.patient_id as "patientId", pt.name as "patientName", p.created_by as "authorId", cr.name as "authorName", p.assessment_id as "assessmentId", p.status, p.data,
       p.requires_cosign as "requiresCosign", a.name as "approvedBy", p.approved_at as "approvedAt", c.name as "cosignedBy",
       p.cosigned_at as "cosignedAt", p.created_at as "createdAt", p.updated_at as "updatedAt",
       (select s.id from appointment_series s where s.plan_id = p.id order by s.created_at desc limit 1) as series_id
     from treatment_plans p join patients pt on pt.id = p.patient_id left join staff_users a on a.id = p.approved_by left join staff_users c on c.id = p.cosigned_by join staff_users cr on cr.id = p.created_by
     where p.id = $1`,
    [id],
  );
  if (!plan) throw new AppError('not_found', 'No such plan.');
  const clinic = await loadClinic(sql);
  const appointments = plan.series_id
    ? await sql.query<{ id: string; reference: string; starts_at: Date; status: string }>(
        `select id, reference, starts_at, status from appointments where series_id = $1 order by starts_at`,
        [plan.series_id],
      )
    : [];
  const { series_id, ...rest } = plan;
  // Overrides of the patient's precautions, with who and why: the co-signing physician reads them here.
  const overrides = await listOverrides(sql, { planId: id });
  return { ...rest, seriesId: series_id, overrides, appointments: appointments.map((a) => ({ id: a.id, reference: a.reference, start: toZonedIso(a.starts_at, clinic.timeZone), status: a.status })) };
}

export const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/staff/assessments/:id/plan', { config: { access: permit('plan.write') }, schema: { tags: ['treatment'], params: IdParams } }, async (request, reply) => {
    const actor = staffActor(request);
    const id = await app.ctx.db.transaction(async (tx) => {
      const assessment = await findAssessment(tx, request.params.id);
      if (!assessment) throw new AppError('not_found', 'No such assessment.');
      const clinic = await loadClinic(tx);
      const safety = await loadSafety(tx, assessment.patientId);
      // Where a red flag stands, reasoning stops: no proposal until a physician clears the patient.
      if (safety.reasoning.status === 'suspended') {
        throw new AppError('reasoning_suspended', safety.reasoning.reason.en, { reasoning: safety.reasoning });
      }
      const screeningPrecautions = ((safety.screening?.result as { precautions?: { text: { en: string } }[] } | undefined)?.precautions ?? []).map((p) => p.text.en);
      const reviewPrecautions = safety.reviews[0]?.precautions ?? [];
      const answers = safety.answers as Record<string, unknown>;
      const psfs = [1, 2, 3, 4, 5]
        .map((i) => ({ activity: answers[`psfs-${i}-activity`], score: answers[`psfs-${i}-score`] }))
        .filter((p): p is { activity: string; score: number } => typeof p.activity === 'string' && p.activity !== '' && typeof p.score === 'number');
      const painDuration = typeof answers['pain-duration'] === 'string' ? answers['pain-duration'] : undefined;
      const flags = await loadPatientFlags(tx, assessment.patientId);
      const data = proposeTreatmentPlan({
        flags,
        assessment: assessment.data,
        today: localDate(app.ctx.clock.now(), clinic.timeZone),
        precautions: [...screeningPrecautions, ...reviewPrecautions],
        psfs,
        ...(painDuration ? { painDuration } : {}),
      });
      const [plan] = await tx.query<{ id: string }>(
        `insert into treatment_plans (patient_id, assessment_id, data, requires_cosign, created_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6) returning id`,
        [assessment.patientId, assessment.id, JSON.stringify(data), safety.gate.withPrecautions || needsPhysicianClearance(flags), actor.id, app.ctx.clock.now().toISOString()],
      );
      await writeAudit(tx, actor, { action: 'plan.propose', entityType: 'treatment_plan', entityId: plan?.id, after: data });
      return plan?.id ?? '';
    });
    return reply.status(201).send(await planView(app.ctx.db, id));
  });

  app.get('/staff/plans/:id', { config: { access: permit('plan.read') }, schema: { tags: ['treatment'], params: IdParams } }, async (request) => {
    const view = await planView(app.ctx.db, request.params.id);
    await app.ctx.db.transaction((tx) => writeAudit(tx, staffActor(request), { action: 'plan.read', entityType: 'treatment_plan', entityId: request.params.id }));
    return view;
  });

  app.get('/staff/patients/:id/plans', { config: { access: permit('plan.read') }, schema: { tags: ['treatment'], params: IdParams } }, async (request) => {
    const rows = await app.ctx.db.query(
      `select id, status, created_at as "createdAt", requires_cosign as "requiresCosign", assessment_id as "assessmentId" from treatment_plans where patient_id = $1 order by created_at desc`,
      [request.params.id],
    );
    await app.ctx.db.transaction((tx) => writeAudit(tx, staffActor(request), { action: 'plan.list', entityType: 'patient', entityId: request.params.id }));
    return rows;
  });

  const PlanBody = Type.Object({ data: PlanData, overrides: Type.Optional(Type.Array(PrecautionOverride, { maxItems: 100 })), ...CoSign }, { additionalProperties: false });
  app.put('/staff/plans/:id', { config: { access: permit('plan.write') }, schema: { tags: ['treatment'], params: IdParams, body: PlanBody } }, async (request) => {
    checkPlanIds(request.body.data);
    const actor = staffActor(request);
    await app.ctx.db.transaction(async (tx) => {
      const [before] = await tx.query<{ status: string; data: unknown; created_by: string; patient_id: string }>('select status, data, created_by, patient_id from treatment_plans where id = $1 for update', [request.params.id]);
      if (!before) throw new AppError('not_found', 'No such plan.');
      if (before.status !== 'draft') throw new AppError('conflict', 'An approved plan is not edited; propose a new plan instead.');
      await checkDraftAuthor(tx, actor, { entityType: 'treatment_plan', id: request.params.id, authorId: before.created_by }, request.body.coSign, 'update');
      const overrides = request.body.overrides ?? [];
      const now = app.ctx.clock.now();
      await guardPrecautions(tx, { owner: { planId: request.params.id }, patientId: before.patient_id, draft: request.body.data, overrides, actor, now });
      // A plan that overrides a precaution is co-signed by a physician, who sees each reason.
      const overridden = (await listOverrides(tx, { planId: request.params.id })).length > 0;
      await tx.query('update treatment_plans set data = $2, updated_at = $3, requires_cosign = requires_cosign or $4 where id = $1', [request.params.id, JSON.stringify(request.body.data), now.toISOString(), overridden]);
      await writeAudit(tx, actor, { action: 'plan.update', entityType: 'treatment_plan', entityId: request.params.id, before: before.data, after: request.body.data });
    });
    return planView(app.ctx.db, request.params.id);
  });

  app.post('/staff/plans/:id/approve', { config: { access: permit('plan.approve') }, schema: { tags: ['treatment'], params: IdParams, body: Type.Optional(Type.Object(CoSign, { additionalProperties: false })) } }, async (request) => {
    const actor = staffActor(request);
    await app.ctx.db.transaction(async (tx) => {
      const [plan] = await tx.query<{ status: string; requires_cosign: boolean; created_by: string; data: PlanData; patient_id: string }>('select status, requires_cosign, created_by, data, patient_id from treatment_plans where id = $1 for update', [request.params.id]);
      if (!plan) throw new AppError('not_found', 'No such plan.');
      if (plan.status !== 'draft') throw new AppError('conflict', 'This plan is already approved.');
      // Approving is signing the draft: its author, or another clinician who says they co-sign.
      await checkDraftAuthor(tx, actor, { entityType: 'treatment_plan', id: request.params.id, authorId: plan.created_by }, request.body?.coSign, 'approve');
      // The precautions may have changed since the plan was written (a new screening): check again.
      await guardPrecautions(tx, { owner: { planId: request.params.id }, patientId: plan.patient_id, draft: plan.data, overrides: [], actor, now: app.ctx.clock.now() });
      // With screening precautions a physician co-signs; a physician approving also co-signs.
      const cosigns = plan.requires_cosign && actor.role === 'physician';
      const status = plan.requires_cosign && !cosigns ? 'awaiting_cosign' : 'approved';
      const now = app.ctx.clock.now().toISOString();
      await tx.query(
        `update treatment_plans set status = $2, approved_by = $3, approved_at = $4, cosigned_by = case when $5 then $3 else cosigned_by end, cosigned_at = case when $5 then $4::timestamptz else cosigned_at end where id = $1`,
        [request.params.id, status, actor.id, now, cosigns],
      );
      await writeAudit(tx, actor, { action: 'plan.approve', entityType: 'treatment_plan', entityId: request.params.id, after: { status } });
    });
    return planView(app.ctx.db, request.params.id);
  });

  app.post('/staff/plans/:id/cosign', { config: { access: permit('plan.cosign') }, schema: { tags: ['treatment'], params: IdParams } }, async (request) => {
    const actor = staffActor(request);
    await app.ctx.db.transaction(async (tx) => {
      const [plan] = await tx.query<{ status: string }>('select status from treatment_plans where id = $1 for update', [request.params.id]);
      if (!plan) throw new AppError('not_found', 'No such plan.');
      if (plan.status !== 'awaiting_cosign') throw new AppError('conflict', 'This plan is not waiting for a co-signature.');
      await tx.query(`update treatment_plans set status = 'approved', cosigned_by = $2, cosigned_at = $3 where id = $1`, [request.params.id, actor.id, app.ctx.clock.now().toISOString()]);
      await writeAudit(tx, actor, { action: 'plan.cosign', entityType: 'treatment_plan', entityId: request.params.id });
    });
    return planView(app.ctx.db, request.params.id);
  });

  app.post(
    '/staff/plans/:id/series',
    {
      config: { access: permit('plan.series.book') },
      schema: {
        tags: ['treatment'],
        params: IdParams,
        body: Type.Object(
          {
            serviceId: Type.String({ minLength: 1, maxLength: 100 }),
            practitionerId: Type.String({ minLength: 1, maxLength: 100 }),
            firstStart: IsoWithOffset,
            count: Type.Integer({ minimum: 1, maximum: 26 }),
            intervalDays: Type.Integer({ minimum: 1, maximum: 60 }),
            dryRun: Type.Boolean(),
            choices: Type.Optional(Type.Record(Type.String({ pattern: '^\\d{1,2}$' }), IsoWithOffset)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const first = parseOffsetIso(b.firstStart);
      if (!first) throw new AppError('validation_failed', '`firstStart` must be a real time with an offset.');
      const actor = staffActor(request);
      const result = await app.ctx.db
        .transaction(async (tx) => {
          const now = app.ctx.clock.now();
          const clinic = await loadClinic(tx);
          const [plan] = await tx.query<{ patient_id: string; status: string }>('select patient_id, status from treatment_plans where id = $1 for update', [request.params.id]);
          if (!plan) throw new AppError('not_found', 'No such plan.');
          if (plan.status !== 'approved') throw new AppError('conflict', 'Approve the plan (and have it co-signed if needed) before booking its series.');
          const service = await findService(tx, b.serviceId);
          if (!service || !service.active) throw new AppError('unknown_service', 'No such service.');
          // The same wall-clock time each interval, in the clinic's zone (so DST never shifts it).
          const firstLocal = Temporal.Instant.fromEpochMilliseconds(first.getTime()).toZonedDateTimeISO(clinic.timeZone);
          const visits = [];
          for (let index = 0; index < b.count; index++) {
            const requested = firstLocal.add({ days: index * b.intervalDays });
            const chosenIso = b.choices?.[String(index)];
            const chosen = chosenIso ? parseOffsetIso(chosenIso) : new Date(requested.epochMilliseconds);
            if (!chosen) throw new AppError('validation_failed', `Choice ${index} is not a valid time.`);
            const date = localDate(chosen, clinic.timeZone);
            const from = requested.toPlainDate().toString();
            const to = requested.toPlainDate().add({ days: 3 }).toString();
            const slots = await findAvailability(tx, { clinic, service, practitionerId: b.practitionerId, fromDate: from < date ? from : date, toDate: to > date ? to : date, now, online: false });
            const free = slots.some((s) => s.startEpochMs === chosen.getTime());
            const alternatives = free
              ? []
              : [...slots]
                  .sort((x, y) => Math.abs(x.startEpochMs - requested.epochMilliseconds) - Math.abs(y.startEpochMs - requested.epochMilliseconds))
                  .slice(0, 3)
                  .sort((x, y) => x.startEpochMs - y.startEpochMs)
                  .map((s) => s.start);
            visits.push({ index, requested: toZonedIso(chosen, clinic.timeZone), status: free ? ('free' as const) : ('clash' as const), alternatives, slot: slots.find((s) => s.startEpochMs === chosen.getTime()) });
          }
          if (b.dryRun) return { dryRun: true, visits: visits.map(({ slot: _s, ...v }) => v) };
          const clashes = visits.filter((v) => v.status === 'clash');
          if (clashes.length > 0) throw new AppError('slot_unavailable', 'Some visits clash; choose alternatives for them.', { visits: visits.map(({ slot: _s, ...v }) => v) });
          const [series] = await tx.query<{ id: string }>('insert into appointment_series (plan_id) values ($1) returning id', [request.params.id]);
          const booked = [];
          for (const visit of visits) {
            const slot = visit.slot;
            if (!slot) continue;
            const manageToken = newToken();
            const row = await insertAppointment(tx, {
              reference: newReference(), kind: 'visit', serviceId: service.id, practitionerId: slot.practitionerId, roomId: slot.roomId ?? null,
              patientId: plan.patient_id, seriesId: series?.id ?? null, start: new Date(slot.startEpochMs), end: new Date(slot.endEpochMs),
              bufferBeforeMinutes: service.bufferBeforeMinutes, bufferAfterMinutes: service.bufferAfterMinutes, manageTokenHash: hashToken(manageToken), source: 'staff', now,
            });
            await enqueueConfirmationAndReminder(tx, app.ctx, clinic, row, manageToken, now);
            booked.push({ index: visit.index, requested: visit.requested, status: 'booked' as const, alternatives: [], booked: { id: row.id, reference: row.reference, start: toZonedIso(row.startsAt, clinic.timeZone) } });
          }
          await writeAudit(tx, actor, { action: 'plan.series_booked', entityType: 'treatment_plan', entityId: request.params.id, after: { seriesId: series?.id, visits: booked.map((v) => v.booked) } });
          return { dryRun: false, seriesId: series?.id, visits: booked };
        })
        .catch((error: unknown) => {
          if (pgErrorCode(error) === PG_ERROR.exclusionViolation) throw new AppError('slot_unavailable', 'A visit was taken while booking; preview again.');
          throw error;
        });
      return reply.status(result.dryRun ? 200 : 201).send(result);
    },
  );
};
