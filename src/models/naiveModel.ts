import * as z from "zod";
import { withinSegmentSteps } from "./internal/withinSegmentSteps.js";
import type { FittedOf, ModelDefinition } from "./types.js";

/** Spec of the naive forecast: `{ kind: "naive" }`. */
export const NaiveSpecSchema = z.object({ kind: z.literal("naive") });
/** A spec of the `naive` model, as {@link NaiveSpecSchema} validates it. */
export type NaiveSpec = z.infer<typeof NaiveSpecSchema>;
/** Parameters of a fitted `naive` model (see {@link naiveModel}). */
export type NaiveParams = {
  /** Standard deviation of a one-year change; null without a within-segment change. */
  readonly sigma: number | null;
  /** Number of within-segment changes used. */
  readonly steps: number;
};
/** A fitted `naive` model. */
export type NaiveFitted = FittedOf<"naive", NaiveParams>;

/**
 * Naive forecast: every future value equals the last observation (a random walk without drift).
 * Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed. (FPP3), §5.2.
 *
 * - minPoints 1 (the origin); intervals need two points in one segment.
 * - Intervals: random-walk standard errors se_h = σ·√h, σ² = mean of the squared one-step
 *   changes (R's `forecast::naive`); with a gap of k years a change counts as k steps of variance
 *   (σ² = mean of Δy²/k). Gaussian on the modelling scale.
 * - Breaks: the change across a break is a change of basis and is left out of σ.
 * - params: `sigma` (null without a within-segment change), `steps` (changes used).
 *
 * @example
 * const fitted = fitModel({ kind: "naive" }, { years: [2019, 2020, 2021], values: [100, 110, 121] });
 * projectModel(fitted, { toYear: 2023 }).values.map(Math.round); // [121, 121]
 */
export const naiveModel: ModelDefinition<NaiveSpec, NaiveFitted> = {
  kind: "naive",
  schema: NaiveSpecSchema,
  description: "Last value carried forward; random-walk intervals (FPP3 §5.2).",
  minPoints: () => 1,
  fallback: () => undefined,
  fit: (_spec, series) => {
    const steps = withinSegmentSteps(series.years, series.y, series.breaks);
    const notes: string[] = [];
    if (series.breaks.length > 0)
      notes.push(`changes across the break at ${series.breaks.join(", ")} left out of σ`);
    if (steps.length === 0) {
      notes.push("no two consecutive points in one segment: no interval");
      return { params: { sigma: null, steps: 0 }, notes };
    }
    const variance = steps.reduce((sum, s) => sum + (s.dy * s.dy) / s.dt, 0) / steps.length;
    return { params: { sigma: Math.sqrt(variance), steps: steps.length }, notes };
  },
  forecast: (fitted, lastY, horizon) => {
    const sigma = fitted.params.sigma;
    const mean = Array.from({ length: horizon }, () => lastY);
    if (sigma === null) return { mean };
    return { mean, se: mean.map((_, h) => sigma * Math.sqrt(h + 1)) };
  },
};
