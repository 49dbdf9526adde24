import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createEvents, type EventAttributes } from 'ics';
import { AppError } from '../../lib/app-error.ts';
import { CALENDAR_TOKEN } from '../../lib/route-access.ts';

const utc = (d: Date): [number, number, number, number, number] => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];

/**
 * A private iCalendar feed per practitioner, for their phone's calendar. The secret token in
 * the URL is the only key, so the feed shows first names and services, no clinical detail.
 */
export const calendarFeedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/:practitionerId/feed.ics',
    { config: { access: CALENDAR_TOKEN }, schema: { tags: ['staff'], params: Type.Object({ practitionerId: Type.String({ maxLength: 100 }) }), querystring: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }) } },
    async (request, reply) => {
      const { db, clock } = app.ctx;
      const [practitioner] = await db.query<{ id: string; name_en: string }>('select id, name_en from practitioners where id = $1 and calendar_token = $2', [
        request.params.practitionerId,
        request.query.token,
      ]);
      if (!practitioner) throw new AppError('not_found', 'No calendar at this address.');
      const rows = await db.query<{ id: string; kind: string; starts_at: Date; ends_at: Date; patient_name: string | null; service_name: string | null; room: string | null }>(
        `select a.id, a.kind, a.starts_at, a.ends_at, split_part(pt.name, ' ', 1) as patient_name, s.name_en as service_name, r.name_en as room
         from appointments a left join patients pt on pt.id = a.patient_id left join services s on s.id = a.service_id left join rooms r on r.id = a.room_id
         where a.practitioner_id = $1 and a.status <> 'cancelled' and a.kind <> 'hold' and a.starts_at > $2::timestamptz - interval '30 days'
         order by a.starts_at limit 2000`,
        [practitioner.id, clock.now().toISOString()],
      );
      const events: EventAttributes[] = rows.map((r) => ({
        uid: `${r.id}@myomap`,
        start: utc(r.starts_at),
        startInputType: 'utc',
        startOutputType: 'utc',
        end: utc(r.ends_at),
        endInputType: 'utc',
        endOutputType: 'utc',
        title: r.kind === 'block' ? 'Blocked' : `${r.service_name ?? 'Visit'}: ${r.patient_name ?? ''}`,
        ...(r.room ? { location: r.room } : {}),
      }));
      const { error, value } = events.length > 0 ? createEvents(events) : { error: undefined, value: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:myomap\r\nEND:VCALENDAR\r\n' };
      if (error || !value) throw error ?? new Error('calendar feed failed');
      return reply.type('text/calendar; charset=utf-8').send(value);
    },
  );
};
