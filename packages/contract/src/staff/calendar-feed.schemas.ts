import { Type } from '@sinclair/typebox';

export const CalendarFeedParams = Type.Object({ practitionerId: Type.String({ maxLength: 100 }) });
export const CalendarFeedQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

/** The feed is iCalendar text, not JSON. */
export const CalendarFeedOut = { content: { 'text/calendar': { schema: Type.String({ description: 'an iCalendar (RFC 5545) document' }) } } };
