import { timingSafeEqual, createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../app-context.ts';
import { readOutboxBacklog } from '../stores/operations-store.ts';
import { AppError } from './app-error.ts';
import { PUBLIC } from './route-access.ts';

/** The routes that book a visit: their answers count as booking outcomes. */
const BOOKING_ROUTES = new Set(['POST /api/bookings', 'POST /api/staff/appointments']);

/**
 * Prometheus metrics for one app (prom-client, each app its own registry so tests can build many):
 * request latency by route pattern, the outbox's backlog, booking outcomes, and Node's process
 * metrics. Labels are route patterns and error codes only, never a URL, name or token.
 */
export function createMetrics(ctx: AppContext): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Histogram({
    name: 'myomap_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern, method and status class.',
    labelNames: ['route', 'method', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Counter({
    name: 'myomap_booking_outcomes_total',
    help: 'Booking attempts by outcome (booked, refused) and the refusal code.',
    labelNames: ['channel', 'outcome', 'reason'],
    registers: [registry],
  });
  // Read on each scrape, so the numbers are the database's, whichever instance sent what.
  const backlog = new Gauge({ name: 'myomap_outbox_backlog', help: 'Messages due and not yet sent.', registers: [registry] });
  new Gauge({
    name: 'myomap_outbox_oldest_age_seconds',
    help: 'How long the oldest unsent due message has waited.',
    registers: [registry],
    async collect() {
      const now = ctx.clock.now();
      const found = await readOutboxBacklog(ctx.db, now);
      backlog.set(found.count);
      this.set(found.oldestAgeSeconds);
    },
  });
  return registry;
}

/** Records every request's duration and every booking's outcome in the app's registry. */
export function observeRequests(app: FastifyInstance, registry: Registry): void {
  const duration = registry.getSingleMetric('myomap_http_request_duration_seconds') as Histogram;
  const bookings = registry.getSingleMetric('myomap_booking_outcomes_total') as Counter;
  app.addHook('onSend', async (request, reply, payload) => {
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    if (!BOOKING_ROUTES.has(route)) return payload;
    const channel = route.includes('/staff/') ? 'staff' : 'online';
    if (reply.statusCode < 300) bookings.inc({ channel, outcome: 'booked', reason: '' });
    else bookings.inc({ channel, outcome: 'refused', reason: errorCode(payload) });
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    // The pattern (/api/bookings/:reference), never the URL: bounded labels and no tokens.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ route, method: request.method, status_class: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });
}

function errorCode(payload: unknown): string {
  if (typeof payload !== 'string') return 'unknown';
  try {
    const code = (JSON.parse(payload) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The scrape handler: Prometheus's text format. */
export async function sendMetrics(registry: Registry, reply: FastifyReply): Promise<string> {
  void reply.type(registry.contentType);
  return registry.metrics();
}

/** /metrics on the public port, for a scraper that presents `Authorization: Bearer $METRICS_TOKEN`. */
export function registerTokenMetricsRoute(app: FastifyInstance, registry: Registry, token: string): void {
  const expected = digest(token);
  // The token, not a session, is the check here; PUBLIC only tells the access layer to stand aside.
  app.get('/metrics', { config: { access: PUBLIC }, schema: { hide: true } }, async (request: FastifyRequest, reply) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    // Compared as digests of equal length, in constant time, so timing reveals nothing of the token.
    if (!timingSafeEqual(digest(given), expected)) throw new AppError('unauthenticated', 'A metrics token is needed.');
    return sendMetrics(registry, reply);
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** METRICS_PORT: /metrics alone on its own listener (127.0.0.1 unless METRICS_HOST says otherwise). */
export async function startMetricsServer(registry: Registry, host: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = Fastify({ logger: false });
  server.get('/metrics', async (_request, reply) => sendMetrics(registry, reply));
  const url = await server.listen({ host, port });
  return { url, close: () => server.close() };
}
