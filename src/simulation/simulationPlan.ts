import * as z from "zod";
import { AggregationSchema, FormulaTextSchema, ModelScaleSchema } from "../schemas/indicator.js";
import { IdSchema } from "../schemas/place.js";
import { SimulationTargetSchema } from "../targets/simulatedCondition.js";

/**
 * One indicator of a {@link SimulationPlan}: its modelling scale, how it aggregates over a group's
 * members, and the dynamics of its yearly shocks, shared by every place.
 *
 * - `scale`: the value is `exp(x)` (log), `lo + (hi − lo) / (1 + e^−x)` (logit on `bounds`,
 *   default `[0, 100]`) or `x` (linear), where `x` is the simulated value on the modelling scale.
 * - `aggregation`: `sum` (Σ over members), `ratio` (`scale × Σ numerator / Σ denominator` of two
 *   other indicators, both on the log scale), `weighted-mean` (`Σ w·v / Σ w` with a log-scale
 *   weight indicator), `none` (no group value) or `formula` (a derived indicator).
 * - `formula`: for a derived indicator (with `aggregation: { rule: "formula" }`), its formula of
 *   other indicators of the plan: its value for a place (or a group) on a path is the formula of
 *   the place's (the group's) simulated values of them. It has no series of its own (its
 *   baselines are null).
 * - `phi`: AR(1) persistence of the yearly shock, in (−1, 1); `rho`: the share of the shock
 *   variance common to all places, in [0, 1].
 */
export const SimulationIndicatorSchema = z.object({
  id: IdSchema,
  scale: ModelScaleSchema,
  bounds: z.tuple([z.number().finite(), z.number().finite()]).optional(),
  aggregation: AggregationSchema,
  formula: FormulaTextSchema.optional(),
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

/**
 * A projected scenario compiled to plain data for the Monte Carlo engine ({@link simulate}):
 * places P × indicators I × years t = 1 … T after `baseYear`.
 *
 * For path n, place p, indicator i, year t (all shocks independent N(0, 1)):
 *
 * ```text
 * eps = sigma[p][i] · (√rho[i] · f[i,t] + √(1 − rho[i]) · z[p,i,t])   f: common to all places
 * e_t = phi[i] · e_{t−1} + eps                                         e_0 = 0
 * x[p,i,t] = baseline[p][i][t − 1] + k[p,i,t] · Σ_{s ≤ t} e_s            value = scale⁻¹(x)
 * ```
 *
 * so with `baseline = ln level0 + mu·t` this is the random walk with drift and AR(1) shocks of
 * the benchmark's reference model. `baseline[p][i]` is the deterministic projection on the
 * modelling scale (T numbers), or `null` where the series is missing (inactive: it is not
 * simulated, and a group value or measure that needs it is an error). `sigma[p][i]` is the
 * shock standard deviation a year on the modelling scale (0 for a deterministic series);
 * `k[p,i,t]` its calibration factor at horizon t − start + 1 (`spread`, default 1).
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
  /**
   * [place][indicator] → the calibration of the series' spread by horizon: on a path the value's
   * cumulated shock `Σ_{s ≤ t} e_s` is multiplied by the h-th factor in the h-th year from the
   * series' `start` (h = t − start + 1; the last factor for later years), so that its spread at
   * each horizon is the calibrated one (see `INTERVAL_CALIBRATION`). An empty list (the default
   * everywhere) leaves the shocks as they are.
   */
  spread: z.array(z.array(z.array(z.number().finite().positive()))).optional(),
  targets: z.array(SimulationTargetSchema),
});
export type SimulationPlan = z.infer<typeof SimulationPlanSchema>;
