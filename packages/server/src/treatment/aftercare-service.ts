import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { writeAudit, systemActor } from '../lib/audit.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { aftercareAdviceText, checkinInviteText, followUpText } from '../messages/aftercare-messages.ts';
import type { Language } from '../messages/booking-messages.ts';
import { enqueue } from '../scheduling/enqueue-appointment-messages.ts';
import { loadClinic } from '../stores/clinic-store.ts';

/** The check-in opens 24 h after the session, inside the 24–36 h window when soreness should be easing. */
export const CHECKIN_AFTER_HOURS = 24;
/** Relief is commonly quoted as lasting days to two weeks (§6, confidence L); we prompt at 7 days. */
export const FOLLOW_UP_AFTER_DAYS = 7;

/** Schedules aftercare for a signed session: advice now, check-in at +24 h, follow-up prompt at +7 days. */
export async function scheduleAftercare(tx: Sql, ctx: AppContext, sessionId: string, now: Date): Promise<void> {
  const [row] = await tx.query<{ patient_id: string; name: string; email: string; lang: Language }>(
    `select s.patient_id, p.name, p.email, p.preferred_language as lang from treatment_sessions s join patients p on p.id = s.patient_id where s.id = $1`,
    [sessionId],
  );
  if (!row) return;
  const token = newToken();
  const opensAt = new Date(now.getTime() + CHECKIN_AFTER_HOURS * 3_600_000);
  const followUpAt = new Date(now.getTime() + FOLLOW_UP_AFTER_DAYS * 86_400_000);
  const inserted = await tx.query(
    `insert into aftercare_checkins (session_id, patient_id, token_hash, opens_at, follow_up_due_at) values ($1, $2, $3, $4, $5)
     on conflict (session_id) do nothing returning id`,
    [sessionId, row.patient_id, hashToken(token), opensAt.toISOString(), followUpAt.toISOString()],
  );
  if (inserted.length === 0) return;
  const clinic = await loadClinic(tx);
  const link = `${ctx.config.publicUrl}/aftercare/${token}`;
  const advice = aftercareAdviceText(row.lang, row.name, row.lang === 'ar' ? clinic.nameAr : clinic.nameEn, clinic.phone, link);
  await enqueue(tx, { dedupeKey: `aftercare:${sessionId}`, kind: 'aftercare', recipient: row.email, subject: advice.subject, body: advice.body, attachments: [], sendAfter: now }, ctx.config.sessionSecret);
  const invite = checkinInviteText(row.lang, row.name, link);
  await enqueue(tx, { dedupeKey: `checkin:${sessionId}`, kind: 'checkin', recipient: row.email, subject: invite.subject, body: invite.body, attachments: [], sendAfter: opensAt }, ctx.config.sessionSecret);
}

/** Worker task: invite patients to book when relief may fade, unless a visit is already booked. */
export async function sendDueFollowUps(ctx: AppContext, now: Date): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const due = await tx.query<{ id: string; patient_id: string; name: string; email: string; lang: Language; has_next: boolean }>(
      `select c.id, c.patient_id, p.name, p.email, p.preferred_language as lang,
         exists (select 1 from appointments a where a.patient_id = c.patient_id and a.kind = 'visit' and a.status = 'confirmed' and a.starts_at > $1) as has_next
       from aftercare_checkins c join patients p on p.id = c.patient_id
       where c.follow_up_done_at is null and c.follow_up_due_at <= $1
       for update of c skip locked`,
      [now.toISOString()],
    );
    for (const row of due) {
      if (!row.has_next) {
        const text = followUpText(row.lang, row.name, `${ctx.config.publicUrl}/book?lang=${row.lang}`);
        await enqueue(tx, { dedupeKey: `follow-up:${row.id}`, kind: 'follow_up', recipient: row.email, subject: text.subject, body: text.body, attachments: [], sendAfter: now }, ctx.config.sessionSecret);
      }
      await tx.query('update aftercare_checkins set follow_up_done_at = $2 where id = $1', [row.id, now.toISOString()]);
      await writeAudit(tx, systemActor, { action: row.has_next ? 'follow_up.skipped_booked' : 'follow_up.sent', entityType: 'aftercare_checkin', entityId: row.id });
    }
    return due.length;
  });
}
