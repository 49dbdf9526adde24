import type { ScheduleExceptionCreated, ScheduleExceptionIn } from '@myomap/contract/staff/schedule-exceptions.schemas';
import { checkScheduleException } from '@myomap/domain/scheduling/check-staff-schedule-changes';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { isRealDate } from '../lib/zoned-time.ts';
import { deleteScheduleException, insertScheduleException } from '../stores/schedule-store.ts';
import { refuseInvalidReference } from './catalog-errors.ts';

/** Closes days (or hours) or adds extra hours, for one practitioner or the whole clinic. */
export async function addScheduleException(ctx: AppContext, exception: ScheduleExceptionIn, actor: Actor): Promise<ScheduleExceptionCreated> {
  const problem = checkScheduleException({ ...exception, datesReal: isRealDate(exception.dateFrom) && isRealDate(exception.dateTo) });
  if (problem === 'invalid_dates') throw new AppError('invalid_range', 'Give real dates with dateFrom ≤ dateTo.');
  if (problem === 'times_incomplete') throw new AppError('validation_failed', 'Give both start and end, start first, or neither.');
  if (problem === 'extra_hours_need_times') throw new AppError('validation_failed', 'Extra hours need a start and an end.');
  const id = await ctx.db
    .transaction(async (tx) => {
      const savedId = await insertScheduleException(tx, exception);
      await writeAudit(tx, actor, { action: 'exceptions.create', entityType: 'schedule_exception', entityId: savedId, after: exception });
      return savedId;
    })
    .catch(refuseInvalidReference);
  return { id, ...exception };
}

export async function removeScheduleException(ctx: AppContext, id: string, actor: Actor): Promise<{ deleted: true }> {
  return ctx.db.transaction(async (tx) => {
    const before = await deleteScheduleException(tx, id);
    if (!before) throw new AppError('not_found', 'No such exception.');
    await writeAudit(tx, actor, { action: 'exceptions.delete', entityType: 'schedule_exception', entityId: id, before });
    return { deleted: true as const };
  });
}
