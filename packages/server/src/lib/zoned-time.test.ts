import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { afterAnyLocalDay, beforeAnyLocalDay, daysBetween, isRealDate, localDate, parseOffsetIso, startOfLocalDay, toZonedIso } from './zoned-time.ts';

/** Every month 0-13 and day 0-32 of leap and common years (2000 is leap, 1900 and 2100 are not, 0000-0099 too), and malformed dates. */
function* candidateDates(): Generator<string> {
  for (const year of ['0000', '0099', '1900', '1999', '2000', '2001', '2024', '2026', '2100', '9999']) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) yield `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  yield* ['2026-1-01', '2026-01-1', '26-01-01', '2026/01/01', '2026-01-01T00:00', ' 2026-01-01', '+002026-01-01', '20260101', ''];
}

const temporalIsRealDate = (value: string) => {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
};

describe('calendar dates without Temporal', () => {
  it('accepts exactly the dates Temporal accepts as written', () => {
    for (const value of candidateDates()) expect(isRealDate(value), value).toBe(temporalIsRealDate(value));
  });

  it('counts the days between two dates as Temporal does, across leap days and centuries', () => {
    const dates = [...candidateDates()].filter(isRealDate).filter((_, i) => i % 7 === 0);
    for (const from of dates.slice(0, 60)) {
      for (const to of dates) {
        expect(daysBetween(from, to), `${from}..${to}`).toBe(Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days);
      }
    }
  });

  it('puts the busy-time window around the local days in every zone, DST days included', () => {
    for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12', 'Asia/Dubai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      for (const date of ['2026-03-08', '2026-03-29', '2026-10-04', '2026-11-01', '2026-12-31']) {
        expect(beforeAnyLocalDay(date, -1).getTime()).toBeLessThanOrEqual(startOfLocalDay(date, zone, -1).getTime());
        expect(afterAnyLocalDay(date, 1).getTime()).toBeGreaterThanOrEqual(startOfLocalDay(date, zone, 2).getTime());
        // Not so wide that it reads another week of appointments: under two days more in all.
        const extra = afterAnyLocalDay(date, 1).getTime() - beforeAnyLocalDay(date, -1).getTime();
        expect(extra - (startOfLocalDay(date, zone, 2).getTime() - startOfLocalDay(date, zone, -1).getTime())).toBeLessThan(2 * 86_400_000);
      }
    }
  });
});

describe('zoned times without the Temporal polyfill', () => {
  const zones = [
    'UTC',
    'Asia/Dubai',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe', // a half-hour DST shift
    'Asia/Kathmandu', // +05:45
    'Pacific/Chatham', // +12:45 and +13:45
    'America/St_Johns', // -03:30 and -02:30
    'Pacific/Kiritimati', // +14:00
    'Etc/GMT+12',
    'Africa/Casablanca',
    'Europe/Amsterdam', // +00:19:32 before 1937: Temporal's own answer
    'Asia/Riyadh',
  ];
  const temporalIso = (ms: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toString({ timeZoneName: 'never' });
  const temporalDate = (ms: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();

  /** Instants from 1900 to 2100 (some with milliseconds), and each zone's transitions in 2026 and 1930, a second either side. */
  function* instants(zone: string): Generator<number> {
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 400; i++) {
      const ms = Date.UTC(1900, 0, 1) + Math.floor(random() * 200 * 365.25 * 86_400_000);
      yield i % 5 === 0 ? ms : ms - (ms % 1000);
    }
    for (const year of [1930, 2026]) {
      let at = Temporal.Instant.fromEpochMilliseconds(Date.UTC(year, 0, 1)).toZonedDateTimeISO(zone);
      for (let n = 0; n < 4; n++) {
        const next = at.getTimeZoneTransition('next');
        if (!next || next.year > year) break;
        for (const delta of [-1000, -1, 0, 1000]) yield next.epochMilliseconds + delta;
        at = next;
      }
    }
    yield* [0, Date.UTC(999, 11, 31, 23), Date.UTC(1000, 0, 2), Date.UTC(9999, 11, 31, 23, 59, 59), -1];
  }

  it('writes an instant in a zone, with its offset, exactly as Temporal does', () => {
    for (const zone of zones) {
      for (const ms of instants(zone)) {
        expect(toZonedIso(ms, zone), `${zone} ${ms}`).toBe(temporalIso(ms, zone));
        expect(localDate(new Date(ms), zone), `${zone} ${ms}`).toBe(temporalDate(ms, zone));
      }
    }
  });

  it('refuses an unknown zone, as Temporal does', () => {
    expect(() => toZonedIso(Date.UTC(2026, 11, 1), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDate(new Date(Date.UTC(2026, 11, 1)), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

/** Times with offsets: each field at and past its bounds, and forms only Temporal reads (a space, a comma, lower case). */
function* candidateTimes(): Generator<string> {
  const fields = {
    date: [
      '0999-12-31',
      '1000-01-01',
      '1969-12-31',
      '1970-01-01',
      '2024-02-29',
      '2026-02-29',
      '2026-12-01',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '9999-12-31',
    ],
    time: [
      'T00:00',
      'T09:30',
      'T23:59',
      'T24:00',
      'T12:60',
      'T09:30:00',
      'T09:30:59',
      'T23:59:60',
      'T09:30:61',
      'T09:30:00.1',
      'T09:30:00.123',
      'T09:30:00.123456789',
      'T09:30:00.9999',
      'T09:30:00.',
      't09:30:00',
      ' 09:30:00',
      'T09:30:00,5',
      'T0930',
    ],
    offset: ['Z', 'z', '+00:00', '-00:00', '+04:00', '-12:30', '+14:00', '+23:59', '+24:00', '-03:60', '+0400', '+04', ''],
  };
  for (const date of fields.date) for (const time of fields.time) for (const offset of fields.offset) yield `${date}${time}${offset}`;
  yield* ['2026-12-01T09:30:00+04:00[Asia/Dubai]', '+002026-12-01T09:30:00Z', '20261201T093000Z', '2026-12-01', '', 'Z', '2026-12-01T09:30:00+04:00 '];
}

const temporalInstantMs = (value: string) => {
  try {
    return Temporal.Instant.from(value).epochMilliseconds;
  } catch {
    return undefined;
  }
};

describe('times with offsets without Temporal', () => {
  it('reads exactly the times Temporal reads, as the same instants, and refuses those without an offset', () => {
    let read = 0;
    for (const value of candidateTimes()) {
      const expected = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? temporalInstantMs(value) : undefined;
      expect(parseOffsetIso(value)?.getTime(), value).toBe(expected);
      if (expected !== undefined) read++;
    }
    // The candidates reach both answers, many times over.
    expect(read).toBeGreaterThan(500);
  });
});
