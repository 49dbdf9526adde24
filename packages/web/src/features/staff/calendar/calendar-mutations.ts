import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffApi, type NewAppointment, type NewBlock } from '../api/staff-api.ts';
import { staffKeys } from '../api/staff-queries.ts';

/** After any change to an entry, every cached calendar range refetches (the one on screen at once). */
function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffKeys.calendar });
}

export type NewEntry = { mode: 'block'; body: NewBlock } | { mode: 'visit'; body: NewAppointment };

/** Books an appointment or blocks time; answers the new appointment's reference (none for a block). */
export function useCreateEntry() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: async (entry: NewEntry): Promise<{ reference?: string }> => {
      if (entry.mode === 'block') {
        await staffApi.createBlock(entry.body);
        return {};
      }
      const created = await staffApi.createAppointment(entry.body);
      return { reference: created.reference };
    },
    onSuccess: invalidate,
  });
}

export interface MoveRequest {
  id: string;
  start: string;
  /** Blocks only: a visit keeps its service's length. */
  end?: string | undefined;
  practitionerId?: string | undefined;
  /** null: no room. */
  roomId?: string | null | undefined;
  /** Visits only; the server's default is true. */
  notifyPatient?: boolean | undefined;
}

/** Moves a visit (its length stays the service's) or a block (start and end), maybe to another practitioner or room. */
export function useMoveEntry() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ id, start, end, practitionerId, roomId, notifyPatient }: MoveRequest) =>
      staffApi.moveAppointment(id, {
        start,
        ...(end ? { end } : {}),
        ...(practitionerId ? { practitionerId } : {}),
        ...(roomId !== undefined ? { roomId } : {}),
        ...(notifyPatient !== undefined ? { notifyPatient } : {}),
      }),
    onSuccess: invalidate,
  });
}

/** Cancels a visit (with an optional reason) or removes a block. */
export function useCancelEntry() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string | undefined }) => staffApi.cancelAppointment(id, reason),
    onSuccess: invalidate,
  });
}
