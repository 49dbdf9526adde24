import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { checkEpisodeReferences, insertEpisode, type EpisodeRecord } from '../stores/episode-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';
import { findPatient } from '../stores/patient-store.ts';
import { findAccountById } from '../stores/staff-account-store.ts';
import { requireEnabledInstrument } from './enabled-instruments.ts';

export interface OpenEpisodeInput {
  complaint: string;
  region: string;
  primaryInstrumentId: string;
  practitionerId?: string | undefined;
  assessmentId?: string | undefined;
  /** Defaults to today in the clinic's zone. */
  startedOn?: string | undefined;
}

/** Starts an episode of care for one complaint: the denominator of the outcome report starts here. */
export async function openEpisode(ctx: AppContext, patientId: string, input: OpenEpisodeInput, actor: Actor): Promise<EpisodeRecord> {
  const settings = await loadOutcomeSettings(ctx.db);
  requireEnabledInstrument(input.primaryInstrumentId, settings.licensedInstruments);
  if (!knowledgeBase.protocols.some((protocol) => protocol.id === input.region)) {
    throw new AppError('validation_failed', `Unknown region ${input.region}.`, [{ field: 'body.region', problem: 'is not a protocol region' }]);
  }
  const today = localDate(ctx.clock.now(), settings.timeZone);
  const startedOn = input.startedOn ?? today;
  if (startedOn > today)
    throw new AppError('validation_failed', 'An episode cannot start in the future.', [{ field: 'body.startedOn', problem: 'is after today' }]);
  return ctx.db.transaction(async (tx) => {
    const patient = await findPatient(tx, patientId, true);
    if (!patient) throw new AppError('not_found', 'No such patient.');
    if (patient.identityStatus === 'merged')
      throw new AppError('patient_merged', 'This record was merged into another patient.', { mergedIntoId: patient.mergedIntoId });
    // A therapist opening an episode is its practitioner unless another is named: the report's
    // per-practitioner breakdown then has no anonymous rows.
    const own = actor.type === 'staff' && actor.id ? ((await findAccountById(tx, actor.id))?.practitionerId ?? null) : null;
    const refs = { assessmentId: input.assessmentId ?? null, practitionerId: input.practitionerId ?? own };
    const found = await checkEpisodeReferences(tx, patientId, refs);
    if (!found.assessment) throw new AppError('not_found', 'No such assessment for this patient.');
    if (!found.practitioner) throw new AppError('unknown_practitioner', 'No such practitioner.');
    const episode = await insertEpisode(tx, {
      patientId,
      complaint: input.complaint,
      region: input.region,
      ...refs,
      primaryInstrumentId: input.primaryInstrumentId,
      startedOn,
    });
    await writeAudit(tx, actor, { action: 'episodes.create', entityType: 'episode', entityId: episode.id, after: episode });
    return episode;
  });
}
