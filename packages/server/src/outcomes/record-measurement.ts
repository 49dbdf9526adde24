import { scoreMeasure, type MeasureAnswers } from '@myomap/domain/outcomes/score-measure';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { findEpisode } from '../stores/episode-store.ts';
import { insertMeasurement, type MeasurementRecord } from '../stores/measurement-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';
import { requireEnabledInstrument } from './enabled-instruments.ts';

export interface MeasurementInput {
  instrumentId: string;
  language: 'en' | 'ar';
  answers: MeasureAnswers;
  source: MeasurementRecord['source'];
}

/**
 * Scores and stores one completed measure in an open episode. Answers off the scale are a 400
 * and store nothing; answers the instrument cannot score (too many items missing) are stored
 * with a null score, because what the patient answered is a record, and a missing score is
 * shown as "not computable", never as 0.
 */
export async function recordMeasurement(ctx: AppContext, episodeId: string, input: MeasurementInput, actor: Actor): Promise<MeasurementRecord> {
  const settings = await loadOutcomeSettings(ctx.db);
  const instrument = requireEnabledInstrument(input.instrumentId, settings.licensedInstruments);
  const scored = scoreMeasure(instrument, input.answers);
  if (scored.status === 'invalid') {
    throw new AppError(
      'validation_failed',
      'Some answers are not on the instrument’s scale.',
      scored.invalid.map((item) => ({ field: `body.answers.${item}`, problem: 'is not an answer this item allows' })),
    );
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const episode = await findEpisode(tx, episodeId, { forUpdate: true });
    if (!episode) throw new AppError('not_found', 'No such episode.');
    if (episode.status !== 'open') throw new AppError('episode_closed', 'This episode has ended; start a new one for a new course of care.');
    const saved = await insertMeasurement(tx, {
      episodeId,
      patientId: episode.patientId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      language: input.language,
      takenOn: localDate(now, settings.timeZone),
      takenAt: now,
      answers: Object.fromEntries(Object.entries(input.answers).map(([item, value]) => [item, value ?? null])),
      score: scored.status === 'scored' ? scored.score : null,
      missingItems: [...scored.missing],
      missingHandling: scored.status === 'scored' ? scored.missingHandling : null,
      source: input.source,
      recordedBy: actor.type === 'staff' ? (actor.id ?? null) : null,
    });
    await writeAudit(tx, actor, {
      action: 'measurements.create',
      entityType: 'measurement',
      entityId: saved.id,
      after: { episodeId, patientId: episode.patientId, instrumentId: saved.instrumentId, score: saved.score },
    });
    return saved;
  });
}
