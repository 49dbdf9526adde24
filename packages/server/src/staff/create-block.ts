import type { BlockOut, NewBlockIn } from '@myomap/contract/staff/calendar.schemas';
import { checkBlock, MAX_BLOCK_DAYS, type BlockProblem } from '@myomap/domain/scheduling/check-staff-schedule-changes';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { toZonedIso } from '../lib/zoned-time.ts';
import { insertAppointment } from '../stores/appointment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { parseStaffTime, refuseClash } from './calendar-input.ts';

const BLOCK_PROBLEMS: Record<BlockProblem, string> = {
  nothing_blocked: 'Block a practitioner, a room, or both.',
  end_not_after_start: '`end` must be after `start`.',
  too_long: `Block at most ${MAX_BLOCK_DAYS} days; use leave for longer absences.`,
};

/** Blocks a practitioner's or a room's time (a meeting, a repair); it clashes like a visit. */
export async function createBlock(ctx: AppContext, body: NewBlockIn, actor: Actor): Promise<BlockOut> {
  const { practitionerId, roomId, note } = body;
  if (!practitionerId && !roomId) throw new AppError('validation_failed', BLOCK_PROBLEMS.nothing_blocked);
  const start = parseStaffTime(body.start, 'start');
  const end = parseStaffTime(body.end, 'end');
  const problem = checkBlock({ practitionerId, roomId, start, end });
  if (problem) throw new AppError('validation_failed', BLOCK_PROBLEMS[problem]);
  return ctx.db
    .transaction(async (tx) => {
      const clinic = await loadClinic(tx);
      const row = await insertAppointment(tx, {
        reference: null,
        kind: 'block',
        serviceId: null,
        practitionerId: practitionerId ?? null,
        roomId: roomId ?? null,
        patientId: null,
        start,
        end,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        manageTokenHash: null,
        source: 'staff',
        note: note ?? '',
        now: ctx.clock.now(),
      });
      await writeAudit(tx, actor, { action: 'block.create', entityType: 'appointment', entityId: row.id, after: { practitionerId, roomId, start, end, note } });
      const block: BlockOut = {
        id: row.id,
        kind: 'block',
        start: toZonedIso(row.startsAt, clinic.timeZone),
        end: toZonedIso(row.endsAt, clinic.timeZone),
        practitionerId: row.practitionerId,
        roomId: row.roomId,
        note: row.note,
      };
      return block;
    })
    .catch((error: unknown) => {
      if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'No such practitioner or room.');
      return refuseClash(error);
    });
}
