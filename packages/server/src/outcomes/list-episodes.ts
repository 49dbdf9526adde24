import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { listPatientEpisodes, type EpisodeRecord } from '../stores/episode-store.ts';
import { findPatient } from '../stores/patient-store.ts';

/** A patient's episodes, newest first; reading them is audited like any clinical record. */
export async function listEpisodes(ctx: AppContext, patientId: string, actor: Actor): Promise<EpisodeRecord[]> {
  return ctx.db.transaction(async (tx) => {
    if (!(await findPatient(tx, patientId))) throw new AppError('not_found', 'No such patient.');
    const episodes = await listPatientEpisodes(tx, patientId);
    await writeAudit(tx, actor, { action: 'episodes.list', entityType: 'patient', entityId: patientId, after: { episodes: episodes.length } });
    return episodes;
  });
}
