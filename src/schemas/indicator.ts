import { z } from "zod";
import { checkObject } from "../internal/checkArgs.js";
import { MAX_FORMULA_LENGTH } from "../internal/compileFormula.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentTypeError } from "../internal/errors.js";
import { IdSchema } from "./place.js";

/**
 * The formula of a derived indicator: text in mathjs's expression syntax restricted to numbers,
 * indicator ids, `+ - * / ^`, parentheses and `min`, `max`, `abs`, `log`, `exp`, `sqrt`
 * (docs/formulas.md). The schema checks the shape (a string of 1 to 500 characters); the pack
 * validator parses it and checks its indicator ids (`validatePack`).
 */
export const FormulaTextSchema = z.string().min(1).max(MAX_FORMULA_LENGTH);

/**
 * How an indicator aggregates from places to a group.
 * - `sum`: levels and counts add up (GDP, population).
 * - `ratio`: recomputed from two summed indicators, `scale × Σ numerator / Σ denominator`
 *   (urbanization % = 100 × urban population / population). Never an average of rates.
 * - `weighted-mean`: Σ w·x / Σ w with another indicator as weight.
 * - `none`: not aggregated; a group value comes only from the group's own observations.
 * - `formula`: the indicator is derived by its `formula` (see {@link IndicatorSchema}), and a
 *   group's value is the formula evaluated on the group's values of its symbols, each aggregated
 *   by its own rule (a ratio of sums, never a sum of ratios).
 */
export const AggregationSchema = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("sum") }),
  z.object({
    rule: z.literal("ratio"),
    numerator: IdSchema,
    denominator: IdSchema,
    scale: z.number().positive().default(100),
  }),
  z.object({ rule: z.literal("weighted-mean"), weight: IdSchema }),
  z.object({ rule: z.literal("none") }),
  z.object({ rule: z.literal("formula") }),
]);
export type Aggregation = z.infer<typeof AggregationSchema>;

/** The scale an indicator is modelled on: log for levels, logit for bounded rates, linear otherwise. */
export const ModelScaleSchema = z.enum(["log", "logit", "linear"]);
export type ModelScale = z.infer<typeof ModelScaleSchema>;

/** What is measured: unit, kind, aggregation rule and modelling scale. */
export const IndicatorSchema = z.object({
  id: IdSchema,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  /** Unit every observation of this indicator is in, e.g. `"100M yuan"`, `"%"`, `"10k persons"`. */
  unit: z.string().min(1),
  /** `level` (GDP), `rate` (a percentage in (0, 100)), `count` (things counted per year). */
  kind: z.enum(["level", "rate", "count"]),
  aggregation: AggregationSchema,
  scale: ModelScaleSchema,
  /**
   * Makes the indicator derived: its value for a place or group in a year is this formula of
   * other indicators' values there (`"gdp / population_resident * 10000"`); it is not projected
   * by a model of its own, and it aggregates by `{ rule: "formula" }`. See docs/formulas.md.
   */
  formula: FormulaTextSchema.optional(),
  /** Admissible range of a value; rates default to [0, 100], levels and counts to [0, ∞). */
  bounds: z.tuple([z.number(), z.number()]).optional(),
  aliases: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * The admissible range of an indicator's values: its `bounds`, else [0, 100] for a rate and
 * [0, ∞) otherwise. Only the shape is checked (it is called for every value read).
 *
 * @throws {ArgumentTypeError} (a `TypeError`) `indicatorBounds: indicator must be an indicator
 *   (got nothing)`; `indicatorBounds: indicator.bounds must be a pair [lower, upper] of numbers
 *   (got the string "0-100")`.
 * @example
 * indicatorBounds({ id: "urban", nameZh: "城镇化率", nameEn: "Urbanisation", unit: "%", kind: "rate", aggregation: { rule: "none" }, scale: "logit" }); // [0, 100]
 */
export function indicatorBounds(indicator: Indicator): readonly [number, number] {
  const i = checkObject("indicatorBounds", "indicator", indicator, "an indicator");
  const b = i.bounds;
  if (b !== undefined) {
    if (!Array.isArray(b) || b.length !== 2 || typeof b[0] !== "number" || typeof b[1] !== "number")
      throw new ArgumentTypeError(
        `indicatorBounds: indicator.bounds must be a pair [lower, upper] of numbers (got ${describeValue(b)})`,
        { code: "invalid-type", path: "indicator.bounds" },
      );
    return indicator.bounds as readonly [number, number];
  }
  return indicator.kind === "rate" ? [0, 100] : [0, Number.POSITIVE_INFINITY];
}
