import { Type, type Static } from '@sinclair/typebox';

export const CalendarFeedParams = Type.Object({ practitionerId: Type.String({ maxLength: 100 }) });
export const CalendarFeedQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

/** The feed is iCalendar text, not JSON. */
export const CalendarFeedOut = { content: { 'text/calendar': { schema: Type.String({ description: 'an iCalendar (RFC 5545) document' }) } } };

export const CalendarFeedPractitionerParams = Type.Object({ practitionerId: Type.String({ minLength: 1, maxLength: 100 }) });

/** Where a practitioner's feed is: the https address to copy, and the webcal:// one that opens a calendar app's subscribe dialog. */
export const CalendarFeedLinkOut = Type.Object({
  practitionerId: Type.String(),
  url: Type.String({ description: 'https://…/api/calendar/{practitionerId}/feed.ics?token=…' }),
  webcalUrl: Type.String({ description: 'the same address with the webcal:// scheme' }),
});
export type CalendarFeedLinkOut = Static<typeof CalendarFeedLinkOut>;
