import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { chooseNoteEpisode } from '@myomap/domain/outcomes/choose-note-episode';
import { findInstrument } from '@myomap/domain/outcomes/load-instruments';
import { scoreMeasure } from '@myomap/domain/outcomes/score-measure';
import type { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import type { Sql } from '../database/database.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { listPatientEpisodes } from '../stores/episode-store.ts';
import { insertMeasurement } from '../stores/measurement-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';

const REGION_ZONES = Object.fromEntries(knowledgeBase.protocols.map((protocol) => [protocol.id, protocol.zones]));
const REFINES = Object.fromEntries(knowledgeBase.bodyZones.flatMap((zone) => (zone.refines ? [[zone.id, zone.refines]] : [])));

/**
 * A signed note's "pain today" is the visit's NPRS: it is recorded once (a unique index on the
 * note) in the patient's open episode for that region (choose-note-episode.ts), source clinician,
 * dated at the visit. A note with pain "not measured" (null) records nothing: never a 0.
 */
export async function recordNotePain(
  tx: Sql,
  note: { id: string; patientId: string; data: NoteData; startsAt: Date },
  actor: Actor,
): Promise<string | undefined> {
  const pain = note.data.subjective.pain;
  const nprs = findInstrument('nprs');
  const item = nprs?.items[0];
  if (pain === null || pain === undefined || !nprs || !item) return undefined;
  const open = (await listPatientEpisodes(tx, note.patientId)).filter((episode) => episode.status === 'open');
  const episodeId = chooseNoteEpisode({
    openEpisodes: open,
    noteZones: note.data.objective.painMap.map((mark) => mark.zone),
    regionZones: REGION_ZONES,
    refines: REFINES,
  });
  if (!episodeId) return undefined;
  const answers = { [item.id]: pain };
  const scored = scoreMeasure(nprs, answers);
  if (scored.status !== 'scored') return undefined;
  const settings = await loadOutcomeSettings(tx);
  const saved = await insertMeasurement(tx, {
    episodeId,
    patientId: note.patientId,
    instrumentId: nprs.id,
    instrumentVersion: nprs.version,
    // The clinician enters a number: the language is that of the record, English.
    language: 'en',
    takenOn: localDate(note.startsAt, settings.timeZone),
    takenAt: note.startsAt,
    answers,
    score: scored.score,
    missingItems: [],
    missingHandling: scored.missingHandling,
    source: 'clinician',
    recordedBy: actor.type === 'staff' ? (actor.id ?? null) : null,
    sessionNoteId: note.id,
  });
  await writeAudit(tx, actor, {
    action: 'measurements.create',
    entityType: 'measurement',
    entityId: saved.id,
    after: { episodeId, patientId: note.patientId, instrumentId: nprs.id, score: saved.score, sessionNoteId: note.id },
  });
  return saved.id;
}
