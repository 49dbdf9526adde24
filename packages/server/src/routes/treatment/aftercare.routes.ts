import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { publicActor, staffActor } from '../../lib/staff-session.ts';
import { hashToken } from '../../lib/tokens.ts';
import { toZonedIso } from '../../lib/zoned-time.ts';
import { aftercareAdviceText } from '../../messages/aftercare-messages.ts';
import { enqueue } from '../../scheduling/enqueue-appointment-messages.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { PATIENT_TOKEN, permit } from '../../lib/route-access.ts';

// Answers that may signal an adverse event (clinical-reference §6 "call back / seek care if").
const URGENT_SIGNS = ['calf_swelling', 'dark_urine', 'new_weakness', 'numbness_tingling', 'spreading_bruising', 'chest_pain_breathless', 'severe_soreness'] as const;
const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

export const aftercareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const findCheckin = async (token: string) => {
    const [row] = await app.ctx.db.query<{
      id: string; session_id: string; opens_at: Date; answered_at: Date | null; name: string; lang: 'en' | 'ar'; started_at: Date; therapist_id: string; patient_id: string;
    }>(
      `select c.id, c.session_id, c.opens_at, c.answered_at, p.name, p.preferred_language as lang, s.started_at, s.therapist_id, c.patient_id
       from aftercare_checkins c join patients p on p.id = c.patient_id join treatment_sessions s on s.id = c.session_id where c.token_hash = $1`,
      [hashToken(token)],
    );
    if (!row) throw new AppError('not_found', 'This link is not valid.');
    return row;
  };

  app.get('/aftercare/:token', { config: { access: PATIENT_TOKEN }, schema: { tags: ['aftercare'], params: TokenParams } }, async (request) => {
    const row = await findCheckin(request.params.token);
    const clinic = await loadClinic(app.ctx.db);
    const now = app.ctx.clock.now();
    const advice = (lang: 'en' | 'ar') => aftercareAdviceText(lang, row.name, lang === 'ar' ? clinic.nameAr : clinic.nameEn, clinic.phone, '').body.split('\n').slice(2, -2).join('\n');
    return {
      patientName: row.name,
      visitDate: toZonedIso(row.started_at, clinic.timeZone),
      clinicPhone: clinic.phone,
      advice: { en: advice('en'), ar: advice('ar') },
      checkin: { status: row.answered_at ? 'answered' : now < row.opens_at ? 'not_yet_open' : 'pending', dueAt: row.opens_at.toISOString() },
    };
  });

  app.post(
    '/aftercare/:token',
    {
      config: { access: PATIENT_TOKEN, rateLimit: { max: 30, timeWindow: '1 minute' } },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        tags: ['aftercare'],
        params: TokenParams,
        body: Type.Object(
          {
            soreness: Type.Integer({ minimum: 0, maximum: 10 }),
            relief: Type.Union([Type.Literal('none'), Type.Literal('some'), Type.Literal('a_lot')]),
            unexpected: Type.Array(Type.Union(URGENT_SIGNS.map((s) => Type.Literal(s))), { maxItems: URGENT_SIGNS.length, uniqueItems: true }),
            notes: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const row = await findCheckin(request.params.token);
      if (row.answered_at) throw new AppError('conflict', 'This check-in is already answered. Call the clinic if anything has changed.');
      const b = request.body;
      // Soreness of 8+ a day later is beyond the usual post-treatment discomfort.
      const adverse = b.unexpected.length > 0 || b.soreness >= 8;
      await app.ctx.db.transaction(async (tx) => {
        const now = app.ctx.clock.now();
        await tx.query(`update aftercare_checkins set answered_at = $2, soreness = $3, relief = $4, unexpected = $5, notes = $6, adverse = $7 where id = $1`, [
          row.id, now.toISOString(), b.soreness, b.relief, JSON.stringify(b.unexpected), b.notes ?? null, adverse,
        ]);
        if (adverse) {
          const message = `${row.name} reported after their session: soreness ${b.soreness}/10${b.unexpected.length ? `, ${b.unexpected.join(', ')}` : ''}${b.notes ? ` — "${b.notes}"` : ''}. Please contact them today.`;
          await tx.query('insert into staff_alerts (user_id, kind, patient_id, message, created_at) values ($1, $2, $3, $4, $5)', [row.therapist_id, 'adverse_checkin', row.patient_id, message, now.toISOString()]);
          const [therapist] = await tx.query<{ email: string }>('select email from staff_users where id = $1', [row.therapist_id]);
          if (therapist) {
            await enqueue(tx, { dedupeKey: `adverse-alert:${row.id}`, kind: 'staff_alert', recipient: therapist.email, subject: `Same-day follow-up: ${row.name}`, body: message, attachments: [], sendAfter: now }, app.ctx.config.sessionSecret);
          }
        }
        await writeAudit(tx, publicActor(request), { action: 'aftercare.checkin', entityType: 'aftercare_checkin', entityId: row.id, after: { ...b, adverse } });
      });
      return { answered: true, adverse };
    },
  );

  app.get('/staff/alerts', { config: { access: permit('alerts.read') }, schema: { tags: ['staff'] } }, async (request) => {
    const actor = staffActor(request);
    return app.ctx.db.transaction(async (tx) => {
      const rows = await tx.query(
        `select a.id, a.kind, a.patient_id as "patientId", p.name as "patientName", a.message, a.created_at as "createdAt", a.read_at as "readAt"
         from staff_alerts a left join patients p on p.id = a.patient_id where a.user_id = $1 order by a.read_at nulls first, a.created_at desc limit 100`,
        [actor.id],
      );
      // Alerts quote patients' symptoms: reading them is a read of clinical data.
      await writeAudit(tx, actor, { action: 'alerts.read', entityType: 'staff_alert', after: { count: rows.length } });
      return rows;
    });
  });

  app.post('/staff/alerts/:id/read', { config: { access: permit('alerts.read') }, schema: { tags: ['staff'], params: Type.Object({ id: Type.String({ maxLength: 100 }) }) } }, async (request) => {
    const actor = staffActor(request);
    return app.ctx.db.transaction(async (tx) => {
      const rows = await tx.query('update staff_alerts set read_at = $3 where id = $1 and user_id = $2 and read_at is null returning id', [
        request.params.id, actor.id, app.ctx.clock.now().toISOString(),
      ]);
      if (rows.length > 0) await writeAudit(tx, actor, { action: 'alerts.mark_read', entityType: 'staff_alert', entityId: request.params.id });
      return { read: rows.length > 0 };
    });
  });
};
