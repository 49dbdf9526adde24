import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AftercareAnswerIn,
  AftercareAnswerOut,
  AftercareOut,
  AftercareTokenParams,
  AlertIdParams,
  AlertReadOut,
  StaffAlertListOut,
} from '@myomap/contract/treatment/aftercare.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { PATIENT_TOKEN, permit } from '../../lib/route-access.ts';
import { publicActor, staffActor } from '../../lib/staff-session.ts';
import { answerAftercareCheckin, describeAftercare } from '../../treatment/answer-aftercare-checkin.ts';
import { markAlertRead, readStaffAlerts } from '../../treatment/read-staff-alerts.ts';

/** The patient's aftercare check-in (token link) and the staff alerts it raises. */
export const aftercareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/aftercare/:token',
    {
      config: { access: PATIENT_TOKEN },
      schema: {
        operationId: 'getAftercare',
        summary: "The aftercare check-in, through the patient's link",
        tags: ['aftercare'],
        params: AftercareTokenParams,
        response: { 200: AftercareOut },
      },
    },
    async (request) => describeAftercare(app.ctx, request.params.token),
  );

  app.post(
    '/aftercare/:token',
    {
      config: { access: PATIENT_TOKEN, rateLimit: { max: 30, timeWindow: '1 minute' } },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'answerAftercare',
        summary: "Answer the aftercare check-in, through the patient's link",
        tags: ['aftercare'],
        params: AftercareTokenParams,
        body: AftercareAnswerIn,
        response: { 200: AftercareAnswerOut },
      },
    },
    async (request) => answerAftercareCheckin(app.ctx, request.params.token, request.body, publicActor(request)),
  );

  app.get(
    '/staff/alerts',
    {
      config: { access: permit('alerts.read') },
      schema: { operationId: 'listStaffAlerts', summary: 'Alerts for the signed-in staff member', tags: ['staff'], response: { 200: StaffAlertListOut } },
    },
    async (request) => readStaffAlerts(app.ctx, staffActor(request)),
  );

  app.post(
    '/staff/alerts/:id/read',
    {
      config: { access: permit('alerts.read') },
      schema: { operationId: 'markAlertRead', summary: 'Mark an alert as read', tags: ['staff'], params: AlertIdParams, response: { 200: AlertReadOut } },
    },
    async (request) => markAlertRead(app.ctx, request.params.id, staffActor(request)),
  );
};
