import { Type, type Static } from '@sinclair/typebox';

/** The audit log and the outbox as staff read them (both reads are themselves audited). */
export const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

export const AuditEntry = Type.Object({
  id: Type.Union([Type.Integer(), Type.String()], { description: 'the row number (bigserial)' }),
  at: Type.String(),
  actorType: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown({ description: 'the record before the change, as stored (free-form JSON, secrets redacted)' }),
  after: Type.Unknown({ description: 'the record after the change, as stored (free-form JSON, secrets redacted)' }),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const OutboxMessage = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  recipient: Type.String(),
  subject: Type.String(),
  /** Links show sealed (…?token=•••••); empty when bodyHidden. */
  body: Type.String(),
  /** A staff alert's body quotes symptoms: hidden from those who may not read alerts. */
  bodyHidden: Type.Optional(Type.Boolean()),
  status: Type.String(),
  transport: Nullable(Type.String()),
  sendAfter: Type.String(),
  sentAt: Nullable(Type.String()),
  attachmentCount: Type.Integer(),
  lastError: Nullable(Type.String()),
});
export type OutboxMessage = Static<typeof OutboxMessage>;
