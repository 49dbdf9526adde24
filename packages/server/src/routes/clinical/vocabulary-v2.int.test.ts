import { emptyAssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { vocabularyFiles } from '@myomap/domain/knowledge/knowledge-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';

// Body-zone vocabulary v2 (migration 0013): new zones are accepted and stored, the assessment
// records the vocabulary version it was written in, and data from before stays valid.
describe.each(databaseTargets)('body-zone vocabulary v2 on %s', (target) => {
  let t: TestApp;
  let therapist: Record<string, string>;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    const patient = await t.app.inject({
      method: 'POST',
      url: '/api/staff/patients',
      headers: therapist,
      payload: { name: 'Layla Vocabulary', email: 'layla.v@example.com' },
    });
    expect(patient.statusCode).toBe(201);
    patientId = patient.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const createAssessment = async () => {
    const created = await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: therapist, payload: {} });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  };

  it('keeps the refinements table equal to zones-v2.json', async () => {
    const rows = await t.ctx.db.query<{ zone: string; refines: string; since_version: number }>(
      'select zone, refines, since_version from body_zone_refinements order by zone',
    );
    const expected = vocabularyFiles
      .flatMap((file) => file.added.map((zone) => ({ zone: zone.id, refines: zone.refines, since_version: file.version })))
      .sort((a, b) => (a.zone < b.zone ? -1 : 1));
    expect(rows).toEqual(expected);
  });

  it('lists the version-2 zones with the zone they refine', async () => {
    const zones = (await t.app.inject({ method: 'GET', url: '/api/body-zones' })).json<{ id: string; refines?: string; sinceVersion?: number }[]>();
    expect(zones.find((z) => z.id === 'mastoid')).toMatchObject({ refines: 'ear', sinceVersion: 2 });
    expect(zones.find((z) => z.id === 'ear')?.refines).toBeUndefined();
  });

  it('stores a pain map with version-2 zones and records vocabulary version 2', async () => {
    const id = await createAssessment();
    const painMap = [
      { zone: 'mastoid', side: 'right', intensity: 6 },
      { zone: 'fingers_ulnar', side: 'left', intensity: 4 },
      { zone: 'ear', side: 'right', intensity: 3 },
    ];
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/assessments/${id}`,
      headers: therapist,
      payload: { data: { ...emptyAssessmentData(), painMap } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ vocabularyVersion: 2, data: { painMap } });
    // Read as version 1 through the refinements table, for queries that know only version 1.
    const v1 = await t.ctx.db.query<{ zone: string }>(
      `select coalesce(r.refines, z.zone) as zone from assessment_pain_zones z left join body_zone_refinements r on r.zone = z.zone
       where z.assessment_id = $1 order by 1`,
      [id],
    );
    expect(v1.map((row) => row.zone)).toEqual(['ear', 'ear', 'fingers']);
  });

  it('keeps an assessment written before the migration valid, at version 1 until it is saved again', async () => {
    const id = await createAssessment();
    // As a row from before 0013 looks: the column default, a version-1 pain map.
    await t.ctx.db.query(`update assessments set vocabulary_version = default, data = $2 where id = $1`, [
      id,
      JSON.stringify({ ...emptyAssessmentData(), painMap: [{ zone: 'fingers', side: 'right', intensity: 5 }] }),
    ]);
    const read = await t.app.inject({ method: 'GET', url: `/api/staff/assessments/${id}`, headers: therapist });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ vocabularyVersion: 1, data: { painMap: [{ zone: 'fingers' }] } });
    const resaved = await t.app.inject({ method: 'PUT', url: `/api/staff/assessments/${id}`, headers: therapist, payload: { data: read.json().data } });
    expect(resaved.statusCode).toBe(200);
    expect(resaved.json().vocabularyVersion).toBe(2);
  });

  it('still refuses a zone in no vocabulary, and changes nothing', async () => {
    const id = await createAssessment();
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/assessments/${id}`,
      headers: therapist,
      payload: { data: { ...emptyAssessmentData(), painMap: [{ zone: 'elbow_pit', side: 'right', intensity: 5 }] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown_zone');
    const rows = await t.ctx.db.query('select 1 from assessment_pain_zones where assessment_id = $1', [id]);
    expect(rows).toEqual([]);
  });

  it('ranks the source finder on a version-2 zone', async () => {
    const ranked = await t.app.inject({ method: 'POST', url: '/api/source-finder', payload: { zones: [{ zone: 'mastoid', side: 'right', intensity: 6 }] } });
    expect(ranked.statusCode).toBe(200);
    const candidates = ranked.json<{ candidates: { muscleId: string; matchedZones: { zone: string; relation: string }[] }[] }>().candidates;
    expect(candidates.slice(0, 3).map((c) => c.muscleId)).toContain('digastric');
    expect(candidates.find((c) => c.muscleId === 'digastric')?.matchedZones).toEqual([{ zone: 'mastoid', side: 'right', relation: 'primary' }]);
  });
});
