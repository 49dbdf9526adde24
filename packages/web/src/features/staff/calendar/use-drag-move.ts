import type { Calendar } from '@event-calendar/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import type { CalendarEvent, Practitioner, Room } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { NO_ROOM, type CalendarView } from './calendar-feed.ts';
import { useMoveEntry, type MoveRequest } from './calendar-mutations.ts';
import type { PendingMove } from './move-confirm-dialog.tsx';
import { calendarDateToWall, formatInstant, wallToZonedIso } from '../../../lib/clinic-time/clinic-time.ts';

/** What the page shows after a move: the outcome, and for a done move the way back. */
export interface MoveOutcome {
  tone: 'success' | 'error';
  text: string;
  undo?: MoveRequest;
}

/**
 * Drag and drop as a question: a drop opens the confirm dialog (the entry stays where it was
 * dropped until staff answer); cancel puts it back; confirm moves it and offers an undo that
 * moves it back to the same time, practitioner and room, telling the patient only if the move did.
 */
export function useDragMove(input: {
  view: CalendarView;
  timeZone: string;
  practitioners: Practitioner[];
  rooms: Room[];
  onOutcome(outcome: MoveOutcome | undefined): void;
}) {
  const { t, i18n } = useTranslation('staff');
  const errorText = useErrorText();
  const move = useMoveEntry();
  const [pending, setPending] = useState<PendingMove>();
  const { view, timeZone, practitioners, onOutcome } = input;

  function problem(error: unknown): string {
    return error instanceof ApiError && error.code === 'slot_unavailable' ? t('calendar.moveClash') : errorText(error);
  }

  function onChange(info: Calendar.EventDropInfo | Calendar.EventResizeInfo) {
    const source = info.event.extendedProps.source as CalendarEvent | undefined;
    if (!source) return info.revert();
    const newResource = 'newResource' in info ? info.newResource : undefined;
    const practitionerId = view === 'day' && newResource ? String(newResource.id) : undefined;
    const roomId = view === 'rooms' && newResource ? (String(newResource.id) === NO_ROOM ? null : String(newResource.id)) : undefined;
    const start = wallToZonedIso(calendarDateToWall(info.event.start), timeZone);
    const end = source.kind === 'block' ? wallToZonedIso(calendarDateToWall(info.event.end), timeZone) : undefined;
    const practitioner = practitioners.find((p) => p.id === (practitionerId ?? source.practitionerId));
    onOutcome(undefined);
    setPending({ source, start, end, practitionerId, roomId, practitionerName: localName(practitioner, i18n.language), revert: info.revert });
  }

  function run(request: MoveRequest, onDone: (request: MoveRequest) => void, onFail: () => void) {
    move.mutate(request, { onSuccess: () => onDone(request), onError: (error) => (onFail(), onOutcome({ tone: 'error', text: problem(error) })) });
  }

  function confirm(notifyPatient: boolean) {
    if (!pending) return;
    const { source } = pending;
    const request: MoveRequest = {
      id: source.id,
      start: pending.start,
      end: pending.end,
      practitionerId: pending.practitionerId,
      roomId: pending.roomId,
      ...(source.kind === 'visit' ? { notifyPatient } : {}),
    };
    // The way back: the same time, practitioner and room as before; the patient hears of it only if they heard of the move.
    const undo: MoveRequest = {
      id: source.id,
      start: source.start,
      end: source.kind === 'block' ? source.end : undefined,
      ...(pending.practitionerId && source.practitionerId ? { practitionerId: source.practitionerId } : {}),
      ...(pending.roomId !== undefined ? { roomId: source.roomId } : {}),
      ...(source.kind === 'visit' ? { notifyPatient } : {}),
    };
    run(
      request,
      () => {
        setPending(undefined);
        const time = formatInstant(pending.start, timeZone, i18n.language);
        onOutcome({ tone: 'success', text: notifyPatient ? t('move.movedNotified', { time }) : t('calendar.moved', { time }), undo });
      },
      () => {
        pending.revert();
        setPending(undefined);
      },
    );
  }

  function cancel() {
    pending?.revert();
    setPending(undefined);
  }

  function undo(request: MoveRequest) {
    run(
      request,
      () => onOutcome({ tone: 'success', text: t('move.undone') }),
      () => undefined,
    );
  }

  return { pending, busy: move.isPending, onChange, confirm, cancel, undo };
}
