import { median } from "simple-statistics";
import * as z from "zod";
import { forecastLineTrend, type LineTrendParams } from "./internal/lineTrend.js";
import { segmentIds } from "./internal/segmentIds.js";
import type { FittedOf, ModelDefinition } from "./types.js";

/**
 * Spec of the Theil–Sen robust trend: `{ kind: "theil-sen", form? }`. `form`: `"loglinear"`
 * fits on the log scale (a constant growth rate), `"linear"` on the linear scale; omitted = the
 * indicator's modelling scale.
 */
export const TheilSenSpecSchema = z.object({
  kind: z.literal("theil-sen"),
  form: z.enum(["linear", "loglinear"]).optional(),
});
/** A spec of the `theil-sen` model, as {@link TheilSenSpecSchema} validates it. */
export type TheilSenSpec = z.infer<typeof TheilSenSpecSchema>;
/** Parameters of a fitted `theil-sen` model: the line's, plus the number of pairwise slopes. */
export type TheilSenParams = LineTrendParams & {
  /** Pairs of points in one segment whose slopes the median was taken over. */
  readonly pairs: number;
};
/** A fitted `theil-sen` model. */
export type TheilSenFitted = FittedOf<"theil-sen", TheilSenParams>;

/**
 * The Theil–Sen line of a series split into segments at its breaks: the slope is the median of
 * the slopes (y_j − y_i)/(t_j − t_i) over all pairs of points in the same segment, each
 * segment's intercept the median of y − b·t over its points; residuals are taken around each
 * segment's line.
 */
function theilSenLine(
  years: readonly number[],
  y: readonly number[],
  breaks: readonly number[],
): { slope: number; intercepts: number[]; segment: number[]; pairs: number } {
  const segment = segmentIds(years, breaks);
  const slopes: number[] = [];
  for (let i = 0; i < years.length; i++)
    for (let j = i + 1; j < years.length && segment[j] === segment[i]; j++)
      slopes.push(
        ((y[j] as number) - (y[i] as number)) / ((years[j] as number) - (years[i] as number)),
      );
  const slope = slopes.length === 0 ? 0 : median(slopes);
  const count = (segment[segment.length - 1] as number) + 1;
  const intercepts = Array.from({ length: count }, (_, s) =>
    median(years.flatMap((t, i) => (segment[i] === s ? [(y[i] as number) - slope * t] : []))),
  );
  return { slope, intercepts, segment, pairs: slopes.length };
}

/**
 * Theil–Sen robust trend: the slope is the median of the pairwise slopes (H. Theil 1950, "A
 * rank-invariant method of linear and polynomial regression analysis", Indagationes
 * Mathematicae 12; P. K. Sen 1968, "Estimates of the regression coefficient based on Kendall's
 * tau", JASA 63(324):1379–1389), so one outlying year (a rebound, a revision, a shock) moves
 * it little: its breakdown point is 29%, against 0 for least squares. The intercept is the
 * median of y − b·t (as R's `mblm` and ml-regression's `TheilSenRegression` take it). On the
 * log scale the slope is a robust growth rate. Projected along the line of the last segment.
 *
 * - minPoints 3; fallback `drift`.
 * - Breaks: only pairs within a segment give slopes, and each segment has its own intercept, so a
 *   level jump at a break (the census revision of GDP) is not growth.
 * - Intervals: Gaussian on the modelling scale in the form of the least-squares prediction
 *   interval, se_h² = σ² (1 + 1/n_last + (h − Δ)² / Sxx), with σ the residual standard
 *   deviation around the robust line (degrees of freedom n − segments − 1) and Student-t
 *   quantiles, as the `trend` model does. Under Gaussian errors the Theil–Sen slope is about 91%
 *   as efficient as least squares (Sen 1968), so this slope term is a little narrow; the
 *   residual term dominates at the horizons of a plan.
 * - params: those of `trend` (`slope`, `level`, `sigma`, `df`, `sxx`, `lastSegmentWeight`,
 *   `lastSegmentMeanOffset`, `points`) and `pairs`.
 *
 * @example
 * const fitted = fitModel(
 *   { kind: "theil-sen", form: "linear" },
 *   { years: [2018, 2019, 2020, 2021, 2022], values: [10, 12, 30, 16, 18] },
 * );
 * // The outlier of 2020 does not move the slope:
 * fitted.params.slope; // 2
 * projectModel(fitted, { toYear: 2024 }).values; // [20, 22]
 */
export const theilSenModel: ModelDefinition<TheilSenSpec, TheilSenFitted> = {
  kind: "theil-sen",
  schema: TheilSenSpecSchema,
  description: "Theil–Sen robust trend: the median of pairwise slopes (Theil 1950, Sen 1968).",
  minPoints: () => 3,
  fallback: () => ({ kind: "drift" }),
  scaleFor: (spec) =>
    spec.form === "loglinear" ? "log" : spec.form === "linear" ? "linear" : undefined,
  fit: (_spec, series) => {
    const { years, y, breaks } = series;
    const line = theilSenLine(years, y, breaks);
    const n = years.length;
    const segments = line.intercepts.length;
    const notes: string[] = [];
    if (segments > 1)
      notes.push(
        `slopes of pairs within a segment only, one intercept per segment (breaks at ${breaks.join(", ")}): level jumps at breaks are not read as growth`,
      );
    if (line.pairs === 0) notes.push("no segment has two points: slope set to 0");
    let rss = 0;
    let sxx = 0;
    const means = line.intercepts.map((_, s) => {
      const ts = years.filter((_, i) => line.segment[i] === s);
      return ts.reduce((a, b) => a + b, 0) / ts.length;
    });
    for (let i = 0; i < n; i++) {
      const s = line.segment[i] as number;
      const t = years[i] as number;
      rss += ((y[i] as number) - (line.intercepts[s] as number) - line.slope * t) ** 2;
      sxx += (t - (means[s] as number)) ** 2;
    }
    const df = n - segments - 1;
    if (df < 1) notes.push("no residual degrees of freedom: no interval");
    const lastYear = years[n - 1] as number;
    const last = segments - 1;
    const lastPoints = line.segment.filter((s) => s === last).length;
    return {
      params: {
        slope: line.slope,
        level: (line.intercepts[last] as number) + line.slope * lastYear,
        sigma: df < 1 ? null : Math.sqrt(rss / df),
        df,
        sxx: line.pairs === 0 ? null : sxx,
        lastSegmentWeight: lastPoints,
        lastSegmentMeanOffset: (means[last] as number) - lastYear,
        points: n,
        pairs: line.pairs,
      },
      notes,
    };
  },
  forecast: (fitted, _lastY, horizon) => forecastLineTrend(fitted.params, horizon),
};
