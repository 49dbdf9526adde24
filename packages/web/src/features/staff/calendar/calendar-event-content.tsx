import type { EventContentArg } from '@fullcalendar/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent, Practitioner, Room, Service } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { calendarDateToWall } from '../../../lib/clinic-time/clinic-time.ts';

interface CalendarEventContentProps {
  arg: EventContentArg;
  practitioners: Practitioner[];
  services: Service[];
  rooms: Room[];
  /** With one practitioner shown, the second line names the room instead of the practitioner. */
  roomInsteadOfPractitioner: boolean;
}

/** The inside of one calendar entry: time, who or what, and a second line of context. */
export function CalendarEventContent({ arg, practitioners, services, rooms, roomInsteadOfPractitioner }: CalendarEventContentProps) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const source = arg.event.extendedProps.source as CalendarEvent | undefined;
  if (!source) return <div className="st-ev-band">{arg.event.title}</div>;

  const service = services.find((s) => s.id === source.serviceId);
  const room = rooms.find((r) => r.id === source.roomId);
  const practitioner = practitioners.find((p) => p.id === source.practitionerId);
  const title =
    source.kind === 'visit'
      ? (source.patientName ?? t('details.visit'))
      : source.kind === 'hold'
        ? t('calendar.heldForWaitlist')
        : source.note || t('calendar.blocked');
  const sub =
    source.kind === 'block'
      ? [t('calendar.blocked'), localName(practitioner, lang), localName(room, lang)]
      : [service ? localName(service, lang) : (source.serviceName ?? ''), roomInsteadOfPractitioner ? localName(room, lang) : localName(practitioner, lang)];
  const subText = sub.filter(Boolean).join(' · ');

  // Short entries put the start time and the name on one line so the name is not cut off.
  const { start, end } = arg.event;
  const short = start && end ? end.getTime() - start.getTime() <= 30 * 60_000 : false;
  // <bdi dir="ltr">: "09:00 - 10:15" must not turn into "10:15 - 09:00" in Arabic.
  const time = <bdi dir="ltr">{short && start ? calendarDateToWall(start).slice(11, 16) : arg.timeText}</bdi>;
  return (
    <div className={short ? 'st-ev-body is-short' : 'st-ev-body'}>
      {short ? (
        <div className="st-ev-title">
          <span className="st-ev-time">{time}</span> {title}
        </div>
      ) : (
        <>
          <div className="st-ev-time">{time}</div>
          <div className="st-ev-title">{title}</div>
        </>
      )}
      {subText ? <div className="st-ev-sub">{subText}</div> : null}
    </div>
  );
}
