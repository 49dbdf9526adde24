import { describe, expect, it } from 'vitest';
import { findOpenSlots } from './find-open-slots.ts';
import type { BusyInterval } from './scheduling-types.ts';
import { describeSlots, dubaiQuery, ms, practitioner, startTimes, weekly, WEEKDAYS } from './test-fixtures.ts';

/** A busy interval on 2026-12-01 in Dubai, from local wall times. */
function busy(owner: { practitionerId?: string; roomId?: string }, start: string, end: string): BusyInterval {
  return { ...owner, start: ms(`2026-12-01T${start}:00+04:00`), end: ms(`2026-12-01T${end}:00+04:00`) };
}

const withRoom = { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: true };

describe('findOpenSlots: busy practitioners and rooms', () => {
  it('skips times the practitioner is busy, and only theirs', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '11:00')), practitioner('p2', weekly(WEEKDAYS, '09:00', '10:00'))],
        busy: [busy({ practitionerId: 'p1' }, '09:15', '10:00'), busy({ practitionerId: 'p3' }, '09:00', '11:00')],
      }),
    );
    expect(describeSlots(slots)).toEqual(['2026-12-01T09:00+04:00 p2', '2026-12-01T09:30+04:00 p2', '2026-12-01T10:00+04:00 p1', '2026-12-01T10:30+04:00 p1']);
  });

  it('treats intervals as half-open: touching a busy interval at either end is free', () => {
    const slots = findOpenSlots(dubaiQuery({ busy: [busy({ practitionerId: 'p1' }, '09:30', '10:00')] }));
    // 09:00–09:30 ends as the busy one starts; 10:00 starts as it ends.
    expect(startTimes(slots)).toEqual(['09:00', '10:00', '10:30']);
  });

  it('handles overlapping and touching busy intervals (appointment plus hold)', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        busy: [
          busy({ practitionerId: 'p1' }, '09:00', '09:40'),
          busy({ practitionerId: 'p1' }, '09:10', '09:20'),
          busy({ practitionerId: 'p1' }, '09:40', '10:00'),
        ],
      }),
    );
    expect(startTimes(slots)).toEqual(['10:00', '10:30']);
  });

  it('ignores room bookings when the service needs no room', () => {
    const slots = findOpenSlots(dubaiQuery({ rooms: [{ id: 'r1' }], busy: [busy({ roomId: 'r1' }, '09:00', '11:00')] }));
    expect(startTimes(slots)).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect(slots[0]).not.toHaveProperty('roomId');
  });

  it('picks the first free room in the given order, and offers nothing when all are busy', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        service: withRoom,
        rooms: [{ id: 'r-a' }, { id: 'r-b' }],
        busy: [
          busy({ roomId: 'r-a' }, '09:00', '10:00'),
          busy({ roomId: 'r-b' }, '09:00', '09:30'),
          busy({ roomId: 'r-b' }, '10:30', '11:00'),
          busy({ roomId: 'r-a', practitionerId: 'p9' }, '10:30', '11:00'),
        ],
      }),
    );
    expect(describeSlots(slots)).toEqual(['2026-12-01T09:30+04:00 p1 r-b', '2026-12-01T10:00+04:00 p1 r-a']);
  });

  it('needs one room free for the whole occupied interval, buffers included', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        service: { ...withRoom, bufferAfterMinutes: 15 },
        slotStepMinutes: 15,
        rooms: [{ id: 'r-a' }, { id: 'r-b' }],
        // Each room is free for 30 minutes somewhere, but only r-b for 45 in a row.
        busy: [busy({ roomId: 'r-a' }, '09:30', '11:00'), busy({ roomId: 'r-b' }, '09:00', '09:45')],
      }),
    );
    expect(describeSlots(slots)).toEqual(['2026-12-01T09:45+04:00 p1 r-b', '2026-12-01T10:00+04:00 p1 r-b', '2026-12-01T10:15+04:00 p1 r-b']);
  });

  it('ignores bookings of rooms that cannot host the service', () => {
    const slots = findOpenSlots(dubaiQuery({ service: withRoom, rooms: [{ id: 'r1' }], busy: [busy({ roomId: 'r-other' }, '09:00', '11:00')] }));
    expect(slots.map((s) => s.roomId)).toEqual(['r1', 'r1', 'r1', 'r1']);
  });

  it('offers nothing when the service needs a room and none can host it', () => {
    expect(findOpenSlots(dubaiQuery({ service: withRoom, rooms: [] }))).toEqual([]);
  });
});
