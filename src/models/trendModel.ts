import { z } from "zod";
import { fitLineTrend, forecastLineTrend } from "../internal/lineTrend.js";
import type { ModelDefinition } from "./types.js";

/**
 * Spec of a least-squares trend line: `{ kind: "trend", form?, window?, weighting? }`.
 * - `form`: `"loglinear"` fits on the log scale (constant growth rate), `"linear"` on the linear
 *   scale (constant absolute change); omitted = the indicator's modelling scale.
 * - `window`: use only the last `window` points (at least 3); omitted = all points.
 * - `weighting`: `"equal"` (ordinary least squares, default) or `"escap"` (time-weighted, see
 *   {@link trendModel}).
 */
export const TrendSpecSchema = z.object({
  kind: z.literal("trend"),
  form: z.enum(["linear", "loglinear"]).optional(),
  window: z.number().int().min(3).optional(),
  weighting: z.enum(["equal", "escap"]).optional(),
});
/** A spec of the `trend` model, as {@link TrendSpecSchema} validates it. */
export type TrendSpec = z.infer<typeof TrendSpecSchema>;

/**
 * Straight-line trend by least squares on the modelling scale (a log-linear trend is a constant
 * growth rate), projected along the fitted line of the last segment.
 *
 * - `weighting: "escap"`: the time-weighted regression of UN ESCAP's SDG progress assessment
 *   (Asia and the Pacific SDG Progress Report, technical notes; ESCAP Statistics Division working
 *   paper SD/WP/04, "Weighted extrapolation method in measuring SDGs", 2017), in which recent
 *   observations weigh more. The weights here rise linearly with time, w = year − first year + 1,
 *   scaled to mean 1 (the exact formula of the technical note could not be checked; see
 *   docs/models.md).
 * - minPoints 3 (a line and one residual degree of freedom for an interval); fallback `drift`.
 * - Intervals: prediction intervals from the regression's standard errors with Student-t
 *   quantiles, as R's `predict.lm`; with weights, for a new observation of weight 1 (the mean
 *   weight).
 * - Breaks: one intercept per segment and a common slope, so a level jump at a break (e.g. the
 *   census revision of GDP) is not growth; the projection follows the last segment's line.
 * - params: `slope`, `level` (the line at the last observed year), `sigma`, `df`, `sxx`,
 *   `lastSegmentWeight`, `lastSegmentMeanOffset`, `points`.
 *
 * @example
 * const fitted = fitModel(
 *   { kind: "trend", form: "linear" },
 *   { years: [2018, 2019, 2020, 2021], values: [10, 12, 14, 16] },
 * );
 * projectModel(fitted, { toYear: 2023 }).values; // [18, 20]
 */
export const trendModel: ModelDefinition<TrendSpec> = {
  kind: "trend",
  schema: TrendSpecSchema,
  description:
    "Least-squares trend line (optionally ESCAP time-weighted), t-based prediction intervals.",
  minPoints: () => 3,
  fallback: () => ({ kind: "drift" }),
  scaleFor: (spec) =>
    spec.form === "loglinear" ? "log" : spec.form === "linear" ? "linear" : undefined,
  fit: (spec, series) => {
    const n = series.years.length;
    const start = spec.window === undefined ? 0 : Math.max(0, n - spec.window);
    const years = series.years.slice(start);
    const y = series.y.slice(start);
    const first = years[0] as number;
    const breaks = series.breaks.filter((b) => b > first);
    const notes: string[] = [];
    if (start > 0)
      notes.push(
        `fitted on the last ${years.length} of ${n} points (${first}–${years[years.length - 1]})`,
      );
    let weights: number[] | undefined;
    if (spec.weighting === "escap") {
      const raw = years.map((year) => year - first + 1);
      const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
      weights = raw.map((w) => w / mean);
      notes.push("time-weighted (ESCAP): weights rise linearly with the year, scaled to mean 1");
    }
    const fit = fitLineTrend(years, y, breaks, weights);
    return { params: fit.params, notes: [...notes, ...fit.notes] };
  },
  forecast: (fitted, _lastY, horizon) => forecastLineTrend(fitted.params, horizon),
};
