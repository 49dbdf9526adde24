import { checkImprovement, type ImprovementCheck } from '@myomap/domain/safety/check-improvement';
import type { Sql } from '../database/database.ts';
import { localDate } from '../lib/zoned-time.ts';
import { listSessionPain } from '../stores/pain-progress-store.ts';

/**
 * Whether the therapist should be prompted to re-assess or refer: weeks of treatment without a
 * 2-point NPRS change (Farrar 2001). Baseline: the intake's "pain right now", else the first note's.
 */
export async function loadImprovement(
  sql: Sql,
  patientId: string,
  intakePainNow: unknown,
  now: Date,
  timeZone: string,
  reassessAfterWeeks: number,
): Promise<ImprovementCheck> {
  const sessions = await listSessionPain(sql, patientId);
  const first = sessions[0];
  const readings = sessions.flatMap((s) => (s.pain === null ? [] : [{ date: localDate(s.startedAt, timeZone), pain: s.pain }]));
  const firstSession = first ? localDate(first.startedAt, timeZone) : undefined;
  const baseline = typeof intakePainNow === 'number' && firstSession ? { date: firstSession, pain: intakePainNow } : readings[0];
  return checkImprovement({ baseline, readings, firstSession, today: localDate(now, timeZone), reassessAfterWeeks });
}
