import type { Sql } from '../database/database.ts';
import type { AppContext } from '../app-context.ts';
import { calendarContentType, schedulingMessage, visitUid, type CalendarVisit, type SchedulingMethod } from '../messages/appointment-ics.ts';
import { cancellationText, confirmationText, reminderText, type Language } from '../messages/booking-messages.ts';
import { findAppointmentParties, type AppointmentRow } from '../stores/appointment-store.ts';
import { loadClinic, type ClinicSettings } from '../stores/clinic-store.ts';
import { renderEmailHtml, textFooter } from '../messages/email-html.ts';
import { redactTokensInUrl } from '../lib/redact-tokens.ts';
import { sealLinks } from '../lib/seal-links.ts';
import { cancelPendingReminders, findMessagePatient, insertOutboxMessage, type NewOutboxMessage } from '../stores/outbox-store.ts';
import { issueMessageMeasureLink } from '../outcomes/create-measure-request.ts';

export interface Names {
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
  const stamp = appointment.startsAt.toISOString();
  // Measures due at this visit (an open episode's schedule) are asked in the reminder, answerable until the visit ends.
  const measuresUrl =
    reminderTime(clinic, appointment, now) && appointment.patientId
      ? await issueMessageMeasureLink(sql, ctx, {
          patientId: appointment.patientId,
          purpose: 'reminder',
          purposeKey: `${appointment.id}:${stamp}`,
          visit: 'next',
          expiresAt: appointment.endsAt,
        })
      : null;
  const messages = confirmationAndReminder(ctx, clinic, appointment, names, manageToken, now, { kind, notice, measuresUrl });
  for (const message of messages) await insertOutboxMessage(sql, message);
}

/** When the reminder goes out, or null when that moment has passed (a visit booked inside the reminder window). */
function reminderTime(clinic: ClinicSettings, appointment: AppointmentRow, now: Date): Date | null {
  const at = new Date(appointment.startsAt.getTime() - clinic.reminderHoursBefore * 3_600_000);
  return at > now ? at : null;
}

/**
 * The confirmation and reminder rows, sealed and ready to insert, from what the caller read: no
 * database. An online booking makes them before its transaction (book-appointment.ts).
 */
export function confirmationAndReminder(
  ctx: AppContext,
  clinic: ClinicSettings,
  appointment: AppointmentRow,
  names: Names,
  manageToken: string,
  now: Date,
  options: { kind: 'confirmation' | 'rescheduled'; notice: boolean; measuresUrl: string | null },
): NewOutboxMessage[] {
  const { kind, notice, measuresUrl } = options;
  // The clinic came with the caller and the patient's language with the names: read once, not per message.
  const known = { clinic, language: names.language };
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
  const stamp = appointment.startsAt.toISOString();
  const messages: NewOutboxMessage[] = [];
  if (notice) {
    const confirmation = confirmationText(base);
    // The patient chose this time (online, or through their manage link), or the clinic set it.
    const accepted = appointment.source !== 'staff' && manageToken !== '';
    const invite = visitInvite(ctx, clinic, appointment, names, 'REQUEST', now, accepted);
    messages.push(
      composeMessage(
        {
          dedupeKey: `${kind}:${appointment.id}:${stamp}`,
          kind,
          recipient: names.patientEmail,
          subject: confirmation.subject,
          body: confirmation.body,
          short: confirmation.short,
          patientId: appointment.patientId,
          attachments: [invite],
          sendAfter: now,
          appointmentId: appointment.id,
        },
        ctx.config.sessionSecret,
        ctx.config.publicUrl,
        known,
      ),
    );
  }
  const reminderAt = reminderTime(clinic, appointment, now);
  if (reminderAt) {
    const reminder = reminderText({ ...base, measuresUrl: measuresUrl ?? undefined });
    messages.push(
      composeMessage(
        {
          dedupeKey: `reminder:${appointment.id}:${stamp}`,
          kind: 'reminder',
          recipient: names.patientEmail,
          subject: reminder.subject,
          body: reminder.body,
          short: reminder.short,
          patientId: appointment.patientId,
          attachments: [],
          sendAfter: reminderAt,
          appointmentId: appointment.id,
        },
        ctx.config.sessionSecret,
        ctx.config.publicUrl,
        known,
      ),
    );
  }
  return messages;
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
      short: text.short,
      patientId: appointment.patientId,
      attachments: [visitInvite(ctx, clinic, appointment, names, 'CANCEL', now, false)],
      sendAfter: now,
      appointmentId: appointment.id,
    },
    ctx.config.sessionSecret,
    ctx.config.publicUrl,
  );
}

/** What a visit's calendar entry says, the same in the emails and the patient's download. */
export function calendarVisit(ctx: AppContext, clinic: ClinicSettings, appointment: AppointmentRow, names: Names): CalendarVisit {
  const ar = names.language === 'ar';
  return {
    uid: visitUid(appointment.id, ctx.config.publicUrl),
    sequence: appointment.icalSequence,
    start: appointment.startsAt,
    end: appointment.endsAt,
    title: `${names.serviceName} (${appointment.reference ?? ''})`,
    // The calendar file carries no token: it lives on in calendars, and the email has the link.
    description: `${names.practitionerName}\n${ctx.config.publicUrl}`,
    location: ar ? `${clinic.name.ar}، ${clinic.address.ar}` : `${clinic.name.en}, ${clinic.address.en}`,
    cancelled: appointment.status === 'cancelled',
  };
}

/**
 * The visit's iTIP message as an attachment row: the outbox keeps the calendar text with the
 * SEQUENCE of this change, and the mailer sends a `method=` part as the invitation itself.
 */
function visitInvite(
  ctx: AppContext,
  clinic: ClinicSettings,
  appointment: AppointmentRow,
  names: Names,
  method: SchedulingMethod,
  now: Date,
  accepted: boolean,
): OutboxMessage['attachments'][number] {
  const content = schedulingMessage(
    calendarVisit(ctx, clinic, appointment, names),
    {
      // The same name and address the mail comes from (start-app.ts), so the invitation's organizer is its sender.
      organizer: { name: clinic.name.en, email: clinic.email || 'no-reply@myomap.app' },
      attendee: { name: names.patientName, email: names.patientEmail, accepted },
    },
    method,
    now,
  );
  return { filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', contentType: calendarContentType(method), content };
}

export interface OutboxMessage {
  dedupeKey: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  /**
   * The patient a message is for. A patient message gets the HTML part, the clinic's footer
   * (address, phone, map) and a short SMS/WhatsApp text, and goes on the patient's preferred
   * channel when the clinic has it. Staff messages (no patient) stay plain text by email.
   */
  patientId?: string | null | undefined;
  /** The SMS/WhatsApp text; by default the subject and the message's first link to the clinic's site. */
  short?: string | undefined;
  attachments: { filename: string; contentType: string; content: string }[];
  /** Stored documents (a referral letter) the sender attaches; such a message always goes by email. */
  documentIds?: readonly string[];
  /** Strings in the body sealed like link tokens (a portal sign-in code): staff see •••••. */
  secrets?: readonly string[];
  sendAfter: Date;
  appointmentId?: string | null;
}

/**
 * Adds a message to the outbox once: a second write with the same dedupe key is ignored.
 * Links carrying a patient token are sealed with `linkSecret` (SESSION_SECRET) in every part
 * (text, HTML, short text), so the stored row, which staff read in the mailbox, holds no live
 * token (lib/seal-links.ts). `publicUrl` is the clinic's site: only its links become buttons.
 */
/** What the caller already read for this message (in its transaction), so enqueue need not read it again. */
export interface KnownToSender {
  clinic: ClinicSettings;
  language: Language;
}

export async function enqueue(sql: Sql, message: OutboxMessage, linkSecret: string, publicUrl = '', known?: KnownToSender): Promise<void> {
  const sender = message.patientId && !known ? await readSender(sql, message.patientId) : known;
  await insertOutboxMessage(sql, composeMessage(message, linkSecret, publicUrl, sender));
}

/** The clinic and the patient's language, for a patient message whose caller did not have them. */
async function readSender(sql: Sql, patientId: string): Promise<KnownToSender> {
  return { clinic: await loadClinic(sql), language: (await findMessagePatient(sql, patientId))?.language ?? 'en' };
}

/** A message as its outbox row: the patient parts (HTML, footer, short text) and every token link sealed. No database. */
function composeMessage(message: OutboxMessage, linkSecret: string, publicUrl: string, sender: KnownToSender | undefined): NewOutboxMessage {
  if (message.attachments.some((a) => redactTokensInUrl(a.content) !== a.content)) {
    throw new Error(`outbox ${message.kind}: an attachment carries a link token; put links in the body, where they are sealed`);
  }
  const parts = message.patientId && sender ? patientParts(message, publicUrl, sender) : { text: message.body, html: null, short: null };
  const { texts, sealed } = sealLinks(linkSecret, [parts.text, parts.html ?? '', parts.short ?? ''], message.secrets ?? []);
  return {
    dedupeKey: message.dedupeKey,
    kind: message.kind,
    recipient: message.recipient,
    subject: message.subject,
    bodyText: texts[0] ?? '',
    bodyHtml: parts.html === null ? null : (texts[1] ?? null),
    attachments: message.attachments,
    sendAfter: message.sendAfter,
    appointmentId: message.appointmentId ?? null,
    sealedLinks: sealed,
    patientId: message.patientId ?? null,
    bodyShort: parts.short === null ? null : (texts[2] ?? null),
    documentIds: message.documentIds ?? [],
  };
}

function patientParts(message: OutboxMessage, publicUrl: string, sender: KnownToSender): { text: string; html: string; short: string } {
  const { clinic, language } = sender;
  const firstLink = publicUrl ? message.body.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(`${publicUrl}/`)) : undefined;
  return {
    text: `${message.body}\n\n${textFooter(clinic, language)}`,
    html: renderEmailHtml({ language, clinic, subject: message.subject, text: message.body, linkBase: publicUrl }),
    short: message.short ?? [`${clinic.name[language]}: ${message.subject}`, firstLink].filter(Boolean).join(' '),
  };
}
