import type { Bundle, CapabilityStatement, OperationOutcome, QuestionnaireResponse, Resource, ServiceRequest } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHistory } from '../../database/seed-demo-history.ts';
import { FHIR_RESOURCES } from '../../fhir/fhir-resources.ts';
import { fhirErrors } from '../../fhir/validate-fhir.ts';
import { createTestApp, DEFAULT_TEST_NOW, signIn, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';

/**
 * The FHIR R4 API over a seeded clinic (the demo clinic with its history, plus a physician's
 * referral): every type it serves, through search, read and Patient/$everything, passes a real
 * R4 validator (@medplum/core with the R4 definitions) with zero errors; roles see what the
 * permission table gives them; bad input is an OperationOutcome 4xx, never a 5xx.
 */
type Headers = Awaited<ReturnType<typeof signIn>>;
const BASE = '/api/fhir/R4';

describe.each(databaseTargets)('the FHIR R4 API on %s', (target) => {
  let test: TestApp;
  let admin: Headers;
  let reception: Headers;
  let physician: Headers;
  let patientIds: string[] = [];
  let networkReferralId = '';
  let serviceId = '';

  const get = async <T = Bundle>(url: string, headers: Headers = admin) => {
    const response = await test.app.inject({ method: 'GET', url: `${BASE}${url}`, headers });
    return { status: response.statusCode, type: String(response.headers['content-type'] ?? ''), body: response.json<T>() };
  };
  const problemsOf = (label: string, resource: unknown) => fhirErrors(resource).map((p) => `${label}: ${p.where} ${p.text}`);

  beforeAll(async () => {
    test = await createTestApp(target, { now: DEFAULT_TEST_NOW });
    await seedDemoHistory(test.ctx, test.clock.now());
    admin = await signIn(test.app, 'admin@demo.myomap.app');
    reception = await signIn(test.app, 'reception@demo.myomap.app');
    physician = await signIn(test.app, 'dr.yousef@demo.myomap.app');
    const rows = await test.ctx.db.query<{ id: string }>(
      `select p.id from patients p where exists (select 1 from session_notes n where n.patient_id = p.id and n.status = 'signed') order by p.created_at, p.id`,
    );
    patientIds = rows.map((r) => r.id);
    serviceId = (await test.ctx.db.query<{ id: string }>(`select id from services where active order by sort_order, id limit 1`))[0]?.id ?? '';
    // A physician's "refer" decision, so ServiceRequest has an order to show.
    const referred = await test.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${patientIds[0]}/reviews`,
      headers: physician,
      payload: {
        decision: 'refer',
        notes: 'Progressive weakness: neurology first.',
        referral: { to: 'Neurology', tests: ['Nerve conduction study'], urgency: 'soon' },
      },
    });
    expect(referred.statusCode, referred.body).toBe(201);
    // And a referral of the referral network (to a provider in the directory), signed by the physician.
    const provider = await test.app.inject({
      method: 'POST',
      url: '/api/staff/referral-providers',
      headers: admin,
      payload: {
        kind: 'neurology',
        entity: 'organisation',
        name: 'Neuromuscular Clinic',
        email: 'nm@hospital.example',
        languages: ['en'],
        accepts: '',
        notes: '',
        active: true,
      },
    });
    expect(provider.statusCode, provider.body).toBe(201);
    const drafted = await test.app.inject({
      method: 'POST',
      url: '/api/staff/referrals',
      headers: physician,
      payload: {
        patientId: patientIds[0],
        providerId: provider.json<{ id: string }>().id,
        source: 'record',
        urgency: 'soon',
        reason: 'Progressive weakness of both hands.',
        question: 'Please assess for a neuromuscular disorder.',
        testsSuggested: [{ label: 'Nerve conduction studies and EMG' }],
        attachments: [],
        language: 'en',
      },
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    networkReferralId = drafted.json<{ id: string }>().id;
  }, 900_000);
  afterAll(() => test?.close());

  it('serves every type through search and read, each resource valid FHIR R4', async () => {
    const problems: string[] = [];
    const empty: string[] = [];
    for (const spec of FHIR_RESOURCES) {
      const query = spec.type === 'Slot' ? `service-type=${serviceId}&start=ge2026-12-07&start=le2026-12-08` : '_count=200';
      const search = await get(`/${spec.type}?${query}`);
      expect(search.status, `${spec.type}: ${JSON.stringify(search.body).slice(0, 300)}`).toBe(200);
      expect(search.type).toContain('application/fhir+json');
      problems.push(...problemsOf(`${spec.type} searchset`, search.body));
      const resources = (search.body.entry ?? []).map((e) => e.resource as Resource);
      if (resources.length === 0) empty.push(spec.type);
      for (const resource of resources) {
        expect(resource.resourceType).toBe(spec.type);
        problems.push(...problemsOf(`${spec.type}/${resource.id ?? ''}`, resource));
      }
      if (!spec.read || !resources[0]) continue;
      const read = await get<Resource>(`/${spec.type}/${resources[0].id ?? ''}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(resources[0]);
    }
    expect(empty).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("returns one patient's whole record through $everything, valid, and nobody else's", async () => {
    const [first, second] = patientIds as [string, string];
    const everything = await get(`/Patient/${first}/$everything`);
    expect(everything.status).toBe(200);
    expect(problemsOf('$everything', everything.body)).toEqual([]);
    const resources = (everything.body.entry ?? []).map((e) => e.resource as Resource & { subject?: { reference?: string }; patient?: { reference?: string } });
    const types = new Set(resources.map((r) => r.resourceType));
    for (const type of [
      'Patient',
      'Appointment',
      'QuestionnaireResponse',
      'Consent',
      'Observation',
      'Condition',
      'CarePlan',
      'ServiceRequest',
      'Encounter',
      'DocumentReference',
      'Procedure',
      'Questionnaire',
      'Practitioner',
    ]) {
      expect(types, type).toContain(type);
    }
    const text = JSON.stringify(everything.body);
    expect(text).not.toContain(second);
    for (const r of resources) {
      const owner = r.subject?.reference ?? r.patient?.reference;
      if (owner) expect(owner).toBe(`Patient/${first}`);
    }
  });

  it('keeps the intake’s groups, coded answers with their systems, and Arabic as the translation extension', async () => {
    const search = await get(`/QuestionnaireResponse?patient=Patient/${patientIds[0]}&status=completed`);
    const response = search.body.entry?.[0]?.resource as QuestionnaireResponse;
    expect(response.item?.every((item) => item.item && !item.answer)).toBe(true);
    const codings = JSON.stringify(response).match(/"valueCoding":\{[^}]*\}/g) ?? [];
    for (const coding of codings) expect(coding).toContain('"system":"https://myomap.example/fhir/CodeSystem/intake-answers"');
    const questionnaire = await get<Resource>('/Questionnaire/myomap-intake');
    const text = JSON.stringify(questionnaire.body);
    expect(text).toContain('http://hl7.org/fhir/StructureDefinition/translation');
    expect(text).not.toContain('https://myomap.example/fhir/text-ar');
  });

  it('searches by patient, date and status, and pages with next and previous links', async () => {
    const all = await get(`/Appointment?patient=${patientIds[0]}&_count=200`);
    const total = all.body.total ?? 0;
    expect(total).toBeGreaterThan(2);
    const firstPage = await get(`/Appointment?patient=${patientIds[0]}&_count=2`);
    expect(firstPage.body.total).toBe(total);
    const next = firstPage.body.link?.find((l) => l.relation === 'next')?.url ?? '';
    const secondPage = await get(next.slice(next.indexOf(BASE) + BASE.length));
    expect(secondPage.body.link?.some((l) => l.relation === 'previous')).toBe(true);
    const ids = (b: Bundle) => (b.entry ?? []).map((e) => e.resource?.id);
    expect(ids(secondPage.body)).toEqual(ids(all.body).slice(2, 4));
    const fulfilled = await get(`/Appointment?patient=${patientIds[0]}&status=fulfilled&date=lt2026-11-30&_count=200`);
    const booked = (fulfilled.body.entry ?? []).map((e) => e.resource as { status: string; start: string });
    expect(booked.length).toBeGreaterThan(0);
    for (const a of booked) expect([a.status, a.start < '2026-11-30'].join()).toBe('fulfilled,true');
  });

  it('finds patients by name, email, phone, birth date and identifier', async () => {
    const [row] = await test.ctx.db.query<{ id: string; name: string; email: string; phone: string; dob: string }>(
      `select id, name, email, phone, date_of_birth::text as dob from patients where id = $1`,
      [patientIds[0]],
    );
    if (!row) throw new Error('no patient');
    const found = async (query: string) => {
      const answer = await get(`/Patient?${query}`, reception);
      expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
      return (answer.body.entry ?? []).map((e) => e.resource?.id);
    };
    expect(await found(`name=${encodeURIComponent(row.name.slice(1, 6).toUpperCase())}`)).toContain(row.id);
    expect(await found(`email=${encodeURIComponent(row.email.toUpperCase())}`)).toEqual([row.id]);
    expect(await found(`phone=${encodeURIComponent(`0${row.phone.replace(/\D/g, '').slice(-9)}`)}`)).toContain(row.id);
    expect(await found(`birthdate=${row.dob}&email=${encodeURIComponent(row.email)}`)).toEqual([row.id]);
    expect(await found(`identifier=${encodeURIComponent(`https://myomap.example/fhir/sid/patient|${row.id}`)}`)).toEqual([row.id]);
    expect(await found(`identifier=${encodeURIComponent(`urn:other|${row.id}`)}`)).toEqual([]);
    expect(await found(`_id=${row.id}&patient=${patientIds[1]}`)).toEqual([]);
    const pastTheEnd = await get(`/Patient?_count=10&_offset=100000`);
    expect(pastTheEnd.body.total).toBeGreaterThan(30);
    expect(pastTheEnd.body.entry ?? []).toEqual([]);
  });

  it('gives reception the directory, patients and visits, and refuses every clinical type', async () => {
    for (const spec of FHIR_RESOURCES) {
      const query = spec.type === 'Slot' ? `?service-type=${serviceId}` : '';
      const response = await get<OperationOutcome | Bundle>(`/${spec.type}${query}`, reception);
      const clinical = !['patient.contact.read', 'catalog.read', 'calendar.read'].includes(spec.action);
      expect(response.status, spec.type).toBe(clinical ? 403 : 200);
      if (clinical) expect((response.body as OperationOutcome).issue[0]?.details?.coding?.[0]?.code).toBe('forbidden');
    }
    const everything = await get(`/Patient/${patientIds[0]}/$everything`, reception);
    expect(everything.status).toBe(200);
    const types = new Set((everything.body.entry ?? []).map((e) => e.resource?.resourceType));
    expect([...types].sort()).toEqual(['Appointment', 'Location', 'Organization', 'Patient', 'Practitioner'].filter((t) => types.has(t as never)).sort());
    expect(types.has('Observation') || types.has('DocumentReference') || types.has('QuestionnaireResponse')).toBe(false);
  });

  it('audits every read with the references it sent', async () => {
    const before = Number((await test.ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'fhir.%'`))[0]?.n);
    const read = await get<Resource>(`/Patient/${patientIds[1]}`, reception);
    expect(read.status).toBe(200);
    await get(`/Observation?patient=${patientIds[1]}`, physician);
    const rows = await test.ctx.db.query<{ action: string; entity_type: string; entity_id: string; after: { sent: string[] } }>(
      `select action, entity_type, entity_id, after from audit_log where action like 'fhir.%' order by id desc limit 2`,
    );
    expect(Number((await test.ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'fhir.%'`))[0]?.n)).toBe(before + 2);
    expect(rows[1]).toMatchObject({ action: 'fhir.read', entity_type: 'patient', entity_id: patientIds[1], after: { sent: [`Patient/${patientIds[1]}`] } });
    expect(rows[0]).toMatchObject({ action: 'fhir.search', entity_type: 'patient', entity_id: patientIds[1] });
    expect(rows[0]?.after.sent.length).toBeGreaterThan(0);
    expect(rows[0]?.after.sent.every((ref) => ref.startsWith('Observation/'))).toBe(true);
  });

  it('answers bad input with an OperationOutcome and the right 4xx, never a 5xx', async () => {
    const cases: [string, number, string][] = [
      ['/Banana', 404, 'not_found'],
      ['/Banana/1', 404, 'not_found'],
      ['/Patient/no-such-patient', 404, 'not_found'],
      ['/Patient/bad_id!', 400, 'validation_failed'],
      [`/Patient/${'x'.repeat(65)}`, 400, 'validation_failed'],
      ['/Appointment?date=yesterday', 400, 'validation_failed'],
      ['/Appointment?date=sa2026-01-01', 400, 'validation_failed'],
      ['/Appointment?_count=0', 400, 'validation_failed'],
      ['/Appointment?_count=5000', 400, 'validation_failed'],
      ['/Appointment?colour=blue', 400, 'validation_failed'],
      ['/Appointment?patient=Practitioner/1', 400, 'validation_failed'],
      ['/Slot', 400, 'validation_failed'],
      ['/Slot?service-type=nope', 400, 'validation_failed'],
      ['/Slot/1', 404, 'not_found'],
      ['/Patient/no-such-patient/$everything', 404, 'not_found'],
    ];
    const wrong: string[] = [];
    for (const [url, status, code] of cases) {
      const response = await get<OperationOutcome>(url);
      const got = `${response.status} ${response.body.resourceType} ${response.body.issue?.[0]?.details?.coding?.[0]?.code ?? ''}`;
      if (got !== `${status} OperationOutcome ${code}`) wrong.push(`${url}: ${got}`);
      if (fhirErrors(response.body).length > 0) wrong.push(`${url}: invalid OperationOutcome`);
    }
    const anonymous = await test.app.inject({ method: 'GET', url: `${BASE}/Patient` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<OperationOutcome>().issue[0]?.code).toBe('login');
    expect(wrong).toEqual([]);
  });

  it('describes itself in a valid CapabilityStatement made from the routes it serves', async () => {
    const anonymous = await test.app.inject({ method: 'GET', url: `${BASE}/metadata` });
    expect(anonymous.statusCode).toBe(200);
    const statement = anonymous.json<CapabilityStatement>();
    expect(problemsOf('CapabilityStatement', statement)).toEqual([]);
    const resources = statement.rest?.[0]?.resource ?? [];
    expect(resources.map((r) => r.type).sort()).toEqual(FHIR_RESOURCES.map((s) => s.type).sort());
    for (const resource of resources) {
      for (const interaction of resource.interaction ?? []) {
        const url = interaction.code === 'read' ? `${BASE}/${resource.type}/:id` : `${BASE}/${resource.type}`;
        const method = interaction.code === 'create' ? 'POST' : 'GET';
        expect(test.app.hasRoute({ method, url }), `${interaction.code} ${resource.type}`).toBe(true);
      }
      expect(test.app.hasRoute({ method: 'POST', url: `${BASE}/${resource.type}` }), `create ${resource.type}`).toBe(
        resource.interaction?.some((i) => i.code === 'create') ?? false,
      );
      if (!resource.interaction?.some((i) => i.code === 'read')) expect(test.app.hasRoute({ method: 'GET', url: `${BASE}/${resource.type}/:id` })).toBe(false);
    }
  });

  it('serves the referral network as ServiceRequests: to the provider, with the reason, question and tests', async () => {
    const read = await get<ServiceRequest>(`/ServiceRequest/rf-${networkReferralId}`);
    expect(read.status).toBe(200);
    expect(problemsOf('ServiceRequest', read.body)).toEqual([]);
    expect(read.body).toMatchObject({ status: 'draft', intent: 'order', priority: 'urgent', subject: { reference: `Patient/${patientIds[0]}` } });
    expect(read.body.performer?.[0]?.display).toBe('Neuromuscular Clinic');
    expect(read.body.reasonCode?.[0]?.text).toBe('Progressive weakness of both hands.');
    expect(read.body.note?.map((n) => n.text)).toEqual([
      'Question: Please assess for a neuromuscular disorder.',
      'Suggested test: Nerve conduction studies and EMG',
    ]);
    const drafts = await get(`/ServiceRequest?status=draft&patient=${patientIds[0] ?? ''}`);
    expect(drafts.body.entry?.map((e) => e.resource?.id)).toEqual([`rf-${networkReferralId}`]);
  });

  it('sends clients configured with the short base /fhir/R4 to the API, keeping the method and query', async () => {
    const read = await test.app.inject({ method: 'GET', url: '/fhir/R4/Patient?_count=2' });
    expect(read.statusCode).toBe(308);
    expect(read.headers.location).toBe(`${BASE}/Patient?_count=2`);
    const post = await test.app.inject({ method: 'POST', url: '/fhir/R4?_dryRun=true', payload: {} });
    expect(post.statusCode).toBe(308);
    expect(post.headers.location).toBe(`${BASE}?_dryRun=true`);
  });
});
