import { DayGrid, Interaction, List, ResourceTimeGrid, TimeGrid, type Calendar } from '@event-calendar/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import type { CalendarEvent, Practitioner, Room, ScheduleException, Service } from '../api/staff-api.ts';
import { calendarQuery, exceptionsQuery, practitionersQuery, roomsQuery, servicesQuery, type CalendarRange } from '../api/staff-queries.ts';
import { localName } from '../api/local-name.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { staffAbilities } from '../session/staff-abilities.ts';
import {
  backgroundBands,
  chooseView,
  DAY_END,
  DAY_START,
  daysOf,
  formatFilter,
  libraryView,
  NO_ROOM,
  parseFilter,
  resourcesFor,
  toCalendarInput,
  visitCounts,
  type CalendarFilter,
  type CalendarView,
} from './calendar-feed.ts';
import { CalendarFilterSelect } from './calendar-filter-select.tsx';
import { CalendarLegend } from './calendar-legend.tsx';
import { CalendarViewSwitch } from './calendar-view-switch.tsx';
import { draftForButton, draftForSelection } from './entry-drafts.ts';
import { EventCalendar, type CalendarHandlers } from './event-calendar.tsx';
import { dayHeaderNodes, eventContentNodes } from './event-content.ts';
import { EventDetails } from './event-details.tsx';
import { MoveConfirmDialog } from './move-confirm-dialog.tsx';
import { NewEntryDialog, type EntryDraft } from './new-entry-dialog.tsx';
import { useDragMove, type MoveOutcome } from './use-drag-move.ts';
import { usePhone } from './use-phone.ts';
import { calendarDateToDay, clinicToday, formatDay, instantToWall, localeFor } from '../../../lib/clinic-time/clinic-time.ts';

const PLUGINS = [ResourceTimeGrid, TimeGrid, DayGrid, List, Interaction];

const TITLE_FORMATS: Record<CalendarView, Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  rooms: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  week: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  agenda: { day: 'numeric', month: 'short', year: 'numeric' },
};

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
  const phone = usePhone();
  const { practitioners, services, rooms, exceptions } = catalog;
  const calendarRef = useRef<Calendar | null>(null);
  const [params, setParams] = useSearchParams();
  // While another page loads (a link in the menu was followed), this page no longer writes its day into
  // the address: that write is a navigation of its own and would cancel the one the user asked for.
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const leaving = navigation.state !== 'idle' && navigation.location.pathname !== pathname;
  // A practitioner on a phone opens on their own column unless the address says otherwise.
  const ownColumn = phone && user.practitionerId && !params.get('show') ? `practitioner:${user.practitionerId}` : null;
  const filter = parseFilter(params.get('show') ?? ownColumn);
  const filterKey = formatFilter(filter);
  const view = chooseView(params.get('view'), phone, user.practitionerId ?? null);
  const [initialDate] = useState(() => {
    const asked = params.get('date');
    return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : clinicToday(timeZone);
  });
  const [draft, setDraft] = useState<EntryDraft>();
  const [selected, setSelected] = useState<CalendarEvent>();
  // One message at a time: a new outcome replaces the last, success or failure.
  const [banner, setBanner] = useState<MoveOutcome>();
  const setNotice = (text: string | undefined) => setBanner(text ? { tone: 'success', text } : undefined);
  // The days on screen, as the calendar reports them (datesSet); the feed is asked for once they are known.
  const [range, setRange] = useState<CalendarRange>();
  const drag = useDragMove({ view, timeZone, practitioners, rooms, onOutcome: setBanner });

  const colors = useMemo(() => new Map(practitioners.map((p) => [p.id, p.color])), [practitioners]);
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
      ...(filter.kind === 'practitioner' && view !== 'day' ? { practitionerId: filter.id } : {}),
      ...(filter.kind === 'room' && view !== 'rooms' ? { roomId: filter.id } : {}),
    }),
    enabled: range !== undefined,
  });
  const feedEvents = feed.data?.events;
  const resources = useMemo(
    () =>
      resourcesFor(view, parseFilter(filterKey), catalog, {
        phone,
        anyWithoutRoom: (feedEvents ?? []).some((e) => e.roomId === null),
        name: (row) => localName(row, lang) || t('calendar.noRoom'),
      }),
    [view, filterKey, catalog, phone, feedEvents, lang, t],
  );
  const events = useMemo(() => {
    const shown = parseFilter(filterKey);
    const columns = new Set(resources.map((r) => String(r.id)));
    const entries = (feedEvents ?? [])
      .map((e) => toCalendarInput(e, timeZone, colors, can.book, view))
      // In a resource day the filter is the set of columns; entries of other columns are not drawn.
      .filter((e) => !e.resourceIds || (Array.isArray(e.resourceIds) && e.resourceIds.some((id) => columns.has(String(id)))));
    const bands = backgroundBands({ view, days: range ? daysOf(range) : [], filter: shown, practitioners, resources, exceptions, label: closedLabel });
    return [...entries, ...bands];
  }, [feedEvents, filterKey, timeZone, colors, can.book, view, range, practitioners, resources, exceptions, closedLabel]);

  const eventContent = useCallback(
    (info: Calendar.EventContentInfo): Calendar.Content | undefined => {
      const source = info.event.extendedProps.source as CalendarEvent | undefined;
      if (!source) return info.event.display === 'background' && typeof info.event.title === 'string' ? { domNodes: [bandLabel(info.event.title)] } : undefined;
      const roomInsteadOfPractitioner = view === 'day' || filter.kind === 'practitioner';
      return {
        domNodes: eventContentNodes(source, info.event.start, info.event.end, info.timeText, {
          t,
          lang,
          practitioners,
          services,
          rooms,
          roomInsteadOfPractitioner,
          compact: view === 'week',
        }),
      };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filter is read through filterKey
    [view, filterKey, t, lang, practitioners, services, rooms],
  );
  const dayHeaderFormat = useCallback(
    (date: Date): Calendar.Content => {
      const day = calendarDateToDay(date);
      const label =
        formatDay(day, lang, view === 'week' ? 'weekdayShort' : 'weekdayDayMonth') + (view === 'week' ? ` ${formatDay(day, lang, 'dayNumber')}` : '');
      if (view !== 'week') return label;
      return { domNodes: dayHeaderNodes(label, visitCounts(feedEvents ?? [], day, timeZone), practitioners, { t, lang }) };
    },
    [view, lang, feedEvents, timeZone, practitioners, t],
  );

  // A week leaves out days nobody works (the clinic's weekly day off), so the working days get the width.
  const hiddenDays = useMemo(() => {
    const worked = new Set(practitioners.filter((p) => p.active).flatMap((p) => p.weeklyHours.map((h) => h.weekday % 7)));
    return worked.size === 0 ? [] : ([0, 1, 2, 3, 4, 5, 6] as const).filter((d) => !worked.has(d));
  }, [practitioners]);
  // Side by side in one day, a practitioner's visits keep the same place: the catalogue's order.
  const eventOrder = useCallback(
    (a: Calendar.Event, b: Calendar.Event) => {
      const rank = (e: Calendar.Event) => practitioners.findIndex((p) => p.id === (e.extendedProps.source as CalendarEvent | undefined)?.practitionerId);
      // Start first: the library lays out overlapping entries in this order.
      return a.start.getTime() - b.start.getTime() || rank(a) - rank(b);
    },
    [practitioners],
  );

  const options = useMemo<Calendar.Options>(
    () => ({
      view: libraryView(view),
      date: initialDate,
      // Wall-clock strings in 'UTC' mode: see clinic-time.ts for why this shows clinic time in any browser zone.
      timeZone: 'UTC',
      locale: localeFor(lang),
      firstDay: 1,
      hiddenDays: view === 'week' ? hiddenDays : [],
      eventOrder,
      titleFormat: TITLE_FORMATS[view],
      slotHeight: 28,
      headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
      buttonText: (text) => ({ ...text, today: t('calendar.today'), prev: t('calendar.previous'), next: t('calendar.next') }),
      resources,
      events,
      eventContent,
      dayHeaderFormat,
      slotDuration: '00:15',
      slotLabelInterval: '01:00',
      snapDuration: '00:15',
      slotMinTime: DAY_START,
      slotMaxTime: DAY_END,
      scrollTime: DAY_START,
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      allDaySlot: false,
      nowIndicator: true,
      slotEventOverlap: false,
      dayMaxEvents: true,
      height: 'auto',
      selectable: can.book,
      editable: can.book,
      eventDurationEditable: false,
      noEventsContent: t('calendar.noEntries'),
    }),
    // initialDate is the first day only: later navigation stays with the calendar.
    [view, lang, t, resources, events, eventContent, dayHeaderFormat, can.book, initialDate, hiddenDays, eventOrder],
  );

  function setParam(name: string, value: string) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set(name, value);
        return updated;
      },
      { replace: true },
    );
  }

  function setFilter(next: CalendarFilter) {
    setSelected(undefined);
    setBanner(undefined);
    setParam('show', formatFilter(next));
  }

  function who(resource?: Calendar.Resource) {
    const column = resource ? String(resource.id) : undefined;
    return {
      practitionerId: view === 'day' && column ? column : filter.kind === 'practitioner' ? filter.id : (user.practitionerId ?? undefined),
      roomId: view === 'rooms' && column && column !== NO_ROOM ? column : filter.kind === 'room' ? filter.id : undefined,
    };
  }

  const handlers: CalendarHandlers = {
    datesSet: (info) => {
      // start and end bound every day drawn (a month view shows parts of its neighbours); end is exclusive.
      const from = calendarDateToDay(info.start);
      const to = calendarDateToDay(new Date(info.end.getTime() - 1));
      setRange((current) => (current?.from === from && current.to === to ? current : { from, to }));
      const date = calendarDateToDay(info.view.currentStart);
      if (!leaving && params.get('date') !== date) setParam('date', date);
    },
    select: (info) => {
      calendarRef.current?.unselect();
      setBanner(undefined);
      setDraft(draftForSelection(info, who(info.resource)));
    },
    eventClick: (info) => {
      const source = info.event.extendedProps.source as CalendarEvent | undefined;
      if (source) setSelected(source);
    },
    eventDrop: drag.onChange,
    eventResize: drag.onChange,
  };

  function openDraft(mode: EntryDraft['mode']) {
    const shown = calendarRef.current?.getView();
    setBanner(undefined);
    const today = clinicToday(timeZone);
    const firstDay = shown ? calendarDateToDay(shown.currentStart) : today;
    const lastDay = shown ? calendarDateToDay(new Date(shown.currentEnd.getTime() - 1)) : today;
    setDraft(draftForButton(mode, { firstDay, lastDay, nowWall: instantToWall(Date.now(), timeZone), practitioners, exceptions }, who()));
  }

  const undo = banner?.undo;
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
        <CalendarViewSwitch
          value={view}
          onChange={(next) => {
            setSelected(undefined);
            setParam('view', next);
          }}
        />
        <CalendarFilterSelect value={filter} onChange={setFilter} practitioners={practitioners} rooms={rooms} />
      </div>
      <CalendarLegend practitioners={practitioners} />
      <div className="st-messages" aria-live="polite">
        {banner ? (
          <Alert
            tone={banner.tone}
            actions={
              undo ? (
                <Button variant="secondary" busy={drag.busy} onClick={() => drag.undo(undo)}>
                  {t('move.undo')}
                </Button>
              ) : undefined
            }
          >
            {banner.text}
          </Alert>
        ) : null}
        {feed.isError && !banner ? <Alert tone="error">{errorText(feed.error)}</Alert> : null}
      </div>
      <div className={selected ? 'st-calendar-layout has-details' : 'st-calendar-layout'}>
        <div className="st-calendar-wrap ui-busy" aria-busy={feed.isFetching} data-view={view}>
          <EventCalendar plugins={PLUGINS} options={options} handlers={handlers} calendarRef={calendarRef} className="st-ec" />
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
      <MoveConfirmDialog move={drag.pending} timeZone={timeZone} busy={drag.busy} onCancel={drag.cancel} onConfirm={drag.confirm} />
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
          const api = calendarRef.current;
          const shown = api?.getView();
          // The booking invalidated the calendar; a day off screen is shown by going there.
          if (api && shown && (date < calendarDateToDay(shown.activeStart) || date >= calendarDateToDay(shown.activeEnd))) api.gotoDate(date);
        }}
      />
    </section>
  );
}

function bandLabel(title: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'st-ev-band';
  el.textContent = title;
  return el;
}
