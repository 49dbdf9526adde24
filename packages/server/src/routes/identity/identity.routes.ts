import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { permit } from '../../lib/route-access.ts';
import { patientView } from '../../clinical/patient-view.ts';
import { listPossibleDuplicates, loadMergePreview } from '../../identity/load-merge-preview.ts';
import { mergePatients, verifyPatient } from '../../identity/merge-patients.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import { DuplicatesOut, MergeBody, MergedOut, MergePreviewOut, MergePreviewQuery, PatientIdParams } from '@myomap/contract/identity/identity.schemas';

// Reception and admin check identity and merge; clinicians may look.

export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/staff/patient-duplicates', { config: { access: permit('patient.duplicates.read') }, schema: { tags: ['identity'], response: { 200: DuplicatesOut } } }, async (request) => {
    return app.ctx.db.transaction(async (tx) => {
      const items = await listPossibleDuplicates(tx);
      await writeAudit(tx, staffActor(request), { action: 'patients.duplicates.read', entityType: 'patient', after: { count: items.length } });
      return items;
    });
  });

  app.get(
    '/staff/patients/:id/merge-preview',
    { config: { access: permit('patient.duplicates.read') }, schema: { tags: ['identity'], params: PatientIdParams, querystring: MergePreviewQuery, response: { 200: MergePreviewOut } } },
    async (request) => {
      const actor = staffActor(request);
      const clinic = await loadClinic(app.ctx.db);
      return app.ctx.db.transaction(async (tx) => {
        const preview = await loadMergePreview(tx, request.params.id, request.query.duplicateId, clinic.timeZone, actor.role !== 'reception');
        await writeAudit(tx, actor, { action: 'patients.merge_preview', entityType: 'patient', entityId: request.params.id, after: { duplicateId: request.query.duplicateId } });
        return preview;
      });
    },
  );

  app.post('/staff/patients/:id/merge', { config: { access: permit('patient.merge') }, schema: { tags: ['identity'], params: PatientIdParams, body: MergeBody, response: { 200: MergedOut } } }, async (request) => {
    const actor = staffActor(request);
    const result = await app.ctx.db.transaction((tx) =>
      mergePatients(tx, request.params.id, request.body.duplicateId, request.body.keep ?? {}, app.ctx.clock.now(), { ...actor, id: actor.id ?? '' }),
    );
    return { mergeId: result.mergeId, patient: patientView(result.patient), moved: result.moved };
  });

  app.post('/staff/patients/:id/verify', { config: { access: permit('patient.merge') }, schema: { tags: ['identity'], params: PatientIdParams, response: { 200: PatientOut } } }, async (request) => {
    const patient = await app.ctx.db.transaction((tx) => verifyPatient(tx, request.params.id, staffActor(request)));
    return patientView(patient);
  });
};
