import { segmentIds } from "./segmentIds.js";

/** A straight line with a common slope and one intercept per segment, fitted by (weighted) least squares. */
export interface SegmentedLine {
  /** Common slope per year; 0 when no segment has two points (then `slopeDefined` is false). */
  readonly slope: number;
  readonly slopeDefined: boolean;
  /** Weighted mean year and value and total weight of each segment, in time order. */
  readonly segments: readonly { meanYear: number; meanY: number; weight: number; points: number }[];
  /** Σ w (t − t̄_segment)², the within-segment spread of the years. */
  readonly sxx: number;
  /** Residual degrees of freedom: points − segments − 1 (− segments when the slope is undefined). */
  readonly df: number;
  /** Residual variance Σ w r² / df for a unit weight; undefined when df ≤ 0. */
  readonly sigma2: number | undefined;
}

/**
 * Fits y = a_s + b·t by weighted least squares, with one intercept a_s for each segment between
 * series breaks and a common slope b, so that a level jump at a break is not read as growth. With
 * weights w, the residual variance is that of an observation of weight 1 (as R's `lm` reports it).
 * The slope is Σ w (t − t̄_s)(y − ȳ_s) / Σ w (t − t̄_s)², with means taken within segments.
 *
 * @example
 * segmentedLine([2017, 2018, 2019, 2020], [1, 2, 10, 11], [2019]).slope; // 1
 */
export function segmentedLine(
  years: readonly number[],
  y: readonly number[],
  breaks: readonly number[],
  weights?: readonly number[],
): SegmentedLine {
  const ids = segmentIds(years, breaks);
  const count = (ids[ids.length - 1] ?? 0) + 1;
  const w = (i: number): number => (weights === undefined ? 1 : (weights[i] as number));
  const sums = Array.from({ length: count }, () => ({ w: 0, wt: 0, wy: 0, points: 0 }));
  // Years are taken relative to the last one to keep the sums well conditioned.
  const origin = years[years.length - 1] as number;
  for (let i = 0; i < years.length; i++) {
    const s = sums[ids[i] as number]!;
    s.w += w(i);
    s.wt += w(i) * ((years[i] as number) - origin);
    s.wy += w(i) * (y[i] as number);
    s.points++;
  }
  const segments = sums.map((s) => ({
    meanYear: origin + s.wt / s.w,
    meanY: s.wy / s.w,
    weight: s.w,
    points: s.points,
  }));
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < years.length; i++) {
    const seg = segments[ids[i] as number]!;
    const dt = (years[i] as number) - seg.meanYear;
    sxx += w(i) * dt * dt;
    sxy += w(i) * dt * ((y[i] as number) - seg.meanY);
  }
  const slopeDefined = sxx > 0;
  const slope = slopeDefined ? sxy / sxx : 0;
  let sse = 0;
  for (let i = 0; i < years.length; i++) {
    const seg = segments[ids[i] as number]!;
    const r = (y[i] as number) - seg.meanY - slope * ((years[i] as number) - seg.meanYear);
    sse += w(i) * r * r;
  }
  const df = years.length - count - (slopeDefined ? 1 : 0);
  return { slope, slopeDefined, segments, sxx, df, sigma2: df > 0 ? sse / df : undefined };
}
