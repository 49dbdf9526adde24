import type { DateSelectArg, DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventMountArg, EventSourceFuncArg, EventInput } from '@fullcalendar/core';
import arLocale from '@fullcalendar/core/locales/ar';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { staffApi, type CalendarEvent, type Practitioner, type Room, type ScheduleException, type Service } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { localName } from '../api/local-name.ts';
import { useSessionGuard, useStaffData } from '../api/use-staff-data.ts';
import { staffAbilities, useStaffUser } from '../session/staff-session.tsx';
import { businessHoursFor, exceptionBands, formatFilter, parseFilter, toCalendarInput, type CalendarFilter } from './calendar-feed.ts';
import { CalendarFilterSelect } from './calendar-filter-select.tsx';
import { addMinutesToTime, calendarDateToDay, calendarDateToWall, clinicToday, instantToWall, wallToZonedIso } from './clinic-time.ts';
import { EventDetails } from './event-details.tsx';
import { formatClinicDateTime } from './format-clinic-time.ts';
import { NewEntryDialog, type EntryDraft } from './new-entry-dialog.tsx';

const VIEWS = ['timeGridDay', 'timeGridWeek', 'dayGridMonth'] as const;
const DAY_START = '08:00';
const DAY_END = '20:00';

interface Catalog {
  practitioners: Practitioner[];
  services: Service[];
  rooms: Room[];
  exceptions: ScheduleException[];
  timeZone: string;
}

async function loadCatalog(): Promise<Catalog> {
  const [practitioners, services, rooms, exceptions, clinic] = await Promise.all([
    staffApi.practitioners(),
    staffApi.services(),
    staffApi.rooms(),
    staffApi.exceptions(),
    staffApi.clinic(),
  ]);
  return { practitioners, services, rooms, exceptions, timeZone: clinic.timeZone };
}

export function CalendarPage() {
  const { t } = useTranslation('staff');
  const catalog = useStaffData(loadCatalog, 'calendar-catalog');
  if (catalog.error && !catalog.data) {
    return (
      <section className="st-page">
        <Alert tone="error" actions={<Button variant="secondary" onClick={catalog.reload}>{t('actions.retry')}</Button>}>
          {errorText(t, catalog.error)}
        </Alert>
      </section>
    );
  }
  if (!catalog.data) return <LoadingState label={t('calendar.loading')} />;
  return <ClinicCalendar catalog={catalog.data} />;
}

/** Minutes rounded up to the next quarter hour, as 'HH:MM'. */
function nextQuarter(wallTime: string): string {
  const [h = 0, m = 0] = wallTime.split(':').map(Number);
  const total = Math.ceil((h * 60 + m) / 15) * 15;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function ClinicCalendar({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation('staff');
  const user = useStaffUser();
  const can = staffAbilities(user.role);
  const guard = useSessionGuard();
  const lang = i18n.language;
  const { practitioners, services, rooms, exceptions, timeZone } = catalog;
  const calendarRef = useRef<FullCalendar>(null);
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('show'));
  const filterKey = formatFilter(filter);
  const initialView = VIEWS.find((v) => v === params.get('view')) ?? 'timeGridWeek';
  const [initialDate] = useState(() => {
    const asked = params.get('date');
    return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : clinicToday(timeZone);
  });
  const [draft, setDraft] = useState<EntryDraft>();
  const [selected, setSelected] = useState<CalendarEvent>();
  // One message at a time: a new outcome replaces the last, success or failure.
  const [banner, setBanner] = useState<{ tone: 'success' | 'error'; text: string }>();
  const setNotice = (text: string | undefined) => setBanner(text ? { tone: 'success', text } : undefined);
  const setProblem = (text: string | undefined) => setBanner(text ? { tone: 'error', text } : undefined);
  const [loadingEvents, setLoadingEvents] = useState(false);

  const colors = useMemo(() => new Map(practitioners.map((p) => [p.id, p.color])), [practitioners]);
  const businessHours = useMemo(() => {
    const shown = parseFilter(filterKey);
    return businessHoursFor(shown.kind === 'practitioner' ? practitioners.filter((p) => p.id === shown.id) : practitioners.filter((p) => p.active));
  }, [practitioners, filterKey]);

  const closedLabel = useCallback(
    (e: ScheduleException) => {
      const who = e.practitionerId ? localName(practitioners.find((p) => p.id === e.practitionerId), lang) : t('calendar.clinicClosed');
      return e.note ? `${who} · ${e.note}` : who;
    },
    [practitioners, lang, t],
  );

  // A new function when the filter changes makes FullCalendar fetch again.
  const loadEvents = useCallback(
    (info: EventSourceFuncArg, success: (events: EventInput[]) => void, failure: (error: Error) => void) => {
      const shown = parseFilter(filterKey);
      const from = calendarDateToDay(info.start);
      const to = calendarDateToDay(new Date(info.end.getTime() - 1));
      setLoadingEvents(true);
      staffApi
        .calendar({ from, to, ...(shown.kind === 'practitioner' ? { practitionerId: shown.id } : {}), ...(shown.kind === 'room' ? { roomId: shown.id } : {}) })
        .then((response) => {
          setLoadingEvents(false);
          success([...response.events.map((e) => toCalendarInput(e, timeZone, colors, can.book)), ...exceptionBands(exceptions, shown, closedLabel)]);
        })
        .catch((error: unknown) => {
          setLoadingEvents(false);
          guard(error);
          setProblem(errorText(t, error));
          failure(error instanceof Error ? error : new Error(String(error)));
        });
    },
    [filterKey, timeZone, colors, can.book, exceptions, closedLabel, guard, t],
  );

  const refetch = () => calendarRef.current?.getApi().refetchEvents();

  function setFilter(next: CalendarFilter) {
    setSelected(undefined);
    setBanner(undefined);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('show', formatFilter(next));
        return updated;
      },
      { replace: true },
    );
  }

  function onDatesSet(arg: DatesSetArg) {
    const date = calendarDateToDay(arg.view.currentStart);
    setParams(
      (current) => {
        if (current.get('date') === date && current.get('view') === arg.view.type) return current;
        const updated = new URLSearchParams(current);
        updated.set('date', date);
        updated.set('view', arg.view.type);
        return updated;
      },
      { replace: true },
    );
  }

  function defaultPractitioner(): string | undefined {
    if (filter.kind === 'practitioner') return filter.id;
    return user.practitionerId ?? undefined;
  }

  /** For the buttons: today at the next quarter hour when today is on screen, else 09:00 on the first day shown. */
  function openDraft(mode: EntryDraft['mode']) {
    const view = calendarRef.current?.getApi().view;
    const today = clinicToday(timeZone);
    const first = view ? calendarDateToDay(view.currentStart) : today;
    const last = view ? calendarDateToDay(new Date(view.currentEnd.getTime() - 1)) : today;
    let date = today >= first && today <= last ? today : first;
    let start = date === today ? nextQuarter(instantToWall(Date.now(), timeZone).slice(11, 16)) : '09:00';
    if (start < DAY_START) start = '09:00';
    if (start >= '19:00') {
      start = '09:00';
      date = calendarDateToDay(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));
    }
    setNotice(undefined);
    setDraft({
      mode,
      date,
      start,
      end: addMinutesToTime(start, 60),
      ...(defaultPractitioner() ? { practitionerId: defaultPractitioner() } : {}),
      ...(filter.kind === 'room' ? { roomId: filter.id } : {}),
    });
  }

  function onSelect(arg: DateSelectArg) {
    arg.view.calendar.unselect();
    const startWall = calendarDateToWall(arg.start);
    const endWall = calendarDateToWall(arg.end);
    const timed = !arg.allDay;
    const start = timed ? startWall.slice(11, 16) : '09:00';
    setNotice(undefined);
    setDraft({
      mode: 'visit',
      date: startWall.slice(0, 10),
      start,
      end: timed && endWall.slice(0, 10) === startWall.slice(0, 10) ? endWall.slice(11, 16) : addMinutesToTime(start, 60),
      ...(defaultPractitioner() ? { practitionerId: defaultPractitioner() } : {}),
      ...(filter.kind === 'room' ? { roomId: filter.id } : {}),
    });
  }

  function onEventClick(arg: EventClickArg) {
    const source = arg.event.extendedProps.source as CalendarEvent | undefined;
    if (source) setSelected(source);
  }

  async function onEventChange(arg: EventDropArg | EventResizeDoneArg) {
    const source = arg.event.extendedProps.source as CalendarEvent;
    const start = arg.event.start;
    const end = arg.event.end;
    if (!start) return arg.revert();
    setBanner(undefined);
    try {
      await staffApi.moveAppointment(source.id, {
        start: wallToZonedIso(calendarDateToWall(start), timeZone),
        ...(source.kind === 'block' && end ? { end: wallToZonedIso(calendarDateToWall(end), timeZone) } : {}),
      });
      setSelected(undefined);
      setNotice(t('calendar.moved', { time: formatClinicDateTime(wallToZonedIso(calendarDateToWall(start), timeZone), timeZone, lang) }));
      refetch();
    } catch (error) {
      arg.revert();
      guard(error);
      setProblem(error instanceof Error && 'code' in error && error.code === 'slot_unavailable' ? t('calendar.moveClash') : errorText(t, error));
    }
  }

  function renderEvent(arg: EventContentArg) {
    const source = arg.event.extendedProps.source as CalendarEvent | undefined;
    if (!source) return <div className="st-ev-band">{arg.event.title}</div>;
    const service = services.find((s) => s.id === source.serviceId);
    const serviceLabel = service ? localName(service, lang) : (source.serviceName ?? '');
    const room = rooms.find((r) => r.id === source.roomId);
    const practitioner = practitioners.find((p) => p.id === source.practitionerId);
    const title =
      source.kind === 'visit' ? (source.patientName ?? t('details.visit')) : source.kind === 'hold' ? t('calendar.heldForWaitlist') : source.note || t('calendar.blocked');
    const sub =
      source.kind === 'block'
        ? [t('calendar.blocked'), localName(practitioner, lang), localName(room, lang)].filter(Boolean).join(' · ')
        : [serviceLabel, filter.kind === 'practitioner' ? localName(room, lang) : localName(practitioner, lang)].filter(Boolean).join(' · ');
    // Short entries put the time and the name on one line so the name is never cut off.
    const short = arg.event.end && arg.event.start ? arg.event.end.getTime() - arg.event.start.getTime() <= 30 * 60_000 : false;
    // <bdi dir="ltr">: "09:00 - 10:15" must not flip to "10:15 - 09:00" in Arabic.
    const time = <bdi dir="ltr">{short && arg.event.start ? calendarDateToWall(arg.event.start).slice(11, 16) : arg.timeText}</bdi>;
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
        {sub ? <div className="st-ev-sub">{sub}</div> : null}
      </div>
    );
  }

  function onEventMount(arg: EventMountArg) {
    const source = arg.event.extendedProps.source as CalendarEvent | undefined;
    if (!source) return;
    arg.el.dataset.eventId = source.id;
    arg.el.dataset.kind = source.kind;
  }

  const legend = practitioners.filter((p) => p.active);
  const rtl = lang === 'ar';

  return (
    <section className="st-page st-calendar-page">
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle', { zone: timeZone })}
        actions={
          can.book ? (
            <>
              <Button variant="secondary" onClick={() => openDraft('block')}>
                {t('calendar.blockTime')}
              </Button>
              <Button onClick={() => openDraft('visit')}>{t('calendar.newAppointment')}</Button>
            </>
          ) : undefined
        }
      />
      <div className="st-calendar-toolbar">
        <CalendarFilterSelect value={filter} onChange={setFilter} practitioners={practitioners} rooms={rooms} />
        <ul className="st-legend" aria-label={t('calendar.legend')}>
          {legend.map((p) => (
            <li key={p.id}>
              <span className="st-swatch" style={{ background: p.color }} aria-hidden="true" />
              {localName(p, lang)}
            </li>
          ))}
          <li>
            <span className="st-swatch st-swatch-block" aria-hidden="true" />
            {t('calendar.blocked')}
          </li>
          <li>
            <span className="st-swatch st-swatch-hold" aria-hidden="true" />
            {t('calendar.heldForWaitlist')}
          </li>
        </ul>
      </div>
      <div className="st-messages" aria-live="polite">
        {banner ? <Alert tone={banner.tone}>{banner.text}</Alert> : null}
      </div>
      <div className={selected ? 'st-calendar-layout has-details' : 'st-calendar-layout'}>
        <div className="st-calendar-wrap" aria-busy={loadingEvents}>
          <FullCalendar
            ref={calendarRef}
            plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin]}
            initialView={initialView}
            initialDate={initialDate}
            // Wall-clock strings in 'UTC' mode: see clinic-time.ts for why this shows clinic time in any browser zone.
            timeZone="UTC"
            now={() => instantToWall(Date.now(), timeZone)}
            locale={rtl ? arLocale : 'en-gb'}
            direction={rtl ? 'rtl' : 'ltr'}
            firstDay={1}
            headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridDay,timeGridWeek,dayGridMonth' }}
            buttonText={{ today: t('calendar.today'), day: t('calendar.day'), week: t('calendar.week'), month: t('calendar.month') }}
            buttonHints={{ prev: t('calendar.previous'), next: t('calendar.next') }}
            slotDuration="00:15:00"
            slotLabelInterval="01:00"
            snapDuration="00:15:00"
            slotMinTime={`${DAY_START}:00`}
            slotMaxTime={`${DAY_END}:00`}
            scrollTime="08:00:00"
            slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            views={{
              timeGridWeek: { dayHeaderFormat: { weekday: 'short', day: 'numeric', month: 'short' } },
              timeGridDay: { dayHeaderFormat: { weekday: 'long', day: 'numeric', month: 'long' } },
              // Month headers name weekdays only; a date there would be a placeholder.
              dayGridMonth: { dayHeaderFormat: { weekday: 'long' } },
            }}
            allDaySlot={false}
            nowIndicator
            slotEventOverlap={false}
            businessHours={businessHours}
            height="auto"
            dayMaxEvents={4}
            selectable={can.book}
            selectMirror
            editable={can.book}
            eventDurationEditable={false}
            events={loadEvents}
            select={onSelect}
            eventClick={onEventClick}
            eventDrop={(arg) => void onEventChange(arg)}
            eventResize={(arg) => void onEventChange(arg)}
            eventContent={renderEvent}
            eventDidMount={onEventMount}
            datesSet={onDatesSet}
          />
        </div>
        {selected ? (
          <EventDetails
            key={selected.id}
            event={selected}
            practitioners={practitioners}
            services={services}
            rooms={rooms}
            timeZone={timeZone}
            canChange={can.book}
            onClose={() => setSelected(undefined)}
            onChanged={(message) => {
              setSelected(undefined);
              setNotice(message);
              refetch();
            }}
          />
        ) : null}
      </div>
      <NewEntryDialog
        draft={draft}
        practitioners={practitioners}
        services={services}
        rooms={rooms}
        timeZone={timeZone}
        onClose={() => setDraft(undefined)}
        onSaved={(message, date) => {
          setDraft(undefined);
          setNotice(message);
          const api = calendarRef.current?.getApi();
          const view = api?.view;
          if (api && view && (date < calendarDateToDay(view.activeStart) || date >= calendarDateToDay(view.activeEnd))) api.gotoDate(date);
          else refetch();
        }}
      />
    </section>
  );
}
