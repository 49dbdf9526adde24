import type { AppContext } from '../app-context.ts';
import { markDropOuts } from '../outcomes/mark-drop-outs.ts';
import { raiseProgressPrompts } from '../outcomes/raise-progress-prompts.ts';
import { expireWaitlistHolds } from '../scheduling/waitlist.ts';
import { deleteExpiredIdempotencyKeys } from '../stores/idempotency-store.ts';
import { sendDueFollowUps } from '../treatment/aftercare-service.ts';

/** Work the outbox worker runs on each tick before sending: time-driven state changes. */
export function backgroundTasks(ctx: AppContext): ((now: Date) => Promise<unknown>)[] {
  // The drop-out rule and the progress prompt work in whole days: checking once an hour is plenty (the report also applies the drop-out rule on read).
  let lastDropOutCheck = Number.NEGATIVE_INFINITY;
  return [
    async (now) => {
      if (now.getTime() - lastDropOutCheck < 3_600_000) return 0;
      lastDropOutCheck = now.getTime();
      // Drop-outs first, so an episode that has just ended raises no re-assessment prompt.
      return (await markDropOuts(ctx)) + (await raiseProgressPrompts(ctx));
    },
    (now) => expireWaitlistHolds(ctx, now),
    (now) => sendDueFollowUps(ctx, now),
    (now) => deleteExpiredIdempotencyKeys(ctx.db, now),
  ];
}
