import { segmentIds } from "./segmentIds.js";
import { withinSegmentSteps } from "./withinSegmentSteps.js";

/** A series made regular and continuous for a recursive method (Holt, SES, Theta). */
export interface LinkedSeries {
  /** Consecutive years from the first to the last observed year. */
  readonly years: number[];
  /** Values on the modelling scale; the last segment is as observed, earlier ones re-levelled. */
  readonly y: number[];
  /** Mean within-segment change per year used across each break; undefined when no break. */
  readonly stepPerYear: number | undefined;
  /** Number of years filled in by linear interpolation (gaps in the observed years). */
  readonly interpolated: number;
  /** Plain-language remarks for the fitted model's notes. */
  readonly notes: string[];
}

/**
 * Links the segments of a broken series so that a recursive method reads no level jump as growth:
 * the change across each break is replaced by the mean within-segment change per year times the
 * years it spans, by shifting every earlier segment (the last segment, on the latest statistical
 * basis, keeps its observed values). Years missing inside the span are then filled by linear
 * interpolation on the modelling scale, since the recursions assume one value a year.
 *
 * @example
 * linkSegments([2017, 2018, 2019, 2020], [1, 2, 10, 11], [2019]).y; // [8, 9, 10, 11]
 */
export function linkSegments(
  years: readonly number[],
  y: readonly number[],
  breaks: readonly number[],
): LinkedSeries {
  const notes: string[] = [];
  const ids = segmentIds(years, breaks);
  const segments = (ids[ids.length - 1] ?? 0) + 1;
  let shifted = y.slice();
  let stepPerYear: number | undefined;
  if (segments > 1) {
    const steps = withinSegmentSteps(years, y, breaks);
    const totalYears = steps.reduce((sum, s) => sum + s.dt, 0);
    stepPerYear = totalYears > 0 ? steps.reduce((sum, s) => sum + s.dy, 0) / totalYears : 0;
    const shift = new Array<number>(segments).fill(0);
    for (let i = years.length - 1; i > 0; i--) {
      const later = ids[i] as number;
      const earlier = ids[i - 1] as number;
      if (later === earlier) continue;
      // Earlier segment shifted so that the step across the break equals the imputed one.
      const observed = (y[i] as number) + (shift[later] as number) - (y[i - 1] as number);
      const imputed = stepPerYear * ((years[i] as number) - (years[i - 1] as number));
      shift[earlier] = observed - imputed;
    }
    shifted = y.map((v, i) => v + (shift[ids[i] as number] as number));
    const breakYears = breaks.filter(
      (b) => b > (years[0] as number) && b <= (years[years.length - 1] as number),
    );
    notes.push(
      totalYears > 0
        ? `segments before the break${breakYears.length > 1 ? "s" : ""} at ${breakYears.join(", ")} re-levelled: the change across each break is imputed as the mean within-segment change (${formatStep(stepPerYear)} a year on the modelling scale)`
        : `no two consecutive points share a segment, so the change across the break${breakYears.length > 1 ? "s" : ""} at ${breakYears.join(", ")} is imputed as 0`,
    );
  }
  const outYears: number[] = [];
  const outY: number[] = [];
  let interpolated = 0;
  for (let i = 0; i < years.length; i++) {
    const year = years[i] as number;
    const value = shifted[i] as number;
    if (i > 0) {
      const previousYear = years[i - 1] as number;
      const previous = shifted[i - 1] as number;
      for (let gap = previousYear + 1; gap < year; gap++) {
        outYears.push(gap);
        outY.push(previous + ((value - previous) * (gap - previousYear)) / (year - previousYear));
        interpolated++;
      }
    }
    outYears.push(year);
    outY.push(value);
  }
  if (interpolated > 0)
    notes.push(
      `${interpolated} missing year${interpolated > 1 ? "s" : ""} filled by linear interpolation on the modelling scale for the recursion`,
    );
  return { years: outYears, y: outY, stepPerYear, interpolated, notes };
}

function formatStep(step: number): string {
  return step.toPrecision(4);
}
