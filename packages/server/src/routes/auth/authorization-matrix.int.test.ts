import { can, STAFF_ROLES, type StaffRole } from '@myomap/domain/access/permissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUndeclaredRoutes, type RouteAccess, type RouteAccessEntry } from '../../lib/route-access.ts';
import { openStaffSession } from '../../test-support/open-staff-session.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';

/**
 * Every route × every caller, with the outcome the permission table predicts. The route list
 * comes from the app itself (each route's `config.access`), so a new route is in the matrix the
 * moment it exists, and a route without an entry fails the first test.
 *
 * Callers: the four staff roles, anonymous, and a patient holding the token of ANOTHER booking.
 * Ids are ones that do not exist, so an admitted caller gets 2xx/400/404 and nothing changes.
 */
const EMAILS: Record<StaffRole, string> = {
  admin: 'admin@demo.myomap.app',
  reception: 'reception@demo.myomap.app',
  therapist: 'amira@demo.myomap.app',
  physician: 'dr.yousef@demo.myomap.app',
};
type Caller = StaffRole | 'anonymous' | 'other_patient';
const CALLERS: Caller[] = [...STAFF_ROLES, 'anonymous', 'other_patient'];
const FOLLOW_UP = 'svc-nmt-follow-60';
const AMIRA = 'prac-amira';
const PNG = `data:image/png;base64,${'iVBORw0KGgo'.repeat(20)}`;

/** Valid bodies for the token routes, so the token (not the body) decides their answer. */
const TOKEN_ROUTE_BODIES: Record<string, unknown> = {
  'POST /api/bookings/:reference/reschedule': { start: '2026-12-01T15:00:00+04:00' },
  'PUT /api/intake/:reference': { response: { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [] }, language: 'en' },
  'POST /api/intake/:reference/consent': { version: '2026-01-01', language: 'en', typedName: 'Someone Else', signature: PNG },
  'POST /api/aftercare/:token': { soreness: 2, relief: 'some', unexpected: [] },
  'POST /api/measures/:token': { language: 'en', answers: { nprs: { pain_24h: 3 } } },
};

type Outcome = 'admitted' | 'unauthenticated' | 'forbidden' | 'refused_token' | 'wrong_token' | 'own_session' | 'refused_link';

/** The table's prediction for one caller on one route. */
function expectedOutcome(access: RouteAccess, caller: Caller): Outcome {
  switch (access.kind) {
    case 'public':
      return 'admitted';
    case 'staff':
      if (caller === 'anonymous' || caller === 'other_patient') return 'unauthenticated';
      return can(caller, access.action) ? 'admitted' : 'forbidden';
    case 'patient_token':
    case 'calendar_token':
      return caller === 'other_patient' ? 'wrong_token' : 'refused_token';
    case 'sign_in_step':
      // The handler checks the session's stage itself: no session is a 401, a full one may still
      // be refused a step it is not at, but never with a server error.
      return caller === 'anonymous' || caller === 'other_patient' ? 'unauthenticated' : 'own_session';
    case 'account_link':
      return 'refused_link';
    case 'portal':
      // A staff cookie (or a patient's link token) is no portal session.
      return 'unauthenticated';
  }
}

function matches(outcome: Outcome, status: number, code: string | undefined): boolean {
  switch (outcome) {
    case 'admitted':
      return status !== 401 && status !== 403 && status < 500;
    case 'unauthenticated':
      return status === 401 && code === 'unauthenticated';
    case 'forbidden':
      return status === 403 && code === 'forbidden';
    case 'refused_token':
      // No token at all (400, the query names it) or a token that opens nothing (404).
      return (status === 400 && code === 'validation_failed') || (status === 404 && code === 'not_found');
    case 'wrong_token':
      return status === 404 && code === 'not_found';
    case 'own_session':
      return status < 500 && code !== 'forbidden';
    case 'refused_link':
      // A one-time link that opens nothing (404) or a body that names what is missing (400).
      return (status === 404 && code === 'link_invalid') || (status === 400 && code === 'validation_failed');
  }
}

describe('listUndeclaredRoutes', () => {
  it('names a route that declares no access', () => {
    const entries: RouteAccessEntry[] = [
      { method: 'GET', url: '/api/staff/new-thing', access: undefined },
      { method: 'GET', url: '/api/health', access: { kind: 'public' } },
    ];
    expect(listUndeclaredRoutes(entries)).toEqual(['GET /api/staff/new-thing']);
  });
});

describe.each(databaseTargets)('authorization matrix on %s', (target) => {
  let t: TestApp;
  let mine: { reference: string; manageToken: string };
  let other: { reference: string; manageToken: string };

  beforeAll(async () => {
    t = await createTestApp(target);
    const slots = (
      await t.app.inject({ method: 'GET', url: `/api/availability?serviceId=${FOLLOW_UP}&from=2026-12-01&to=2026-12-01&practitionerId=${AMIRA}` })
    ).json<{ slots: { start: string }[] }>().slots;
    const book = async (start: string | undefined, email: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: { serviceId: FOLLOW_UP, practitionerId: AMIRA, start, patient: { name: 'Matrix Patient', email } },
      });
      if (res.statusCode !== 201) throw new Error(`booking failed: ${res.body}`);
      return res.json<{ reference: string; manageToken: string }>();
    };
    // Two visits far apart (a visit holds 60 min + 15 min cleaning).
    mine = await book(slots[0]?.start, 'mine@example.com');
    other = await book(slots.find((s) => s.start.includes('T14:00'))?.start, 'other@example.com');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('has an access entry for every /api route', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(50);
    expect(listUndeclaredRoutes(t.app.routeAccess)).toEqual([]);
  });

  it('answers every route for every caller as the permission table says', async () => {
    const mismatches: string[] = [];
    for (const route of t.app.routeAccess) {
      const access = route.access;
      if (!access) continue;
      for (const caller of CALLERS) {
        // A patient holding MY token aims at the OTHER booking (or uses my token as its key).
        const holdsToken = caller === 'other_patient';
        const url = route.url
          .replace(':reference', other.reference)
          .replace(':token', holdsToken ? mine.manageToken : 'no-such-token-0000000000')
          .replace(':practitionerId', AMIRA)
          .replace(':id', 'no-such-id');
        const query = holdsToken ? `?token=${encodeURIComponent(mine.manageToken)}` : '';
        const headers = STAFF_ROLES.includes(caller as StaffRole) ? await openStaffSession(t.ctx.db, EMAILS[caller as StaffRole], t.clock.now()) : {};
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : (TOKEN_ROUTE_BODIES[`${route.method} ${route.url}`] ?? {});
        const res = await t.app.inject({ method: route.method as 'GET', url: `${url}${query}`, headers, ...(body === undefined ? {} : { payload: body }) });
        // The FHIR API carries the same code in an OperationOutcome's issue.details.coding.
        const answer = res.headers['content-type']?.toString().includes('json')
          ? res.json<{ error?: { code?: string }; issue?: { details?: { coding?: { code?: string }[] } }[] }>()
          : undefined;
        const code = answer?.error?.code ?? answer?.issue?.[0]?.details?.coding?.[0]?.code;
        const outcome = expectedOutcome(access, caller);
        if (!matches(outcome, res.statusCode, code))
          mismatches.push(`${route.method} ${route.url} as ${caller}: expected ${outcome}, got ${res.statusCode} ${code ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('left the other booking untouched, and its own token still opens it', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/bookings/${other.reference}?token=${encodeURIComponent(other.manageToken)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', start: expect.stringMatching(/^2026-12-01T/) });
    const [intake] = await t.ctx.db.query('select 1 from intake_responses i join appointments a on a.id = i.appointment_id where a.reference = $1', [
      other.reference,
    ]);
    expect(intake).toBeUndefined();
  });
});
