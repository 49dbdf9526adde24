import type { CalendarFeedLinkOut } from '@myomap/contract/staff/calendar-feed.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import type { StaffUser } from '../lib/staff-session.ts';
import { newToken } from '../lib/tokens.ts';
import { findCalendarFeedToken, replaceCalendarFeedToken } from '../stores/calendar-store.ts';

/** The feed's two addresses: https to copy, webcal:// for a calendar app's subscribe dialog. */
export function calendarFeedLink(publicUrl: string, practitionerId: string, token: string): CalendarFeedLinkOut {
  const url = `${publicUrl}/api/calendar/${encodeURIComponent(practitionerId)}/feed.ics?token=${encodeURIComponent(token)}`;
  return { practitionerId, url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') };
}

/** The practitioner a staff account is linked to; reception and most admins have none. */
function ownPractitioner(user: StaffUser | undefined): string {
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (!user.practitionerId) throw new AppError('not_found', 'Your account is not linked to a practitioner, so it has no calendar feed.');
  return user.practitionerId;
}

/** The signed-in practitioner's own feed link. */
export async function readOwnCalendarFeed(ctx: AppContext, user: StaffUser | undefined): Promise<CalendarFeedLinkOut> {
  const practitionerId = ownPractitioner(user);
  const token = await findCalendarFeedToken(ctx.db, practitionerId);
  if (!token) throw new AppError('not_found', 'No such practitioner.');
  return calendarFeedLink(ctx.config.publicUrl, practitionerId, token);
}

/** A new feed link for the signed-in practitioner: the old one stops working. */
export async function rotateOwnCalendarFeed(ctx: AppContext, user: StaffUser | undefined, actor: Actor): Promise<CalendarFeedLinkOut> {
  return rotateCalendarFeed(ctx, ownPractitioner(user), actor);
}

/**
 * Replaces a practitioner's feed token (a phone lost, a link shared by mistake), audited. The
 * audit row names who and whose, never the token: the log is not a place to find a key.
 */
export async function rotateCalendarFeed(ctx: AppContext, practitionerId: string, actor: Actor): Promise<CalendarFeedLinkOut> {
  return ctx.db.transaction(async (tx) => {
    const token = await replaceCalendarFeedToken(tx, practitionerId, newToken());
    if (!token) throw new AppError('not_found', 'No such practitioner.');
    await writeAudit(tx, actor, { action: 'practitioners.calendar_feed_rotated', entityType: 'practitioner', entityId: practitionerId });
    return calendarFeedLink(ctx.config.publicUrl, practitionerId, token);
  });
}
