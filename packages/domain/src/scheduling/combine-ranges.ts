/**
 * Set arithmetic on half-open numeric ranges [start, end), used for minutes of a local day.
 * Results are sorted, disjoint and never empty; touching ranges are joined, because under
 * [) a range ending at 600 and one starting at 600 leave no gap between them.
 */
export type Range = readonly [start: number, end: number];

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([start, end]) => start < end).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) {
      if (end > last[1]) last[1] = end;
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

export function unionRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  if (b.length === 0) return mergeRanges(a);
  return mergeRanges([...a, ...b]);
}

/** What is left of `from` once every range in `remove` is taken out of it. */
export function subtractRanges(from: readonly Range[], remove: readonly Range[]): Range[] {
  const base = mergeRanges(from);
  const cuts = mergeRanges(remove);
  if (cuts.length === 0) return base;
  const result: Range[] = [];
  for (const [start, end] of base) {
    let cursor = start;
    for (const [cutStart, cutEnd] of cuts) {
      if (cutEnd <= cursor) continue;
      if (cutStart >= end) break;
      if (cutStart > cursor) result.push([cursor, cutStart]);
      cursor = Math.max(cursor, cutEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result;
}
