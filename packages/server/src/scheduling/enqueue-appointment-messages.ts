import type { Sql } from '../database/database.ts';
import type { AppContext } from '../app-context.ts';
import { appointmentIcs } from '../messages/appointment-ics.ts';
import { cancellationText, confirmationText, reminderText, type Language } from '../messages/booking-messages.ts';
import { findAppointmentParties, type AppointmentRow } from '../stores/appointment-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import { redactTokensInUrl } from '../lib/redact-tokens.ts';
import { sealLinks } from '../lib/seal-links.ts';
import { cancelPendingReminders, insertOutboxMessage } from '../stores/outbox-store.ts';
import { issueMessageMeasureLink } from '../outcomes/create-measure-request.ts';

interface Names {
  patientName: string;
  patientEmail: string;
  language: Language;
  serviceName: string;
  practitionerName: string;
}

export async function loadNames(sql: Sql, appointment: AppointmentRow): Promise<Names> {
  const row = await findAppointmentParties(sql, appointment.id);
  if (!row) throw new Error(`appointment ${appointment.id} has no patient or service`);
  const ar = row.language === 'ar';
  return {
    patientName: row.patientName,
    patientEmail: row.patientEmail,
    language: row.language,
    serviceName: ar ? row.serviceName.ar : row.serviceName.en,
    practitionerName: (ar ? row.practitionerName?.ar : row.practitionerName?.en) ?? '',
  };
}

export function manageUrl(ctx: AppContext, reference: string, token: string): string {
  return `${ctx.config.publicUrl}/booking/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
}

/**
 * Writes the confirmation (with its .ics) and the reminder into the outbox, in the booking's
 * transaction. Dedupe keys carry the start time, so a rescheduled visit gets fresh messages
 * while a retry of the same write is refused by the unique key.
 */
export async function enqueueConfirmationAndReminder(
  sql: Sql,
  ctx: AppContext,
  clinic: ClinicSettings,
  appointment: AppointmentRow,
  manageToken: string,
  now: Date,
  kind: 'confirmation' | 'rescheduled' = 'confirmation',
  /** false: only the reminder (staff moved a visit and chose not to tell the patient now). */
  notice = true,
): Promise<void> {
  const names = await loadNames(sql, appointment);
  const reference = appointment.reference ?? '';
  const base = {
    ...names,
    clinic,
    reference,
    start: appointment.startsAt,
    // Staff moves have no token to hand out; the patient keeps the link from the first message.
    manageUrl: manageToken ? manageUrl(ctx, reference, manageToken) : ctx.config.publicUrl,
    intakeUrl: manageToken ? `${ctx.config.publicUrl}/intake/${encodeURIComponent(reference)}?token=${encodeURIComponent(manageToken)}` : undefined,
  };
  const confirmation = confirmationText(base);
  const ics = appointmentIcs({
    uid: `${appointment.id}@myomap`,
    start: appointment.startsAt,
    end: appointment.endsAt,
    title: `${names.serviceName} (${reference})`,
    // The calendar file carries no token: it lives on in calendars, and the email has the link.
    description: `${names.practitionerName}\n${ctx.config.publicUrl}`,
    location: names.language === 'ar' ? `${clinic.name.ar}، ${clinic.address.ar}` : `${clinic.name.en}, ${clinic.address.en}`,
    sequence: kind === 'rescheduled' ? Math.floor(now.getTime() / 1000) % 100000 : 0,
  });
  const stamp = appointment.startsAt.toISOString();
  if (notice)
    await enqueue(
      sql,
      {
        dedupeKey: `${kind}:${appointment.id}:${stamp}`,
        kind,
        recipient: names.patientEmail,
        subject: confirmation.subject,
        body: confirmation.body,
        attachments: [{ filename: 'appointment.ics', contentType: 'text/calendar; charset=utf-8', content: ics }],
        sendAfter: now,
        appointmentId: appointment.id,
      },
      ctx.config.sessionSecret,
    );
  const reminderAt = new Date(appointment.startsAt.getTime() - clinic.reminderHoursBefore * 3_600_000);
  if (reminderAt > now) {
    // Measures due at this visit (an open episode's schedule) are asked in the reminder, answerable until the visit ends.
    const measuresUrl = appointment.patientId
      ? await issueMessageMeasureLink(sql, ctx, {
          patientId: appointment.patientId,
          purpose: 'reminder',
          purposeKey: `${appointment.id}:${stamp}`,
          visit: 'next',
          expiresAt: appointment.endsAt,
        })
      : null;
    const reminder = reminderText({ ...base, measuresUrl: measuresUrl ?? undefined });
    await enqueue(
      sql,
      {
        dedupeKey: `reminder:${appointment.id}:${stamp}`,
        kind: 'reminder',
        recipient: names.patientEmail,
        subject: reminder.subject,
        body: reminder.body,
        attachments: [],
        sendAfter: reminderAt,
        appointmentId: appointment.id,
      },
      ctx.config.sessionSecret,
    );
  }
}

/** Cancels the visit's unsent reminders and tells the patient, in the same transaction. */
export async function enqueueCancellation(sql: Sql, ctx: AppContext, clinic: ClinicSettings, appointment: AppointmentRow, now: Date): Promise<void> {
  await cancelPendingReminders(sql, appointment.id);
  const names = await loadNames(sql, appointment);
  const text = cancellationText({ ...names, clinic, reference: appointment.reference ?? '', start: appointment.startsAt, manageUrl: '' });
  await enqueue(
    sql,
    {
      dedupeKey: `cancellation:${appointment.id}`,
      kind: 'cancellation',
      recipient: names.patientEmail,
      subject: text.subject,
      body: text.body,
      attachments: [],
      sendAfter: now,
      appointmentId: appointment.id,
    },
    ctx.config.sessionSecret,
  );
}

export interface OutboxMessage {
  dedupeKey: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  html?: string;
  attachments: { filename: string; contentType: string; content: string }[];
  sendAfter: Date;
  appointmentId?: string | null;
}

/**
 * Adds a message to the outbox once: a second write with the same dedupe key is ignored.
 * Links carrying a patient token are sealed with `linkSecret` (SESSION_SECRET) so the stored
 * body, which staff read in the mailbox, holds no live token (lib/seal-links.ts).
 */
export async function enqueue(sql: Sql, message: OutboxMessage, linkSecret: string): Promise<void> {
  const { texts, sealed } = sealLinks(linkSecret, message.html === undefined ? [message.body] : [message.body, message.html]);
  if (message.attachments.some((a) => redactTokensInUrl(a.content) !== a.content)) {
    throw new Error(`outbox ${message.kind}: an attachment carries a link token; put links in the body, where they are sealed`);
  }
  await insertOutboxMessage(sql, {
    dedupeKey: message.dedupeKey,
    kind: message.kind,
    recipient: message.recipient,
    subject: message.subject,
    bodyText: texts[0] ?? '',
    bodyHtml: texts[1] ?? null,
    attachments: message.attachments,
    sendAfter: message.sendAfter,
    appointmentId: message.appointmentId ?? null,
    sealedLinks: sealed,
  });
}
