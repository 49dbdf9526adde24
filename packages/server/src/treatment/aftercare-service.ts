import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { writeAudit, systemActor } from '../lib/audit.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { aftercareAdviceText, checkinInviteText, followUpText } from '../messages/aftercare-messages.ts';
import { enqueue } from '../scheduling/enqueue-appointment-messages.ts';
import { claimDueFollowUps, findSessionPatient, insertCheckin, markFollowUpDone } from '../stores/aftercare-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { CHECKIN_LINK_HOURS, issueMessageMeasureLink } from '../outcomes/create-measure-request.ts';

/** The check-in opens 24 h after the session, inside the 24–36 h window when soreness should be easing. */
export const CHECKIN_AFTER_HOURS = 24;
/** Relief is commonly quoted as lasting days to two weeks (§6, confidence L); we prompt at 7 days. */
export const FOLLOW_UP_AFTER_DAYS = 7;

/** Schedules aftercare for a signed session: advice now, check-in at +24 h, follow-up prompt at +7 days. */
export async function scheduleAftercare(tx: Sql, ctx: AppContext, sessionId: string, now: Date): Promise<void> {
  const row = await findSessionPatient(tx, sessionId);
  if (!row) return;
  const token = newToken();
  const opensAt = new Date(now.getTime() + CHECKIN_AFTER_HOURS * 3_600_000);
  const followUpAt = new Date(now.getTime() + FOLLOW_UP_AFTER_DAYS * 86_400_000);
  if (!(await insertCheckin(tx, { sessionId, patientId: row.patientId, tokenHash: hashToken(token), opensAt, followUpAt }))) return;
  const clinic = await loadClinic(tx);
  const link = `${ctx.config.publicUrl}/aftercare/${token}`;
  const advice = aftercareAdviceText(row.language, row.name, row.language === 'ar' ? clinic.name.ar : clinic.name.en, clinic.phone, link);
  await enqueue(
    tx,
    {
      dedupeKey: `aftercare:${sessionId}`,
      kind: 'aftercare',
      recipient: row.email,
      subject: advice.subject,
      body: advice.body,
      short: advice.short,
      patientId: row.patientId,
      attachments: [],
      sendAfter: now,
    },
    ctx.config.sessionSecret,
    ctx.config.publicUrl,
  );
  // Measures due after this visit (the schedule; the note's pain is already its NPRS) ride along with the check-in.
  const measuresUrl = await issueMessageMeasureLink(tx, ctx, {
    patientId: row.patientId,
    purpose: 'checkin',
    purposeKey: sessionId,
    visit: 'current',
    expiresAt: new Date(opensAt.getTime() + CHECKIN_LINK_HOURS * 3_600_000),
  });
  const invite = checkinInviteText(row.language, row.name, link, measuresUrl);
  await enqueue(
    tx,
    {
      dedupeKey: `checkin:${sessionId}`,
      kind: 'checkin',
      recipient: row.email,
      subject: invite.subject,
      body: invite.body,
      patientId: row.patientId,
      attachments: [],
      sendAfter: opensAt,
    },
    ctx.config.sessionSecret,
    ctx.config.publicUrl,
  );
}

/** Worker task: invite patients to book when relief may fade, unless a visit is already booked. */
export async function sendDueFollowUps(ctx: AppContext, now: Date): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const due = await claimDueFollowUps(tx, now);
    for (const row of due) {
      if (!row.hasNext) {
        const text = followUpText(row.language, row.name, `${ctx.config.publicUrl}/book?lang=${row.language}`);
        await enqueue(
          tx,
          {
            dedupeKey: `follow-up:${row.id}`,
            kind: 'follow_up',
            recipient: row.email,
            subject: text.subject,
            body: text.body,
            patientId: row.patientId,
            attachments: [],
            sendAfter: now,
          },
          ctx.config.sessionSecret,
          ctx.config.publicUrl,
        );
      }
      await markFollowUpDone(tx, row.id, now);
      await writeAudit(tx, systemActor, {
        action: row.hasNext ? 'follow_up.skipped_booked' : 'follow_up.sent',
        entityType: 'aftercare_checkin',
        entityId: row.id,
      });
    }
    return due.length;
  });
}
