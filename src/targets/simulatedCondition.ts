import * as z from "zod";
import { IdSchema } from "../schemas/place.js";
import { ComparatorSchema } from "../schemas/target.js";

// The vocabulary of a target's condition on a simulated path: what each target kind's
// definition builds (see TargetDefinition.simulate) and the simulation plan carries.

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
 * `threshold` is one number, or one entry per simulated year of the plan (`baseYear + 1 … baseYear + years`)
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
