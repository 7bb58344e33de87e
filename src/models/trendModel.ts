import * as z from "zod";
import { fitLineTrend, forecastLineTrend, type LineTrendParams } from "./internal/lineTrend.js";
import type { FittedOf, ModelDefinition } from "./types.js";

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
/** A fitted `trend` model: the line's parameters (see {@link trendModel}). */
export type TrendFitted = FittedOf<"trend", LineTrendParams>;

/**
 * Straight-line trend by least squares on the modelling scale (a log-linear trend is a constant
 * growth rate), projected along the fitted line of the last segment.
 *
 * - `weighting: "escap"`: a time-weighted regression in the spirit of UN ESCAP's SDG progress
 *   assessment (the "anticipated progress index"), in which recent observations weigh more. The
 *   weights here, w = year − first year + 1 scaled to mean 1, are an **assumption**: ESCAP's
 *   weighting formula (Bidarbakht Nia 2017, "A weighted extrapolation method for measuring the
 *   SDGs progress", ESCAP Statistics Division working paper SD/WP/04) could not be read. What
 *   was checked: UNECE's SDG report 2022 technical notes say the ESCAP-developed index estimates
 *   the 2030 value by a time-weighted linear regression that gives recent data more importance,
 *   without giving the weights. One public implementation (UNICEF MENARO, R) uses instead
 *   w_i = (T − t_1)/(T − t_i) with T the year being predicted, so the weights depend on T; it
 *   cites no source. Do not quote results as ESCAP's until checked (docs/models.md, "trend").
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
export const trendModel: ModelDefinition<TrendSpec, TrendFitted> = {
  kind: "trend",
  schema: TrendSpecSchema,
  description:
    "Least-squares trend line (optionally time-weighted, ESCAP-style), t-based prediction intervals.",
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
      notes.push(
        "time-weighted (ESCAP-style): weights year − first + 1, scaled to mean 1; ESCAP's own weighting formula is not checked",
      );
    }
    const fit = fitLineTrend(years, y, breaks, weights);
    return { params: fit.params, notes: [...notes, ...fit.notes] };
  },
  forecast: (fitted, _lastY, horizon) => forecastLineTrend(fitted.params, horizon),
};
