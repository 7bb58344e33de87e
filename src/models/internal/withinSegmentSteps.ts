import { segmentIds } from "./segmentIds.js";

/** One change between consecutive points of the same segment. */
export interface Step {
  /** Change of the value (modelling scale). */
  readonly dy: number;
  /** Years between the two points (1 for consecutive years). */
  readonly dt: number;
  /** Index of the later point. */
  readonly index: number;
}

/**
 * The changes between consecutive points that lie in the same segment: a change across a series
 * break is a change of statistical basis, not growth, and is left out.
 *
 * @example
 * withinSegmentSteps([2017, 2018, 2019, 2020], [1, 2, 5, 6], [2019]).map((s) => s.dy); // [1, 1]
 */
export function withinSegmentSteps(
  years: readonly number[],
  y: readonly number[],
  breaks: readonly number[],
): Step[] {
  const ids = segmentIds(years, breaks);
  const steps: Step[] = [];
  for (let i = 1; i < years.length; i++) {
    if (ids[i] !== ids[i - 1]) continue;
    steps.push({
      dy: (y[i] as number) - (y[i - 1] as number),
      dt: (years[i] as number) - (years[i - 1] as number),
      index: i,
    });
  }
  return steps;
}
