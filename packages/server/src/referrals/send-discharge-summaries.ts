import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import type { Actor } from '../lib/audit.ts';
import type { EpisodeRecord } from '../stores/episode-store.ts';
import { listEpisodeMeasurements } from '../stores/measurement-store.ts';
import { listAcceptedInbound } from '../stores/referral-store.ts';
import { enqueueDischargeSummary } from './referral-messages.ts';
import { clinicToday, takeStep } from './referral-view.ts';
import { issueDischargeLetter } from './referrer-letters.ts';

/**
 * At discharge, each doctor who referred the patient in gets a discharge summary (complaint, dates,
 * reason, the primary measure's first and last score), and their referral closes. Called in the
 * discharge's transaction (outcomes/discharge-episode.ts).
 */
export async function sendDischargeSummaries(ctx: AppContext, tx: Sql, episode: EpisodeRecord, actor: Actor): Promise<void> {
  const referrals = await listAcceptedInbound(tx, episode.patientId);
  if (referrals.length === 0) return;
  const scored = (await listEpisodeMeasurements(tx, episode.id)).filter((m) => m.instrumentId === episode.primaryInstrumentId && m.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  const outcome = first
    ? { measure: episode.primaryInstrumentId.toUpperCase(), baseline: String(first.score), latest: last && last !== first ? String(last.score) : null }
    : null;
  const at = ctx.clock.now();
  const issuedOn = await clinicToday(ctx, tx);
  const facts = {
    id: episode.id,
    complaint: episode.complaint,
    startedOn: episode.startedOn,
    endedOn: episode.endedOn ?? '',
    reason: episode.dischargeReason ?? '',
  };
  for (const referral of referrals) {
    const documentId = referral.referrerEmail
      ? await issueDischargeLetter(tx, {
          referralId: referral.id,
          patientId: referral.patientId,
          referrer: { name: referral.referrerName ?? '', organisation: referral.referrerOrganisation },
          patient: { name: referral.patientName ?? referral.referredPatient?.name ?? '' },
          language: referral.language,
          issuedOn,
          episode: facts,
          outcome,
          at,
        })
      : undefined;
    await enqueueDischargeSummary(
      tx,
      {
        referral,
        episode: facts,
        outcome,
        ...(documentId ? { documentId } : {}),
      },
      ctx.config.sessionSecret,
      at,
    );
    await takeStep(tx, referral, { status: 'closed' }, actor, at, `discharged (episode ${episode.id})`);
  }
}
