import type { Appointment, Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirErrors } from '../../fhir/validate-fhir.ts';
import { createTestApp, signIn, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';

/**
 * Importing Patients and Appointments from another system's FHIR Bundle (POST /api/fhir/R4):
 * a dry run reports what would be created, matched or refused and why, and changes nothing; a
 * real run with a refusal changes nothing either; a clean one applies every entry in one
 * transaction, audited; importing it twice matches the patients and refuses the clashing visits.
 */
type Headers = Awaited<ReturnType<typeof signIn>>;
/** A batch-response Bundle or an OperationOutcome: what the import answers. */
type Answer = Omit<Bundle, 'resourceType'> & Omit<OperationOutcome, 'resourceType'> & { resourceType: string };
const SERVICE = { coding: [{ system: 'https://myomap.example/fhir/CodeSystem/service', code: 'svc-nmt-follow-60' }] };

function patient(url: string, name: string, extra: Record<string, unknown>) {
  return { fullUrl: url, resource: { resourceType: 'Patient', name: [{ text: name }], ...extra } };
}
function visit(url: string, patientRef: string, practitionerRef: string, start: string, end: string, status = 'booked') {
  const resource: Appointment = {
    resourceType: 'Appointment',
    status: status as Appointment['status'],
    serviceType: [SERVICE],
    start,
    end,
    participant: [
      { actor: { reference: patientRef }, status: 'accepted' },
      { actor: { reference: practitionerRef }, status: 'accepted' },
    ],
  };
  return { fullUrl: url, resource };
}

describe.each(databaseTargets)('importing a FHIR Bundle on %s', (target) => {
  let test: TestApp;
  let admin: Headers;
  let existingId = '';
  const counts = async () =>
    (await test.ctx.db.query<{ p: number; a: number }>(`select (select count(*)::int from patients) as p, (select count(*)::int from appointments) as a`))[0];
  const post = async (bundle: unknown, query = '', headers: Headers = admin) => {
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/fhir/R4${query}`,
      headers: { ...headers, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(bundle),
    });
    return { status: response.statusCode, body: response.json<Answer>() };
  };
  const statuses = (bundle: Answer) =>
    (bundle.entry ?? []).map(
      (e) => `${e.response?.status ?? ''} ${e.response?.outcome ? (JSON.stringify(e.response.outcome).match(/"diagnostics":"([^"]*)"/)?.[1] ?? '') : ''}`,
    );

  const clean = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      patient('urn:uuid:p1', 'Layla Haddad', {
        birthDate: '1988-04-02',
        telecom: [
          { system: 'email', value: 'layla.haddad@example.com' },
          { system: 'phone', value: '+971 50 111 2233' },
        ],
      }),
      patient('urn:uuid:p2', 'Noor Saeed', { birthDate: '1979-09-15', telecom: [{ system: 'email', value: 'noor.saeed@example.com' }] }),
      visit('urn:uuid:a1', 'urn:uuid:p1', 'Practitioner/prac-amira', '2026-12-07T06:00:00Z', '2026-12-07T07:00:00Z'),
      visit('urn:uuid:a2', 'urn:uuid:p2', 'Practitioner/prac-omar', '2026-11-16T06:00:00Z', '2026-11-16T07:00:00Z', 'fulfilled'),
    ],
  };

  beforeAll(async () => {
    test = await createTestApp(target);
    admin = await signIn(test.app, 'admin@demo.myomap.app');
    const [row] = await test.ctx.db.query<{ id: string }>(
      `insert into patients (name, email, phone, date_of_birth) values ('Noor Saeed', 'noor.saeed@example.com', '+971 50 999 0000', '1979-09-15') returning id`,
    );
    existingId = row?.id ?? '';
  });
  afterAll(() => test?.close());

  it('reports in a dry run what it would create, match and refuse, and why, changing nothing', async () => {
    const before = await counts();
    const bundle = {
      ...clean,
      entry: [
        ...clean.entry,
        patient('urn:uuid:p3', 'Someone Else', {
          birthDate: '2001-01-01',
          telecom: [
            { system: 'email', value: 'other@example.com' },
            { system: 'phone', value: '050 999 0000' },
          ],
        }),
        patient('urn:uuid:p4', 'No Email', { telecom: [{ system: 'phone', value: '+971 55 000 1111' }] }),
        visit('urn:uuid:a3', 'urn:uuid:p1', 'Practitioner/nobody', '2026-12-08T06:00:00Z', '2026-12-08T07:00:00Z'),
        visit('urn:uuid:a4', 'urn:uuid:p1', 'Practitioner/prac-amira', '2026-12-07T06:30:00Z', '2026-12-07T07:30:00Z'),
        { fullUrl: 'urn:uuid:o1', resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' } } },
        patient('urn:uuid:p5', 'Year Only', { birthDate: '1990', telecom: [{ system: 'email', value: 'year.only@example.com' }] }),
        { fullUrl: 'urn:uuid:p6', resource: { resourceType: 'Patient', name: [{ text: 'Bad Field' }], nickname: 'B' } },
      ],
    };
    const response = await post(bundle, '?_dryRun=true');
    expect(response.status).toBe(200);
    expect(fhirErrors(response.body)).toEqual([]);
    const report = statuses(response.body);
    expect(report[0]).toMatch(/^201 Created would be created/);
    expect(report[1]).toMatch(/^200 OK would be matched: same email and name and date of birth/);
    expect(response.body.entry?.[1]?.response?.location).toBe(`Patient/${existingId}`);
    expect(report[2]).toMatch(/^201 Created/);
    expect(report[3]).toMatch(/^201 Created/);
    expect(report[4]).toMatch(/^422 .*shares phone with patient .*check by hand/);
    expect(report[5]).toMatch(/^422 .*an email address is required/);
    expect(report[6]).toMatch(/^422 .*unknown practitioner/);
    expect(report[7]).toMatch(/^422 .*overlaps urn:uuid:a1 in the same Bundle/);
    expect(report[8]).toMatch(/^422 .*only Patient and Appointment/);
    expect(report[9]).toMatch(/^422 .*a full date/);
    expect(report[10]).toMatch(/^422 .*not valid FHIR R4: Patient.nickname/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a real run with any refusal as a whole: 422, nothing written', async () => {
    const before = await counts();
    const bundle = {
      ...clean,
      entry: [...clean.entry, visit('urn:uuid:a3', 'urn:uuid:p1', 'Practitioner/nobody', '2026-12-08T06:00:00Z', '2026-12-08T07:00:00Z')],
    };
    const response = await post(bundle);
    expect(response.status).toBe(422);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(response.body.issue[0]?.details?.coding?.[0]?.code).toBe('unprocessable');
    expect(response.body.issue[0]?.diagnostics).toContain('unknown practitioner');
    expect(await counts()).toEqual(before);
  });

  it('applies a clean Bundle in one transaction, audited; a second import matches the patients and refuses the clashes', async () => {
    const before = await counts();
    const response = await post(clean);
    expect(response.status).toBe(200);
    const locations = (response.body.entry ?? []).map((e) => e.response?.location ?? '');
    expect(locations[0]).toMatch(/^Patient\//);
    expect(locations[1]).toBe(`Patient/${existingId}`);
    expect(locations[2]).toMatch(/^Appointment\//);
    expect(await counts()).toEqual({ p: (before?.p ?? 0) + 1, a: (before?.a ?? 0) + 2 });
    const read = await test.app.inject({ method: 'GET', url: `/api/fhir/R4/${locations[3] ?? ''}`, headers: admin });
    expect(read.json<Appointment>()).toMatchObject({
      status: 'fulfilled',
      start: '2026-11-16T06:00:00.000Z',
      participant: [{ actor: { reference: `Patient/${existingId}` } }, {}],
    });
    const [audit] = await test.ctx.db.query<{ actor_id: string; after: { created: number; matched: number; dryRun: boolean } }>(
      `select actor_id, after from audit_log where action = 'fhir.import' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ actor_id: 'user-admin', after: { created: 3, matched: 1, dryRun: false } });

    const again = await post(clean, '?_dryRun=true');
    const report = statuses(again.body);
    expect(report[0]).toMatch(/^200 OK would be matched/);
    expect(again.body.entry?.[0]?.response?.location).toBe(locations[0]);
    expect(report[2]).toMatch(/^422 .*overlaps visit MYO-/);
  });

  it('is for admins only', async () => {
    const reception = await signIn(test.app, 'reception@demo.myomap.app');
    const response = await post(clean, '?_dryRun=true', reception);
    expect(response.status).toBe(403);
    expect(response.body.issue[0]?.code).toBe('forbidden');
  });
});
