import { createEvent } from 'ics';

export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  cancelled?: boolean;
  sequence?: number;
}

const utcParts = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/** One VEVENT as an .ics file, times in UTC so every calendar places it right. */
export function appointmentIcs(event: IcsEvent): string {
  const { error, value } = createEvent({
    uid: event.uid,
    start: utcParts(event.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(event.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: event.description,
    location: event.location,
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
    method: event.cancelled ? 'CANCEL' : 'PUBLISH',
    sequence: event.sequence ?? 0,
    productId: 'myomap/ics',
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar file.');
  return value;
}
