const WALL_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

export const MINUTES_PER_DAY = 1440;

/**
 * 'HH:MM' → minutes since local midnight. '24:00' gives 1440, the midnight that closes the
 * day, so a shift can end at the end of the day. Malformed input is a programming error (the
 * route's schema rejects it first), so it throws instead of returning a coded error.
 */
export function parseWallTime(text: string): number {
  const match = WALL_TIME.exec(text);
  const minutes = match === null ? NaN : Number(match[1]) * 60 + Number(match[2]);
  if (!(minutes <= MINUTES_PER_DAY)) {
    throw new RangeError(`Invalid wall-clock time '${text}', expected 'HH:MM' from 00:00 to 24:00`);
  }
  return minutes;
}
