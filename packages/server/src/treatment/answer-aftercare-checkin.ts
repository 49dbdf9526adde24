import { isAdverseCheckin } from '@myomap/domain/treatment/detect-adverse-checkin';
import type { AftercareAnswerIn, AftercareAnswerOut, AftercareOut } from '@myomap/contract/treatment/aftercare.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { hashToken } from '../lib/tokens.ts';
import { toZonedIso } from '../lib/zoned-time.ts';
import { aftercareAdviceText } from '../messages/aftercare-messages.ts';
import { enqueue } from '../scheduling/enqueue-appointment-messages.ts';
import { findCheckinByTokenHash, insertStaffAlert, recordCheckinAnswer, type CheckinRow } from '../stores/aftercare-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findAccountById } from '../stores/staff-account-store.ts';

async function findCheckin(sql: Sql, token: string): Promise<CheckinRow> {
  const row = await findCheckinByTokenHash(sql, hashToken(token));
  if (!row) throw new AppError('not_found', 'This link is not valid.');
  return row;
}

/** The patient's aftercare page: the advice in both languages and where their check-in stands. */
export async function describeAftercare(ctx: AppContext, token: string): Promise<AftercareOut> {
  const row = await findCheckin(ctx.db, token);
  const clinic = await loadClinic(ctx.db);
  const now = ctx.clock.now();
  // The advice email's body without its greeting and sign-off.
  const advice = (lang: 'en' | 'ar') =>
    aftercareAdviceText(lang, row.patientName, lang === 'ar' ? clinic.name.ar : clinic.name.en, clinic.phone, '')
      .body.split('\n')
      .slice(2, -2)
      .join('\n');
  return {
    patientName: row.patientName,
    visitDate: toZonedIso(row.sessionStartedAt, clinic.timeZone),
    clinicPhone: clinic.phone,
    advice: { en: advice('en'), ar: advice('ar') },
    checkin: { status: row.answeredAt ? 'answered' : now < row.opensAt ? 'not_yet_open' : 'pending', dueAt: row.opensAt.toISOString() },
  };
}

/**
 * Records the patient's one check-in answer. An answer that may signal an adverse event alerts
 * the treating therapist (in the app and by email) for a same-day follow-up.
 */
export async function answerAftercareCheckin(ctx: AppContext, token: string, answer: AftercareAnswerIn, actor: Actor): Promise<AftercareAnswerOut> {
  const row = await findCheckin(ctx.db, token);
  if (row.answeredAt) throw new AppError('conflict', 'This check-in is already answered. Call the clinic if anything has changed.');
  const adverse = isAdverseCheckin(answer);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await recordCheckinAnswer(tx, row.id, {
      soreness: answer.soreness,
      relief: answer.relief,
      unexpected: answer.unexpected,
      notes: answer.notes ?? null,
      adverse,
      at: now,
    });
    if (adverse) {
      const message = `${row.patientName} reported after their session: soreness ${answer.soreness}/10${answer.unexpected.length ? `, ${answer.unexpected.join(', ')}` : ''}${answer.notes ? ` — "${answer.notes}"` : ''}. Please contact them today.`;
      const params = { soreness: answer.soreness, unexpected: answer.unexpected, notes: answer.notes ?? null };
      await insertStaffAlert(tx, { userId: row.therapistId, kind: 'adverse_checkin', patientId: row.patientId, message, params, now });
      const therapist = await findAccountById(tx, row.therapistId);
      if (therapist) {
        await enqueue(
          tx,
          {
            dedupeKey: `adverse-alert:${row.id}`,
            kind: 'staff_alert',
            recipient: therapist.email,
            subject: `Same-day follow-up: ${row.patientName}`,
            body: message,
            attachments: [],
            sendAfter: now,
          },
          ctx.config.sessionSecret,
        );
      }
    }
    await writeAudit(tx, actor, { action: 'aftercare.checkin', entityType: 'aftercare_checkin', entityId: row.id, after: { ...answer, adverse } });
  });
  return { answered: true, adverse };
}
