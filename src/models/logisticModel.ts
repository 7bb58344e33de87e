import * as z from "zod";
import { fitLineTrend, forecastLineTrend, type LineTrendParams } from "./internal/lineTrend.js";
import type { FittedOf, ModelDefinition } from "./types.js";

/** Spec of the logistic trend for a bounded rate: `{ kind: "logistic" }`. */
export const LogisticSpecSchema = z.object({ kind: z.literal("logistic") });
/** A spec of the `logistic` model, as {@link LogisticSpecSchema} validates it. */
export type LogisticSpec = z.infer<typeof LogisticSpecSchema>;
/** A fitted `logistic` model: the parameters of its line on the logit scale. */
export type LogisticFitted = FittedOf<"logistic", LineTrendParams>;

/**
 * Logistic trend for a rate bounded in (lo, hi), e.g. an urbanization percentage in (0, 100): a
 * least-squares straight line on the logit scale ln((x − lo)/(hi − x)), so the projection is a
 * logistic curve that never leaves the bounds. Always fitted on the logit scale with the
 * indicator's bounds (default [0, 100]).
 *
 * - minPoints 2 (two points define the line); intervals need 3 (one residual degree of
 *   freedom); fallback `naive`.
 * - Intervals: Student-t prediction intervals of the regression on the logit scale, mapped back,
 *   so they stay inside the bounds too.
 * - Breaks: one intercept per segment, common slope (as `trend`).
 * - params: as `trend` (`slope` is the yearly change of the logit).
 *
 * @example
 * const fitted = fitModel({ kind: "logistic" }, { years: [2020, 2021], values: [50, 60] });
 * projectModel(fitted, { toYear: 2022 }).values.map((v) => Math.round(v * 100) / 100); // [69.23]
 */
export const logisticModel: ModelDefinition<LogisticSpec, LogisticFitted> = {
  kind: "logistic",
  schema: LogisticSpecSchema,
  description: "Straight line on the logit scale: a logistic path that stays inside the bounds.",
  fixedScale: "logit",
  minPoints: () => 2,
  fallback: () => ({ kind: "naive" }),
  fit: (_spec, series) => fitLineTrend(series.years, series.y, series.breaks),
  forecast: (fitted, _lastY, horizon) => forecastLineTrend(fitted.params, horizon),
};
