import { Type, type Static } from '@sinclair/typebox';

/** The audit log and the outbox as staff read them (both reads are themselves audited). */
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day in the clinic time zone, YYYY-MM-DD' });

export const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  /** Part of a patient's name (case-insensitive) or a patient id: entries about that patient's record. */
  patient: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  /** A staff user id: what that person did. */
  actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** First and last day included, in the clinic's time zone. */
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
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
  /** The patient whose record the entry is about, when it is about one (resolved from the entity). */
  patientId: Type.Optional(Nullable(Type.String())),
  patientName: Type.Optional(Nullable(Type.String())),
  before: Type.Unknown({ description: 'the record before the change, as stored (free-form JSON, secrets redacted)' }),
  after: Type.Unknown({ description: 'the record after the change, as stored (free-form JSON, secrets redacted)' }),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const OutboxMessage = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  recipient: Type.String(),
  /** The patient the message is about (through its appointment), when known. */
  patientName: Type.Optional(Nullable(Type.String())),
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

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

export const MailboxQuery = Type.Object({
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  status: Type.Optional(Type.Union(MAIL_STATUSES.map((s) => Type.Literal(s)))),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type MailboxQuery = Static<typeof MailboxQuery>;
