import type { FastifyContextConfig, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { chooseEncoding } from '../../lib/accept-encoding.ts';
import { AppError } from '../../lib/app-error.ts';
import { daysBetween, isRealDate } from '../../lib/zoned-time.ts';
import { AvailabilityCache } from '../../scheduling/availability-cache.ts';
import { readAvailability, type AvailabilityRequest } from '../../scheduling/read-availability.ts';
import { PUBLIC } from '../../lib/route-access.ts';
import { AvailabilityCompactOut, AvailabilityOut, AvailabilityQuery } from '@myomap/contract/scheduling/availability.schemas';

export const MAX_RANGE_DAYS = 92;
const MS_PER_MINUTE = 60_000;

export const availabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { clock } = app.ctx;
  const { version, catalog, busy } = app.schedule;
  const cache = new AvailabilityCache(version);

  /** A miss: checks the dates, then computes once for everyone asking the same (single-flight). */
  const computeAnswer = (key: string, minute: number, query: AvailabilityRequest) => {
    const { from, to } = query;
    if (!isRealDate(from) || !isRealDate(to)) throw new AppError('validation_failed', 'from and to must be real calendar dates (YYYY-MM-DD).');
    const span = daysBetween(from, to);
    if (span < 0) throw new AppError('invalid_range', '`from` must not be after `to`.');
    if (span + 1 > MAX_RANGE_DAYS) throw new AppError('invalid_range', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
    return cache.get(key, minute, () => readAvailability(catalog, busy, query, new Date(minute * MS_PER_MINUTE)));
  };

  app.get(
    '/availability',
    {
      // What a cached answer passes through, and why (issue 13: a hit should cost close to a bare route):
      // - helmet's headers (lib/security-headers.ts): kept, as on every response; built once, not per request;
      // - access (lib/route-access.ts): PUBLIC, so no session or CSRF is read: the check returns at once;
      // - the NUL/surrogate guard (build-app.ts preValidation) and the query schema: kept, they are cheap
      //   and every route has them; the date checks run only on a miss (a hit's dates were checked then);
      // - @fastify/compress: skipped (`compress: false`), the cache holds the compressed bytes;
      // - response serialisation: none, the bytes are sent as they are;
      // - no rate limit: there never was one on this read (the plugin is `global: false`); booking has its own;
      // - metrics (when on) and request logging (when on): kept, operators need them.
      config: { access: PUBLIC, compress: false } as FastifyContextConfig,
      schema: {
        operationId: 'getAvailability',
        summary: 'Open slots for a service between two dates; format=compact for the compact form (docs/api-availability.md)',
        tags: ['public'],
        querystring: AvailabilityQuery,
        response: { 200: Type.Union([AvailabilityOut, AvailabilityCompactOut]), 304: Type.Null({ description: 'Not modified (If-None-Match)' }) },
      },
    },
    async (request, typedReply) => {
      // The body is bytes from the cache, not an object for the response schema's serialiser.
      const reply = typedReply as FastifyReply;
      const { serviceId, from, to, practitionerId, format = 'full' } = request.query;
      // One answer per minute: computed for the minute's end, so a slot leaves the answer as soon as
      // any instant of the minute is past its minimum notice (booking checks the exact time anyway).
      const minute = Math.ceil(clock.now().getTime() / MS_PER_MINUTE);
      const key = JSON.stringify([format, serviceId, practitionerId ?? '', from, to]);
      // A hit is a lookup and a send of stored bytes: the same question was answered (so its dates
      // were checked) under this schedule version and minute.
      const answer = cache.peek(key, minute) ?? (await computeAnswer(key, minute, { serviceId, practitionerId, from, to, format }));
      void reply.header('vary', 'accept-encoding').header('etag', answer.etag).header('cache-control', 'no-cache');
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch?.split(',').some((tag) => tag.trim() === answer.etag)) return reply.code(304).send();
      void reply.type('application/json; charset=utf-8');
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (!encoding) return reply.send(answer.json);
      return reply.header('content-encoding', encoding).send(answer.encodedNow(encoding) ?? (await answer.encoded(encoding)));
    },
  );
};
