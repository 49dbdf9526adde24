import type { Instrument } from '@myomap/domain/outcomes/instrument-schemas';
import { findInstrument } from '@myomap/domain/outcomes/load-instruments';
import { scoreMeasure } from '@myomap/domain/outcomes/score-measure';
import type {
  MeasureAnswersIn,
  MeasureAnswersOut,
  MeasureFormInstrument,
  MeasureFormOut,
  MeasureStatus,
} from '@myomap/contract/outcomes/measure-requests.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { hashToken } from '../lib/tokens.ts';
import { localDate } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findMeasureRequestByTokenHash, markMeasureRequestCompleted, type MeasureRequestRecord } from '../stores/measure-request-store.ts';
import { insertMeasurement } from '../stores/measurement-store.ts';

// Unknown and expired links get the same answer as every other patient token (not_found), so a guessed token learns nothing.
const LINK_INVALID = 'This link is not valid. Please ask the clinic for a new one.';

function statusOf(request: MeasureRequestRecord, now: Date): MeasureStatus {
  if (request.completedAt) return 'completed';
  // An episode that has ended asks for nothing more: its link behaves as expired.
  if (request.expiresAt <= now || request.episodeStatus !== 'open') return 'expired';
  return 'open';
}

/** The questions of one instrument as the patient sees them; PSFS lists the activities they named, to re-rate. */
function formInstrument(instrument: Instrument, activities: readonly string[]): MeasureFormInstrument {
  const specific = instrument.patientSpecific;
  const items = specific
    ? activities.map((activity) => ({ id: activity, text: { en: activity, ar: activity }, min: specific.min, max: specific.max, anchors: specific.anchors }))
    : instrument.items;
  return { id: instrument.id, name: instrument.name, instructions: instrument.instructions, patientSpecific: specific !== undefined, items };
}

/**
 * What a measure link asks (GET /api/measures/:token). A completed or expired link lists no
 * questions. The page names no patient and shows no earlier answer, so a link seen over a
 * shoulder gives nothing away; reading it is not a read of the clinical record.
 */
export async function describeMeasureRequest(ctx: AppContext, token: string): Promise<MeasureFormOut> {
  const request = await findMeasureRequestByTokenHash(ctx.db, hashToken(token));
  if (!request) throw new AppError('not_found', LINK_INVALID);
  const clinic = await loadClinic(ctx.db);
  const status = statusOf(request, ctx.clock.now());
  return {
    status,
    language: request.language,
    expiresAt: request.expiresAt.toISOString(),
    clinicName: clinic.name,
    instruments:
      status === 'open'
        ? request.instrumentIds.flatMap((id) => {
            const instrument = findInstrument(id);
            return instrument ? [formInstrument(instrument, request.psfsActivities)] : [];
          })
        : [],
  };
}

/**
 * Stores the patient's answers once (POST /api/measures/:token): each instrument scored by the
 * domain (score-measure.ts) and stored as a measurement with the link's source. A skipped item is
 * null, never 0; an instrument with every item skipped is not stored (not measured). A second
 * submit is 409; an unknown or expired link the same 404 as an unknown one.
 */
export async function answerMeasureRequest(ctx: AppContext, token: string, input: MeasureAnswersIn, actor: Actor): Promise<MeasureAnswersOut> {
  return ctx.db.transaction(async (tx) => {
    const request = await findMeasureRequestByTokenHash(tx, hashToken(token), { forUpdate: true });
    const now = ctx.clock.now();
    if (!request) throw new AppError('not_found', LINK_INVALID);
    const status = statusOf(request, now);
    if (status === 'completed') throw new AppError('measures_already_answered', 'These questions are already answered. Thank you.');
    if (status === 'expired') throw new AppError('not_found', LINK_INVALID);

    const unasked = Object.keys(input.answers).filter((id) => !request.instrumentIds.includes(id));
    if (unasked.length > 0) {
      throw new AppError(
        'validation_failed',
        'Some answers are for questions this link does not ask.',
        unasked.map((id) => ({ field: `body.answers.${id}`, problem: 'is not asked by this link' })),
      );
    }
    const scored = request.instrumentIds.flatMap((id) => {
      const instrument = findInstrument(id);
      const given = input.answers[id] ?? {};
      if (!instrument) return [];
      // PSFS re-rates the named activities only; any other key is not an answer this link asked for.
      const items = instrument.patientSpecific ? request.psfsActivities : instrument.items.map((item) => item.id);
      const extra = Object.keys(given).filter((key) => !items.includes(key));
      if (extra.length > 0) {
        throw new AppError(
          'validation_failed',
          'Some answers are for questions this link does not ask.',
          extra.map((key) => ({ field: `body.answers.${id}.${key}`, problem: 'is not a question of this measure' })),
        );
      }
      const answers = Object.fromEntries(items.map((item) => [item, given[item] ?? null]));
      if (Object.values(answers).every((value) => value === null)) return [];
      const result = scoreMeasure(instrument, answers);
      if (result.status === 'invalid') {
        throw new AppError(
          'validation_failed',
          'Some answers are not on the scale.',
          result.invalid.map((item) => ({ field: `body.answers.${id}.${item}`, problem: 'is not an answer this item allows' })),
        );
      }
      return [{ instrument, answers, result }];
    });

    const clinic = await loadClinic(tx);
    for (const { instrument, answers, result } of scored) {
      const saved = await insertMeasurement(tx, {
        episodeId: request.episodeId,
        patientId: request.patientId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        language: input.language,
        takenOn: localDate(now, clinic.timeZone),
        takenAt: now,
        answers,
        score: result.status === 'scored' ? result.score : null,
        missingItems: [...result.missing],
        missingHandling: result.status === 'scored' ? result.missingHandling : null,
        source: request.channel,
        recordedBy: null,
        measureRequestId: request.id,
      });
      await writeAudit(tx, actor, {
        action: 'measurements.create',
        entityType: 'measurement',
        entityId: saved.id,
        after: { episodeId: request.episodeId, patientId: request.patientId, instrumentId: saved.instrumentId, score: saved.score, source: saved.source },
      });
    }
    await markMeasureRequestCompleted(tx, request.id, now);
    await writeAudit(tx, actor, { action: 'measure_requests.complete', entityType: 'measure_request', entityId: request.id });
    return { status: 'completed' as const, recorded: scored.map((s) => s.instrument.id) };
  });
}
