import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { epochDayOfDate, epochDayOfPlainDate } from './epoch-days.ts';
import { latestStartMs } from './prepare-availability.ts';

const MS_PER_DAY = 86_400_000;
/** Temporal's answer, the reference: the days between 1970-01-01 and the date. */
const temporalDay = (date: Temporal.PlainDate) => date.since('1970-01-01', { largestUnit: 'days' }).days;

/** Temporal's outcome for a string: the day, or the kind of error it throws. */
function outcome(read: () => number): number | string {
  try {
    return read();
  } catch (error) {
    return (error as Error).constructor.name;
  }
}

describe('epochDayOfDate', () => {
  it('gives the day Temporal gives for every date from 1899 to 2101, and at the ends of four-digit years', () => {
    const dates: string[] = [];
    for (let day = temporalDay(Temporal.PlainDate.from('1899-12-20')); day <= temporalDay(Temporal.PlainDate.from('2101-01-10')); day++) {
      dates.push(new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
    }
    dates.push('0000-01-01', '0000-02-29', '0001-03-01', '0099-12-31', '0100-03-01', '1600-02-29', '9999-12-31');
    for (const date of dates) expect(epochDayOfDate(date), date).toBe(temporalDay(Temporal.PlainDate.from(date)));
  });

  it('answers and refuses exactly as Temporal.PlainDate.from does for other forms and invalid dates', () => {
    const texts = [
      '2026-02-29',
      '2024-02-29',
      '1900-02-29',
      '2000-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '20260101',
      '+002026-01-01',
      '-000001-12-31',
      '2026-01-01T10:00',
      '2026-01-01T23:59:59+04:00',
      '2026-01-01[u-ca=iso8601]',
      ' 2026-01-01',
      '',
      'tomorrow',
    ];
    for (const text of texts) {
      expect(
        outcome(() => epochDayOfDate(text)),
        text,
      ).toEqual(outcome(() => temporalDay(Temporal.PlainDate.from(text))));
    }
  });

  it('reads a date of another calendar (the polyfill knows gregory) by the day it is', () => {
    for (const text of ['2026-03-20', '0000-06-01', '-000400-02-29']) {
      const date = Temporal.PlainDate.from(text).withCalendar('gregory');
      expect(date.calendarId).toBe('gregory');
      expect(epochDayOfPlainDate(date), text).toBe(temporalDay(Temporal.PlainDate.from(text)));
    }
  });
});

describe('latestStartMs', () => {
  it('is the same wall-clock time horizonDays later in the zone, as Temporal adds days, across DST changes', () => {
    // Zones without DST, with one-hour and half-hour changes, in both hemispheres, and a zone that skipped a day (Apia, 2011).
    const zones = ['Asia/Dubai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Apia'];
    const horizons = [0, 1, 7, 30, 90, 365];
    let changedOffset = 0;
    for (const timeZone of zones) {
      // Every 7 h 37 min over two years, so times near every change come up, with a start in 2011 for Apia.
      const from = timeZone === 'Pacific/Apia' ? Date.parse('2011-06-01T00:00:00Z') : Date.parse('2026-01-01T00:00:00Z');
      for (let nowMs = from; nowMs < from + 730 * MS_PER_DAY; nowMs += 457 * 60_000) {
        for (const horizonDays of horizons) {
          const expected = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(timeZone).add({ days: horizonDays }).epochMilliseconds;
          if (expected !== nowMs + horizonDays * MS_PER_DAY) changedOffset++;
          expect(latestStartMs(nowMs, horizonDays, timeZone), `${timeZone} ${new Date(nowMs).toISOString()} +${horizonDays}`).toBe(expected);
        }
      }
    }
    // The cases where plain arithmetic alone would be wrong did come up.
    expect(changedOffset).toBeGreaterThan(1000);
  });
});
