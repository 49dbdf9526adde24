import type { MeasureRequestIn, MeasureRequestOut } from '@myomap/contract/outcomes/measure-requests.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { findEpisode } from '../stores/episode-store.ts';
import { findLatestOpenEpisode, insertMeasureRequest, type NewMeasureRequest } from '../stores/measure-request-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';
import { findPatient } from '../stores/patient-store.ts';
import { requireEnabledInstrument } from './enabled-instruments.ts';
import { scheduleEpisodeMeasures } from './schedule-episode-measures.ts';

/** The clinic tablet's link is for the visit in progress: long enough to fill in the waiting room, short if the tablet is left unlocked. */
export const TABLET_LINK_HOURS = 4;
/** A check-in's link stays open three days after the check-in opens (the 24–72 h after a session when soreness settles, §6). */
export const CHECKIN_LINK_HOURS = 72;

export function measureUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/measures/${token}`;
}

/**
 * A link for the clinic's tablet (staff hand it to the patient): by default the measures the
 * schedule says are due now that a patient can answer alone; or the ones staff name, each of
 * which must be enabled (and PSFS needs its baseline activities to re-rate).
 */
export async function createMeasureRequest(ctx: AppContext, episodeId: string, input: MeasureRequestIn, actor: Actor): Promise<MeasureRequestOut> {
  const settings = await loadOutcomeSettings(ctx.db);
  for (const id of input.instrumentIds ?? []) requireEnabledInstrument(id, settings.licensedInstruments);
  return ctx.db.transaction(async (tx) => {
    const episode = await findEpisode(tx, episodeId, { forUpdate: true });
    if (!episode) throw new AppError('not_found', 'No such episode.');
    if (episode.status !== 'open') throw new AppError('episode_closed', 'This episode has ended; start a new one for a new course of care.');
    const schedule = await scheduleEpisodeMeasures(tx, episode, settings);
    const activities = schedule.psfsActivities;
    const instrumentIds = input.instrumentIds ?? schedule.due.filter((d) => d.patientCanAnswer).map((d) => d.instrumentId);
    if (instrumentIds.includes('psfs') && activities.length === 0) {
      throw new AppError('validation_failed', 'A PSFS baseline names its activities with the clinician; a link can only re-rate them.', [
        { field: 'body.instrumentIds', problem: 'psfs has no baseline activities to re-rate' },
      ]);
    }
    if (instrumentIds.length === 0) throw new AppError('no_measures_due', 'No measure the patient can answer is due now.', { schedule: schedule.due });
    const patient = await findPatient(tx, episode.patientId);
    const token = newToken();
    const now = ctx.clock.now();
    const expiresAt = new Date(now.getTime() + TABLET_LINK_HOURS * 3_600_000);
    const request = await insertMeasureRequest(tx, {
      tokenHash: hashToken(token),
      episodeId,
      instrumentIds,
      psfsActivities: instrumentIds.includes('psfs') ? activities : [],
      channel: 'clinic_tablet',
      purpose: 'tablet',
      purposeKey: null,
      language: input.language ?? patient?.preferredLanguage ?? 'en',
      createdBy: actor.id ?? null,
      createdAt: now,
      expiresAt,
    });
    await writeAudit(tx, actor, {
      action: 'measure_requests.create',
      entityType: 'measure_request',
      entityId: request?.id,
      after: { episodeId, patientId: episode.patientId, instrumentIds, channel: 'clinic_tablet' },
    });
    return { url: measureUrl(ctx, token), expiresAt: expiresAt.toISOString(), instruments: instrumentIds };
  });
}

/**
 * The link a reminder or check-in message carries when the patient's open episode has measures
 * due that they can answer alone; null when nothing is due, there is no open episode, or the
 * message already has one (a retried write: the outbox keeps the first message).
 */
export async function issueMessageMeasureLink(
  tx: Sql,
  ctx: AppContext,
  input: { patientId: string; purpose: 'reminder' | 'checkin'; purposeKey: string; visit: 'current' | 'next'; expiresAt: Date },
): Promise<string | null> {
  const episode = await findLatestOpenEpisode(tx, input.patientId);
  if (!episode) return null;
  const settings = await loadOutcomeSettings(tx);
  const schedule = await scheduleEpisodeMeasures(tx, episode, settings, input.visit);
  const due = schedule.due.filter((d) => d.patientCanAnswer);
  if (due.length === 0) return null;
  const token = newToken();
  const request: NewMeasureRequest = {
    tokenHash: hashToken(token),
    episodeId: episode.id,
    instrumentIds: due.map((d) => d.instrumentId),
    psfsActivities: due.find((d) => d.instrumentId === 'psfs')?.activities ?? [],
    channel: 'patient_link',
    purpose: input.purpose,
    purposeKey: input.purposeKey,
    language: episode.language,
    createdBy: null,
    createdAt: ctx.clock.now(),
    expiresAt: input.expiresAt,
  };
  if (request.expiresAt <= request.createdAt) return null;
  const inserted = await insertMeasureRequest(tx, request);
  return inserted ? measureUrl(ctx, token) : null;
}
