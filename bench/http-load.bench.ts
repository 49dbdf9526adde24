import autocannon from 'autocannon';
import { startTestServer } from '../e2e/support/test-server.ts';
import type { BenchResult } from './bench-types.ts';

const CONNECTIONS = 20;
const DURATION_SECONDS = 10;

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)));
  });
}

/**
 * HTTP under load against the real server on PGlite: availability reads, then bookings (most
 * answer 409 once the week fills, which is the path a busy clinic sees most).
 */
export async function runHttpLoadBench(): Promise<BenchResult[]> {
  const server = await startTestServer({ now: '2026-11-30T04:00:00Z', env: { OUTBOX_INTERVAL_MS: '0', BOOKING_RATE_LIMIT_PER_MINUTE: '1000000' } });
  try {
    const results: BenchResult[] = [];
    const availabilityUrl = `${server.baseUrl}/api/availability?serviceId=svc-nmt-follow-60&from=2026-12-01&to=2026-12-07`;
    await run({ url: availabilityUrl, connections: 4, duration: 2 }); // warm-up
    const availability = await run({ url: availabilityUrl, connections: CONNECTIONS, duration: DURATION_SECONDS });
    results.push({
      bench: 'http-availability',
      database: 'pglite',
      connections: CONNECTIONS,
      req_per_s: Math.round(availability.requests.average),
      p50_ms: availability.latency.p50,
      p99_ms: availability.latency.p99,
      errors: availability.errors + availability.non2xx,
    });

    let n = 0;
    const starts = ['09:00', '10:15', '11:30', '14:00', '15:15', '16:30', '17:45'];
    const practitioners = ['prac-amira', 'prac-omar', 'prac-sara'];
    const booking = await run({
      url: `${server.baseUrl}/api/bookings`,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            n++;
            const day = 7 + (Math.floor(n / 21) % 5);
            const start = `2026-12-${String(day).padStart(2, '0')}T${starts[n % 7]}:00+04:00`;
            return {
              ...request,
              body: JSON.stringify({
                serviceId: 'svc-nmt-follow-60',
                practitionerId: practitioners[n % 3],
                start,
                patient: { name: `Load ${n}`, email: `load${n}@example.com` },
              }),
            };
          },
        },
      ],
    });
    const created = await server.ctx.db.query<{ n: number }>(`select count(*)::int as n from appointments where kind = 'visit'`);
    results.push({
      bench: 'http-booking',
      database: 'pglite',
      connections: CONNECTIONS,
      req_per_s: Math.round(booking.requests.average),
      p50_ms: booking.latency.p50,
      p99_ms: booking.latency.p99,
      booked: created[0]?.n ?? 0,
      status_409: booking.non2xx - booking['5xx'],
      status_5xx: booking['5xx'],
    });
    return results;
  } finally {
    await server.close();
  }
}
