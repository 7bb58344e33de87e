/**
 * The segment of each point of a series split at its breaks: a break at year `b` starts a new
 * segment at the first year ≥ `b` (the change from the year before is not growth). Segments are
 * numbered from 0 in time order; breaks outside the series' span are ignored.
 *
 * @example
 * segmentIds([2017, 2018, 2019, 2020], [2019]); // [0, 0, 1, 1]
 */
export function segmentIds(years: readonly number[], breaks: readonly number[]): number[] {
  const ids: number[] = [];
  let segment = 0;
  for (let i = 0; i < years.length; i++) {
    if (i > 0) {
      const previous = years[i - 1] as number;
      const year = years[i] as number;
      if (breaks.some((b) => b > previous && b <= year)) segment++;
    }
    ids.push(segment);
  }
  return ids;
}
