import type { WeeklyScheduleIn, WeeklyScheduleOut } from '@myomap/contract/staff/catalog-admin.schemas';
import { findBackwardInterval } from '@myomap/domain/scheduling/check-staff-schedule-changes';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { practitionerExists } from '../stores/catalog-store.ts';
import { replaceWeeklySchedule } from '../stores/schedule-store.ts';

/** Replaces a practitioner's weekly hours and breaks. */
export async function saveWeeklySchedule(ctx: AppContext, practitionerId: string, schedule: WeeklyScheduleIn, actor: Actor): Promise<WeeklyScheduleOut> {
  const backward = findBackwardInterval([...schedule.weeklyHours, ...schedule.breaks]);
  if (backward) throw new AppError('validation_failed', `An interval on weekday ${backward.weekday} ends before it starts.`);
  return ctx.db.transaction(async (tx) => {
    if (!(await practitionerExists(tx, practitionerId))) throw new AppError('not_found', 'No such practitioner.');
    await replaceWeeklySchedule(tx, practitionerId, schedule);
    await writeAudit(tx, actor, { action: 'practitioners.schedule', entityType: 'practitioner', entityId: practitionerId, after: schedule });
    return { id: practitionerId, weeklyHours: schedule.weeklyHours, breaks: schedule.breaks };
  });
}
