import type { DateSelectArg, DatesSetArg, EventClickArg, EventDropArg, EventMountArg } from '@fullcalendar/core';
import arLocale from '@fullcalendar/core/locales/ar';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import type { CalendarEvent, Practitioner, Room, ScheduleException, Service } from '../api/staff-api.ts';
import { calendarQuery, exceptionsQuery, practitionersQuery, roomsQuery, servicesQuery, type CalendarRange } from '../api/staff-queries.ts';
import { localName } from '../api/local-name.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { staffAbilities } from '../session/staff-abilities.ts';
import { businessHoursFor, exceptionBands, formatFilter, parseFilter, toCalendarInput, type CalendarFilter } from './calendar-feed.ts';
import { CalendarFilterSelect } from './calendar-filter-select.tsx';
import { CalendarEventContent } from './calendar-event-content.tsx';
import { CalendarLegend } from './calendar-legend.tsx';
import { useMoveEntry } from './calendar-mutations.ts';
import { draftForButton, draftForSelection } from './entry-drafts.ts';
import { EventDetails } from './event-details.tsx';
import { NewEntryDialog, type EntryDraft } from './new-entry-dialog.tsx';
import { calendarDateToDay, calendarDateToWall, clinicToday, formatInstant, instantToWall, wallToZonedIso } from '../../../lib/clinic-time/clinic-time.ts';

const VIEWS = ['timeGridDay', 'timeGridWeek', 'dayGridMonth'] as const;
// The grid shows 08:00–20:00 clinic time in 15-minute rows.
const DAY_START = '08:00';
const DAY_END = '20:00';

interface Catalog {
  practitioners: Practitioner[];
  services: Service[];
  rooms: Room[];
  exceptions: ScheduleException[];
}

export function CalendarPage() {
  const { t } = useTranslation(['staff', 'common']);
  const errorText = useErrorText();
  const catalog = [useQuery(practitionersQuery), useQuery(servicesQuery), useQuery(roomsQuery), useQuery(exceptionsQuery)] as const;
  const [practitioners, services, rooms, exceptions] = catalog;
  const failed = catalog.find((query) => query.isError);
  if (failed) {
    return (
      <section className="st-page">
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" onClick={() => catalog.forEach((query) => void (query.isError ? query.refetch() : undefined))}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {errorText(failed.error)}
        </Alert>
      </section>
    );
  }
  if (!practitioners.data || !services.data || !rooms.data || !exceptions.data) return <LoadingState label={t('calendar.loading')} />;
  return <ClinicCalendar catalog={{ practitioners: practitioners.data, services: services.data, rooms: rooms.data, exceptions: exceptions.data }} />;
}

function ClinicCalendar({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation('staff');
  const errorText = useErrorText();
  const user = useStaffUser();
  const can = staffAbilities(user.role);
  const lang = i18n.language;
  const timeZone = useClinicTimeZone();
  const { practitioners, services, rooms, exceptions } = catalog;
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
  // The days on screen, as FullCalendar reports them (datesSet); the feed is asked for once they are known.
  const [range, setRange] = useState<CalendarRange>();
  const move = useMoveEntry();

  const colors = useMemo(() => new Map(practitioners.map((p) => [p.id, p.color])), [practitioners]);
  const businessHours = useMemo(() => {
    const shown = parseFilter(filterKey);
    return businessHoursFor(shown.kind === 'practitioner' ? practitioners.filter((p) => p.id === shown.id) : practitioners.filter((p) => p.active));
  }, [practitioners, filterKey]);

  const closedLabel = useCallback(
    (e: ScheduleException) => {
      const who = e.practitionerId
        ? localName(
            practitioners.find((p) => p.id === e.practitionerId),
            lang,
          )
        : t('calendar.clinicClosed');
      return e.note ? `${who} · ${e.note}` : who;
    },
    [practitioners, lang, t],
  );

  const feed = useQuery({
    ...calendarQuery(range ?? { from: '', to: '' }, {
      ...(filter.kind === 'practitioner' ? { practitionerId: filter.id } : {}),
      ...(filter.kind === 'room' ? { roomId: filter.id } : {}),
    }),
    enabled: range !== undefined,
  });
  const events = useMemo(() => {
    const shown = parseFilter(filterKey);
    const entries = feed.data?.events.map((e) => toCalendarInput(e, timeZone, colors, can.book)) ?? [];
    return [...entries, ...exceptionBands(exceptions, shown, closedLabel)];
  }, [feed.data, filterKey, timeZone, colors, can.book, exceptions, closedLabel]);

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
    // arg.start and arg.end bound every day drawn (a month view shows parts of its neighbours); end is exclusive.
    const from = calendarDateToDay(arg.start);
    const to = calendarDateToDay(new Date(arg.end.getTime() - 1));
    setRange((current) => (current?.from === from && current.to === to ? current : { from, to }));
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

  const who = () => ({
    practitionerId: filter.kind === 'practitioner' ? filter.id : (user.practitionerId ?? undefined),
    roomId: filter.kind === 'room' ? filter.id : undefined,
  });

  function openDraft(mode: EntryDraft['mode']) {
    const view = calendarRef.current?.getApi().view;
    setBanner(undefined);
    setDraft(draftForButton(mode, view ? { start: view.currentStart, end: view.currentEnd } : undefined, timeZone, Date.now(), who()));
  }

  function onSelect(arg: DateSelectArg) {
    arg.view.calendar.unselect();
    setBanner(undefined);
    setDraft(draftForSelection(arg, who()));
  }

  function onEventClick(arg: EventClickArg) {
    const source = arg.event.extendedProps.source as CalendarEvent | undefined;
    if (source) setSelected(source);
  }

  function onEventChange(arg: EventDropArg | EventResizeDoneArg) {
    const source = arg.event.extendedProps.source as CalendarEvent;
    const start = arg.event.start;
    const end = arg.event.end;
    if (!start) return arg.revert();
    setBanner(undefined);
    const startIso = wallToZonedIso(calendarDateToWall(start), timeZone);
    move.mutate(
      { id: source.id, start: startIso, end: source.kind === 'block' && end ? wallToZonedIso(calendarDateToWall(end), timeZone) : undefined },
      {
        onSuccess: () => {
          setSelected(undefined);
          setNotice(t('calendar.moved', { time: formatInstant(startIso, timeZone, lang) }));
        },
        onError: (error) => {
          arg.revert();
          setProblem(error instanceof ApiError && error.code === 'slot_unavailable' ? t('calendar.moveClash') : errorText(error));
        },
      },
    );
  }

  function onEventMount(arg: EventMountArg) {
    const source = arg.event.extendedProps.source as CalendarEvent | undefined;
    if (!source) return;
    arg.el.dataset.eventId = source.id;
    arg.el.dataset.kind = source.kind;
  }

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
        <CalendarLegend practitioners={practitioners} />
      </div>
      <div className="st-messages" aria-live="polite">
        {banner ? <Alert tone={banner.tone}>{banner.text}</Alert> : null}
        {feed.isError && !banner ? <Alert tone="error">{errorText(feed.error)}</Alert> : null}
      </div>
      <div className={selected ? 'st-calendar-layout has-details' : 'st-calendar-layout'}>
        <div className="st-calendar-wrap" aria-busy={feed.isFetching}>
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
            events={events}
            select={onSelect}
            eventClick={onEventClick}
            eventDrop={onEventChange}
            eventResize={onEventChange}
            eventContent={(arg) => (
              <CalendarEventContent
                arg={arg}
                practitioners={practitioners}
                services={services}
                rooms={rooms}
                roomInsteadOfPractitioner={filter.kind === 'practitioner'}
              />
            )}
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
            canIntake={can.intake}
            onClose={() => setSelected(undefined)}
            onChanged={(message) => {
              setSelected(undefined);
              setNotice(message);
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
          // The booking invalidated the calendar; a day off screen is shown by going there.
          if (api && view && (date < calendarDateToDay(view.activeStart) || date >= calendarDateToDay(view.activeEnd))) api.gotoDate(date);
        }}
      />
    </section>
  );
}
