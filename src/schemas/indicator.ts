import * as z from "zod";
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

/**
 * The price index of an indicator of money at current prices: `index` names the indicator of
 * its volume index with the previous year = 100 (GDP's 地区生产总值指数, 上年 = 100), from
 * which the library derives the indicator's series at constant prices and its implicit
 * deflator (see `derivePriceSeries`); `referenceYear`, when given, is the year whose prices the
 * constant-price series is in (default: the plan's base year).
 */
export const PricesSchema = z.object({
  index: IdSchema,
  referenceYear: z.number().int().min(1900).max(2200).optional(),
});
export type Prices = z.infer<typeof PricesSchema>;

/**
 * What a series the library derives from an indicator with `prices` is (see
 * `derivePriceSeries`): `real`, the indicator `of` at constant prices of `referenceYear`
 * chained with `index`; `deflator`, its implicit deflator, 100 × nominal / real (100 in the
 * reference year). Set by the library on the indicators it adds; a pack never declares it.
 */
export const PriceCompanionSchema = z.object({
  of: IdSchema,
  role: z.enum(["real", "deflator"]),
  index: IdSchema,
  referenceYear: z.number().int(),
});
export type PriceCompanion = z.infer<typeof PriceCompanionSchema>;

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
  /**
   * For comparisons between places (regional disparity, the per-capita column of the place
   * table): before the year `before`, places are compared on `indicator`, the same measure on an
   * earlier basis (an indicator whose aggregation weights places: a ratio or a weighted mean).
   * E.g. GDP per capita per resident from the 2020 census on, and before it per
   * household-registered person (`gdp / population_hukou`) where county resident population is
   * not published. The first year on this indicator's own basis is marked as a break, with
   * `reason`. Optional; without it places are compared on the indicator in every year.
   */
  earlierBasis: z
    .object({ indicator: IdSchema, before: z.number().int(), reason: z.string().min(1) })
    .optional(),
  /**
   * Show the indicator in the report's place table (各县（市、区）): one row per place and group
   * with the latest observation, the projection with its interval, the growth a year it
   * implies, the share of the whole (the group of every place), and the per-capita value of the
   * ratio indicator that has it as numerator. The assessment then projects it for every place
   * and group that has data, whether or not a target reads it. Default false.
   */
  placeTable: z.boolean().optional(),
  /** For money at current prices: its price index (see {@link PricesSchema}). */
  prices: PricesSchema.optional(),
  /** Set on a series the library derives from another's `prices` (see {@link PriceCompanionSchema}). */
  priceCompanion: PriceCompanionSchema.optional(),
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
