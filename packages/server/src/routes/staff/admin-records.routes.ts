import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AuditEntry, AuditQuery, MailboxQuery, OutboxMessage } from '@myomap/contract/staff/records.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { readAuditLog, readMailbox } from '../../staff/read-staff-records.ts';

/** The audit log (admins) and the staff mailbox (what the clinic sent); both reads are audited. */
export const adminRecordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/audit',
    {
      config: { access: permit('audit.read') },
      schema: {
        operationId: 'listAuditEvents',
        summary: 'The audit log, newest first',
        tags: ['admin'],
        querystring: AuditQuery,
        response: { 200: Type.Array(AuditEntry) },
      },
    },
    async (request) => readAuditLog(app.ctx, request.query, staffActor(request)),
  );
  app.get(
    '/staff/mailbox',
    {
      config: { access: permit('mailbox.read') },
      schema: {
        operationId: 'listMailbox',
        summary: 'Messages the clinic has sent or queued (the outbox)',
        tags: ['staff'],
        querystring: MailboxQuery,
        response: { 200: Type.Array(OutboxMessage) },
      },
    },
    async (request) => readMailbox(app.ctx, request.query, staffActor(request)),
  );
};
