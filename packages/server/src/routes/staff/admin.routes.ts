import { can } from '@myomap/domain/access/permissions';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Sql } from '../../database/database.ts';
import { pgErrorCode, PG_ERROR } from '../../database/database.ts';
import { showRedacted } from '../../lib/seal-links.ts';
import { AppError } from '../../lib/app-error.ts';
import { redactSecrets, writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { isRealDate } from '../../lib/zoned-time.ts';
import { listPractitioners, listServices } from '../../stores/catalog-store.ts';
import { NonBlankText } from '@myomap/contract/common/text.schemas';
import { permit } from '../../lib/route-access.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
const Interval = Type.Object({ weekday: Type.Integer({ minimum: 1, maximum: 7 }), start: Time, end: Time }, { additionalProperties: false });
const Name = NonBlankText({ maxLength: 200 });

const PractitionerFields = {
  nameEn: Name, nameAr: Name, titleEn: Type.String({ maxLength: 200 }), titleAr: Type.String({ maxLength: 200 }),
  kind: Type.Union([Type.Literal('therapist'), Type.Literal('physician')]), color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
  bookableOnline: Type.Boolean(), active: Type.Boolean(), serviceIds: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
};
const ServiceFields = {
  nameEn: Name, nameAr: Name, descriptionEn: Type.String({ maxLength: 2000 }), descriptionAr: Type.String({ maxLength: 2000 }),
  durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }), bufferBeforeMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
  bufferAfterMinutes: Type.Integer({ minimum: 0, maximum: 120 }), practitionerKind: Type.Union([Type.Literal('therapist'), Type.Literal('physician')]),
  requiresRoom: Type.Boolean(), priceAed: Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()]), bookableOnline: Type.Boolean(), active: Type.Boolean(),
};
const RoomFields = { nameEn: Name, nameAr: Name, active: Type.Boolean() };

const columns: Record<string, string> = {
  nameEn: 'name_en', nameAr: 'name_ar', titleEn: 'title_en', titleAr: 'title_ar', kind: 'kind', color: 'color', bookableOnline: 'bookable_online',
  active: 'active', descriptionEn: 'description_en', descriptionAr: 'description_ar', durationMinutes: 'duration_minutes',
  bufferBeforeMinutes: 'buffer_before_minutes', bufferAfterMinutes: 'buffer_after_minutes', practitionerKind: 'practitioner_kind',
  requiresRoom: 'requires_room', priceAed: 'price_aed',
};

/** Writes the given fields of one row: insert when id is undefined, else update. Columns come from a fixed map. */
async function upsertRow(tx: Sql, table: 'practitioners' | 'services' | 'rooms', id: string | undefined, fields: Record<string, unknown>): Promise<string> {
  const entries = Object.entries(fields).filter(([key, value]) => key in columns && value !== undefined);
  if (id === undefined) {
    const [row] = await tx.query<{ id: string }>(
      `insert into ${table} (${entries.map(([k]) => columns[k]).join(', ')}) values (${entries.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
      entries.map(([, v]) => v),
    );
    return row?.id ?? '';
  }
  if (entries.length > 0) {
    const result = await tx.query(`update ${table} set ${entries.map(([k], i) => `${columns[k]} = $${i + 2}`).join(', ')} where id = $1 returning id`, [id, ...entries.map(([, v]) => v)]);
    if (result.length === 0) throw new AppError('not_found', `No such ${table.slice(0, -1)}.`);
  }
  return id;
}

async function setPractitionerServices(tx: Sql, practitionerId: string, serviceIds: string[] | undefined) {
  if (!serviceIds) return;
  await tx.query('delete from practitioner_services where practitioner_id = $1', [practitionerId]);
  for (const serviceId of serviceIds) await tx.query('insert into practitioner_services (practitioner_id, service_id) values ($1, $2)', [practitionerId, serviceId]);
}

const invalidReference = (error: unknown): never => {
  if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'A referenced record does not exist.');
  if (pgErrorCode(error) === PG_ERROR.checkViolation) throw new AppError('validation_failed', 'A value is outside what the clinic allows.');
  throw error;
};

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const crud = (table: 'practitioners' | 'services' | 'rooms', fields: Record<string, TSchema>, after?: (tx: Sql, id: string, body: Record<string, unknown>) => Promise<void>) => {
    const path = `/staff/${table}`;
    const write = (id: string | undefined) => async (request: { body: Record<string, unknown> } & Parameters<typeof staffActor>[0]) => {
      const actor = staffActor(request);
      return app.ctx.db
        .transaction(async (tx) => {
          const [before] = id ? await tx.query(`select * from ${table} where id = $1`, [id]) : [];
          const savedId = await upsertRow(tx, table, id, request.body);
          await after?.(tx, savedId, request.body);
          const [saved] = await tx.query(`select * from ${table} where id = $1`, [savedId]);
          await writeAudit(tx, actor, { action: `${table}.${id ? 'update' : 'create'}`, entityType: table.slice(0, -1), entityId: savedId, before, after: saved });
          return { id: savedId };
        })
        .catch(invalidReference);
    };
    app.post(path, { config: { access: permit('catalog.manage') }, schema: { tags: ['admin'], body: Type.Object(fields, { additionalProperties: false }) } }, async (request, reply) =>
      reply.status(201).send(await write(undefined)(request as never)),
    );
    app.patch(`${path}/:id`, { config: { access: permit('catalog.manage') }, schema: { tags: ['admin'], params: IdParams, body: Type.Partial(Type.Object(fields, { additionalProperties: false })) } }, async (request) =>
      write((request.params).id)(request as never),
    );
  };

  app.get('/staff/practitioners', { config: { access: permit('catalog.read') }, schema: { tags: ['staff'] } }, async () => {
    const practitioners = await listPractitioners(app.ctx.db, false);
    const hours = await app.ctx.db.query<{ practitioner_id: string; weekday: number; start: string; end: string; is_break: boolean }>(
      `select practitioner_id, weekday, to_char(start_time, 'HH24:MI') as start, to_char(end_time, 'HH24:MI') as "end", false as is_break from working_hours
       union all select practitioner_id, weekday, to_char(start_time, 'HH24:MI'), to_char(end_time, 'HH24:MI'), true from breaks order by 1, 2, 3`,
    );
    return practitioners.map((p) => ({
      ...p,
      weeklyHours: hours.filter((h) => h.practitioner_id === p.id && !h.is_break).map(({ weekday, start, end }) => ({ weekday, start, end })),
      breaks: hours.filter((h) => h.practitioner_id === p.id && h.is_break).map(({ weekday, start, end }) => ({ weekday, start, end })),
    }));
  });
  app.get('/staff/services', { config: { access: permit('catalog.read') }, schema: { tags: ['staff'] } }, async () => listServices(app.ctx.db, false));
  app.get('/staff/rooms', { config: { access: permit('catalog.read') }, schema: { tags: ['staff'] } }, async () =>
    app.ctx.db.query(`select id, name_en as "nameEn", name_ar as "nameAr", active from rooms order by id`),
  );

  crud('practitioners', PractitionerFields, (tx, id, body) => setPractitionerServices(tx, id, body.serviceIds as string[] | undefined));
  crud('services', ServiceFields);
  crud('rooms', RoomFields);

  app.put(
    '/staff/practitioners/:id/schedule',
    { config: { access: permit('catalog.manage') }, schema: { tags: ['admin'], params: IdParams, body: Type.Object({ weeklyHours: Type.Array(Interval, { maxItems: 50 }), breaks: Type.Array(Interval, { maxItems: 50 }) }, { additionalProperties: false }) } },
    async (request) => {
      const { weeklyHours, breaks } = request.body;
      for (const interval of [...weeklyHours, ...breaks]) {
        if (interval.start >= interval.end) throw new AppError('validation_failed', `An interval on weekday ${interval.weekday} ends before it starts.`);
      }
      const actor = staffActor(request);
      return app.ctx.db
        .transaction(async (tx) => {
          const id = request.params.id;
          const [exists] = await tx.query('select 1 from practitioners where id = $1', [id]);
          if (!exists) throw new AppError('not_found', 'No such practitioner.');
          await tx.query('delete from working_hours where practitioner_id = $1', [id]);
          await tx.query('delete from breaks where practitioner_id = $1', [id]);
          for (const h of weeklyHours) await tx.query('insert into working_hours (practitioner_id, weekday, start_time, end_time) values ($1, $2, $3, $4)', [id, h.weekday, h.start, h.end]);
          for (const b of breaks) await tx.query('insert into breaks (practitioner_id, weekday, start_time, end_time) values ($1, $2, $3, $4)', [id, b.weekday, b.start, b.end]);
          await writeAudit(tx, actor, { action: 'practitioners.schedule', entityType: 'practitioner', entityId: id, after: request.body });
          return { id, weeklyHours, breaks };
        });
    },
  );

  app.get('/staff/exceptions', { config: { access: permit('catalog.read') }, schema: { tags: ['staff'] } }, async () =>
    app.ctx.db.query(
      `select id, practitioner_id as "practitionerId", kind, date_from::text as "dateFrom", date_to::text as "dateTo",
         to_char(start_time, 'HH24:MI') as start, to_char(end_time, 'HH24:MI') as "end", note
       from schedule_exceptions order by date_from desc`,
    ),
  );

  app.post(
    '/staff/exceptions',
    {
      config: { access: permit('exceptions.write') },
      schema: {
        tags: ['admin'],
        body: Type.Object(
          {
            practitionerId: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
            kind: Type.Union([Type.Literal('closed'), Type.Literal('extra_hours')]),
            dateFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            dateTo: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            start: Type.Optional(Time),
            end: Type.Optional(Time),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (!isRealDate(b.dateFrom) || !isRealDate(b.dateTo) || b.dateFrom > b.dateTo) throw new AppError('invalid_range', 'Give real dates with dateFrom ≤ dateTo.');
      if ((b.start === undefined) !== (b.end === undefined) || (b.start && b.end && b.start >= b.end)) throw new AppError('validation_failed', 'Give both start and end, start first, or neither.');
      if (b.kind === 'extra_hours' && !b.start) throw new AppError('validation_failed', 'Extra hours need a start and an end.');
      const actor = staffActor(request);
      const row = await app.ctx.db
        .transaction(async (tx) => {
          const [saved] = await tx.query<{ id: string }>(
            `insert into schedule_exceptions (practitioner_id, kind, date_from, date_to, start_time, end_time, note) values ($1,$2,$3,$4,$5,$6,$7) returning id`,
            [b.practitionerId, b.kind, b.dateFrom, b.dateTo, b.start ?? null, b.end ?? null, b.note ?? ''],
          );
          await writeAudit(tx, actor, { action: 'exceptions.create', entityType: 'schedule_exception', entityId: saved?.id, after: b });
          return saved;
        })
        .catch(invalidReference);
      return reply.status(201).send({ id: row?.id, ...b });
    },
  );

  app.delete('/staff/exceptions/:id', { config: { access: permit('exceptions.write') }, schema: { tags: ['admin'], params: IdParams } }, async (request) => {
    const actor = staffActor(request);
    return app.ctx.db.transaction(async (tx) => {
      const [before] = await tx.query('delete from schedule_exceptions where id = $1 returning *', [request.params.id]);
      if (!before) throw new AppError('not_found', 'No such exception.');
      await writeAudit(tx, actor, { action: 'exceptions.delete', entityType: 'schedule_exception', entityId: request.params.id, before });
      return { deleted: true };
    });
  });

  app.get(
    '/staff/audit',
    {
      config: { access: permit('audit.read') },
      schema: {
        tags: ['admin'],
        querystring: Type.Object({
          entityType: Type.Optional(Type.String({ maxLength: 100 })),
          entityId: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (request) => {
      const { entityType, entityId, limit } = request.query;
      // Reading the log is itself a read of note contents and demographics: audited, in one transaction.
      return app.ctx.db.transaction(async (tx) => {
        const rows = await tx.query<{ before: unknown; after: unknown }>(
          `select l.id, l.at, l.actor_type as "actorType", l.actor_id as "actorId", u.name as "actorName", l.actor_role as "actorRole",
             l.action, l.entity_type as "entityType", l.entity_id as "entityId", l.before, l.after
           from audit_log l left join staff_users u on u.id = l.actor_id
           where ($1::text is null or l.entity_type = $1) and ($2::text is null or l.entity_id = $2)
           order by l.id desc limit $3`,
          [entityType ?? null, entityId ?? null, limit ?? 100],
        );
        await writeAudit(tx, staffActor(request), { action: 'audit.read', entityType: 'audit_log', after: { entityType, entityId, limit: limit ?? 100, count: rows.length } });
        // Rows written before secrets were stripped at write time still hold them (the log is append-only): redact on the way out.
        return rows.map((row) => ({ ...row, before: redactSecrets(row.before), after: redactSecrets(row.after) }));
      });
    },
  );

  // Staff read what was sent, never a live link: sealed links show as …?token=•••••.
  // Invitation and reset emails (which set a password) are listed to admins only.
  app.get('/staff/mailbox', { config: { access: permit('mailbox.read') }, schema: { tags: ['staff'] } }, async (request) => {
    const actor = staffActor(request);
    return app.ctx.db.transaction(async (tx) => {
      const rows = await tx.query<{ kind: string; body: string; sealedLinks: string | null }>(
        `select id, kind, recipient, subject, body_text as "body", sealed_links as "sealedLinks", status, transport, send_after as "sendAfter", sent_at as "sentAt",
           jsonb_array_length(attachments) as "attachmentCount", last_error as "lastError"
         from outbox where kind <> 'staff_account' or $1 = 'admin' order by created_at desc limit 200`,
        [actor.role ?? ''],
      );
      await writeAudit(tx, actor, { action: 'mailbox.read', entityType: 'outbox', after: { count: rows.length } });
      // A staff alert quotes the patient's symptoms: its body is for those who may read alerts.
      const clinical = actor.role !== undefined && can(actor.role, 'alerts.read');
      return rows.map(({ sealedLinks, ...row }) =>
        row.kind === 'staff_alert' && !clinical
          ? { ...row, body: '', bodyHidden: true }
          : { ...row, body: showRedacted(app.ctx.config.sessionSecret, row.body, sealedLinks) },
      );
    });
  });
};
