import ICAL from 'ical.js';

/**
 * iCalendar text for a visit: the patient's emails (iTIP scheduling messages, RFC 5546), the
 * "add to calendar" download and the practitioner's feed (snapshots, RFC 5545) all describe a
 * visit with the same UID and SEQUENCE, so a calendar that holds one copy updates it in place.
 * Built with ical.js, which also parses it back in the tests: one library for both directions,
 * with RFC 5545 escaping and 75-octet line folding, and DTSTAMP from the clock we pass in.
 */

/** iTIP methods we send: REQUEST books or changes a visit, CANCEL withdraws it (RFC 5546 §3.2.2, §3.2.5). */
export type SchedulingMethod = 'REQUEST' | 'CANCEL';

export interface CalendarVisit {
  uid: string;
  /** appointments.ical_sequence: calendars keep the copy with the highest SEQUENCE. */
  sequence: number;
  start: Date;
  end: Date;
  title: string;
  description?: string | undefined;
  location?: string | undefined;
  cancelled?: boolean | undefined;
}

/** Who schedules and who attends: required in a REQUEST and a CANCEL (RFC 5546 §3.2.2, §3.2.5). */
export interface CalendarParties {
  organizer: { name: string; email: string };
  /** `accepted`: the patient chose this time themself; otherwise the clinic set it (NEEDS-ACTION). */
  attendee: { name: string; email: string; accepted: boolean };
}

const PRODID = '-//Myomap//Myomap appointments//EN';

/**
 * One UID per visit, everywhere: the appointment id at the clinic's host. RFC 5545 §3.8.4.7
 * asks for a globally unique UID and suggests the domain on the right of "@"; the id alone
 * never changes, so a moved or cancelled visit keeps its UID.
 */
export function visitUid(appointmentId: string, publicUrl: string): string {
  return `${appointmentId}@${new URL(publicUrl).hostname}`;
}

const utc = (date: Date) => ICAL.Time.fromJSDate(date, true);

function person(name: string, property: string, email: string): ICAL.Property {
  const p = new ICAL.Property(property);
  p.setParameter('cn', name);
  p.setValue(`mailto:${email}`);
  return p;
}

/**
 * A VEVENT for a visit. `parties` only in a scheduling message: a download or a feed puts the
 * visit on one person's own calendar, where RFC 5545 §3.8.4.3 says ORGANIZER must not appear.
 */
export function visitEvent(visit: CalendarVisit, stamp: Date, parties?: CalendarParties): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', visit.uid);
  event.addPropertyWithValue('sequence', visit.sequence);
  event.addPropertyWithValue('dtstamp', utc(stamp));
  event.addPropertyWithValue('dtstart', utc(visit.start));
  event.addPropertyWithValue('dtend', utc(visit.end));
  event.addPropertyWithValue('summary', visit.title);
  if (visit.description) event.addPropertyWithValue('description', visit.description);
  if (visit.location) event.addPropertyWithValue('location', visit.location);
  event.addPropertyWithValue('status', visit.cancelled ? 'CANCELLED' : 'CONFIRMED');
  if (parties) {
    event.addProperty(person(parties.organizer.name, 'organizer', parties.organizer.email));
    const attendee = person(parties.attendee.name, 'attendee', parties.attendee.email);
    attendee.setParameter('role', 'REQ-PARTICIPANT');
    attendee.setParameter('partstat', parties.attendee.accepted ? 'ACCEPTED' : 'NEEDS-ACTION');
    // The clinic does not read replies: the manage link in the email is how a patient answers.
    attendee.setParameter('rsvp', 'FALSE');
    event.addProperty(attendee);
  }
  return event;
}

/**
 * A VCALENDAR around the events. `method` only for a scheduling message: RFC 5545 §3.7.2 says
 * that without METHOD "a scheduling transaction MUST NOT be assumed", the object being "a
 * snapshot of some calendar information", which is what a download and a subscribed feed are.
 */
export function calendarText(events: ICAL.Component[], options: { method?: SchedulingMethod | undefined; name?: string | undefined } = {}): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  if (options.method) calendar.addPropertyWithValue('method', options.method);
  if (options.name) calendar.addPropertyWithValue('x-wr-calname', options.name);
  for (const event of events) calendar.addSubcomponent(event);
  return `${calendar.toString()}\r\n`;
}

/** The MIME type of a calendar part: a scheduling message names its method (RFC 5545 §3.7.2, RFC 6047 §2.4). */
export function calendarContentType(method?: SchedulingMethod): string {
  return method ? `text/calendar; method=${method}; charset=UTF-8` : 'text/calendar; charset=UTF-8';
}

/** The iTIP message for one visit: REQUEST (booked or changed) or CANCEL, for the patient's email. */
export function schedulingMessage(visit: CalendarVisit, parties: CalendarParties, method: SchedulingMethod, stamp: Date): string {
  return calendarText([visitEvent({ ...visit, cancelled: method === 'CANCEL' }, stamp, parties)], { method });
}
