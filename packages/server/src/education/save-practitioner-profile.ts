import type { PractitionerProfileIn } from '@myomap/contract/education/education.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findPractitionerProfile, updatePractitionerProfile } from '../stores/article-store.ts';

/** A practitioner's qualifications and languages on the public team page: the administrator's, like the rest of the catalogue. */
export function savePractitionerProfile(ctx: AppContext, id: string, profile: PractitionerProfileIn, actor: Actor) {
  return ctx.db.transaction(async (tx) => {
    if (!(await updatePractitionerProfile(tx, id, profile))) throw new AppError('not_found', 'No such practitioner.');
    await writeAudit(tx, actor, { action: 'practitioners.profile', entityType: 'practitioner', entityId: id, after: profile });
    return { id, ...profile };
  });
}

/** The profile as it stands, for the administrator's form. */
export async function readPractitionerProfile(ctx: AppContext, id: string) {
  const profile = await findPractitionerProfile(ctx.db, id);
  if (!profile) throw new AppError('not_found', 'No such practitioner.');
  return profile;
}
