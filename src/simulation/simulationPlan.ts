import { z } from "zod";
import { AggregationSchema, ModelScaleSchema } from "../schemas/indicator.js";
import { IdSchema } from "../schemas/place.js";
import { ComparatorSchema } from "../schemas/target.js";

/**
 * One indicator of a {@link SimulationPlan}: its modelling scale, how it aggregates over a group's
 * members, and the dynamics of its yearly shocks, shared by every place.
 *
 * - `scale`: the value is `exp(x)` (log), `lo + (hi − lo) / (1 + e^−x)` (logit on `bounds`,
 *   default `[0, 100]`) or `x` (linear), where `x` is the simulated value on the modelling scale.
 * - `aggregation`: `sum` (Σ over members), `ratio` (`scale × Σ numerator / Σ denominator` of two
 *   other indicators, both on the log scale), `weighted-mean` (`Σ w·v / Σ w` with a log-scale
 *   weight indicator) or `none` (no group value).
 * - `phi`: AR(1) persistence of the yearly shock, in (−1, 1); `rho`: the share of the shock
 *   variance common to all places, in [0, 1].
 */
export const SimulationIndicatorSchema = z.object({
  id: IdSchema,
  scale: ModelScaleSchema,
  bounds: z.tuple([z.number().finite(), z.number().finite()]).optional(),
  aggregation: AggregationSchema,
  phi: z.number().gt(-1).lt(1),
  rho: z.number().min(0).max(1),
});
export type SimulationIndicator = z.infer<typeof SimulationIndicatorSchema>;

/** A group of a {@link SimulationPlan}: an id and its member places (ids from `places`). */
export const SimulationGroupSchema = z.object({
  id: IdSchema,
  members: z.array(IdSchema).min(1),
});
export type SimulationGroup = z.infer<typeof SimulationGroupSchema>;

/** A (place or group) × indicator reference. */
export const SimulationSeriesRefSchema = z.object({ scope: IdSchema, indicator: IdSchema });
export type SimulationSeriesRef = z.infer<typeof SimulationSeriesRefSchema>;

/**
 * What a target condition measures on a path in a year `y`:
 * - `value`: the scope's indicator value in `y` (a level, a rate, a class threshold; a growth
 *   target is compiled to a level threshold `base · (1 + rate)^(y − baseYear)`);
 * - `ratio`: `scale × numerator / denominator` of two scope × indicator values in `y` (a share,
 *   `scale: 100` for a percentage); both must be on the log scale (positive);
 * - `cumulative`: the sum of the scope's indicator values over the years `from … y` (a count
 *   over a period; 0 while `y < from`).
 */
export const SimulationMeasureSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("value"), scope: IdSchema, indicator: IdSchema }),
  z.object({
    kind: z.literal("ratio"),
    numerator: SimulationSeriesRefSchema,
    denominator: SimulationSeriesRefSchema,
    scale: z.number().finite().positive(),
  }),
  z.object({
    kind: z.literal("cumulative"),
    scope: IdSchema,
    indicator: IdSchema,
    from: z.number().int(),
  }),
]);
export type SimulationMeasure = z.infer<typeof SimulationMeasureSchema>;

/**
 * One condition of a target: `measure comparator threshold`. `about` holds when
 * `|measure − threshold| ≤ tolerance · |threshold|` (tolerance a fraction, 0.02 = ±2%).
 * `threshold` is one number, or one entry per simulated year `baseYear + 1 … baseYear + years`
 * (a rank target's reference series; `null` where the condition cannot hold in that year).
 */
export const SimulationConditionSchema = z
  .object({
    measure: SimulationMeasureSchema,
    comparator: ComparatorSchema,
    tolerance: z.number().min(0).max(1).optional(),
    threshold: z.union([z.number().finite(), z.array(z.number().finite().nullable())]),
  })
  .refine((c) => c.comparator !== "about" || c.tolerance !== undefined, {
    message: "an `about` condition needs a tolerance",
    path: ["tolerance"],
  });
export type SimulationCondition = z.infer<typeof SimulationConditionSchema>;

/**
 * A target evaluated on every path: met in a year when every condition holds in that year.
 * `year` is the year it is due: its probability is that of being met in that year, and its gap
 * is measured then. `year: null` (no fixed year, e.g. a rank to reach "during the plan") means
 * met in some year of the window, with the gap measured in the window's last year. `window`
 * (default: every simulated year) is the span scanned for the first year met.
 */
export const SimulationTargetSchema = z.object({
  id: IdSchema,
  year: z.number().int().nullable(),
  window: z
    .object({ from: z.number().int(), to: z.number().int() })
    .refine((w) => w.to >= w.from, { message: "to must not be before from", path: ["to"] })
    .optional(),
  conditions: z.array(SimulationConditionSchema).min(1),
});
export type SimulationTarget = z.infer<typeof SimulationTargetSchema>;

/**
 * A projected scenario compiled to plain data for the Monte Carlo engine ({@link simulate}):
 * places P × indicators I × years t = 1 … T after `baseYear`.
 *
 * For path n, place p, indicator i, year t (all shocks independent N(0, 1)):
 *
 * ```text
 * eps = sigma[p][i] · (√rho[i] · f[i,t] + √(1 − rho[i]) · z[p,i,t])   f: common to all places
 * e_t = phi[i] · e_{t−1} + eps                                         e_0 = 0
 * x[p,i,t] = baseline[p][i][t − 1] + Σ_{s ≤ t} e_s                     value = scale⁻¹(x)
 * ```
 *
 * so with `baseline = ln level0 + mu·t` this is the random walk with drift and AR(1) shocks of
 * the benchmark's reference model. `baseline[p][i]` is the deterministic projection on the
 * modelling scale (T numbers), or `null` where the series is missing (inactive: it is not
 * simulated, and a group value or measure that needs it is an error). `sigma[p][i]` is the
 * shock standard deviation a year on the modelling scale (0 for a deterministic series).
 *
 * The plan is JSON: it can be written by the scenario runner, stored, and sent to other
 * processes that run block ranges of the same simulation.
 *
 * @example
 * const plan: SimulationPlan = {
 *   baseYear: 2020, years: 2, places: ["a"], groups: [], targets: [],
 *   indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 }],
 *   baseline: [[[Math.log(105), Math.log(110.25)]]], sigma: [[0.02]],
 * };
 * SimulationPlanSchema.parse(plan).years; // 2
 */
export const SimulationPlanSchema = z.object({
  baseYear: z.number().int(),
  /** Number of simulated years T (years baseYear + 1 … baseYear + T). */
  years: z.number().int().min(1).max(500),
  places: z.array(IdSchema).min(1),
  indicators: z.array(SimulationIndicatorSchema).min(1),
  groups: z.array(SimulationGroupSchema),
  /** [place][indicator] → T values on the modelling scale, or null (inactive series). */
  baseline: z.array(z.array(z.array(z.number().finite()).nullable())),
  /** [place][indicator] → shock standard deviation a year on the modelling scale. */
  sigma: z.array(z.array(z.number().finite().min(0))),
  /**
   * [place][indicator] → the first year t (1 … T) in which the series receives shocks; before it
   * the series follows its baseline exactly (years already observed). Default 1 everywhere.
   */
  start: z.array(z.array(z.number().int().min(1))).optional(),
  targets: z.array(SimulationTargetSchema),
});
export type SimulationPlan = z.infer<typeof SimulationPlanSchema>;
