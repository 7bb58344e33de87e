import { fsum } from "../internal/fsum.js";
import type { Aggregation, Indicator } from "../schemas/indicator.js";

/**
 * What an aggregation rule means, declared once: the projection aggregates groups with it, the
 * simulation planner asks which series a group needs on every path, and the disparity measures
 * ask how places are weighted. Adding a rule means one entry in {@link AGGREGATION_RULES}.
 */
export interface AggregationDefinition<R extends Aggregation = Aggregation> {
  /** How messages name what a group's value is made of, before the list of parts ("a ratio of"). */
  readonly phrase: string;
  /**
   * The indicators a group's value is computed from, in the order {@link combine} takes them:
   * `[indicator]` for a sum, `[numerator, denominator]` for a ratio, `[indicator, weight]` for a
   * weighted mean; empty for `none` (a group has only its own observations).
   */
  readonly parts: (indicatorId: string, rule: R) => readonly string[];
  /**
   * The parts the Monte Carlo engine can recompute the group from only when they are positive
   * (on the log scale): the two sides of a ratio, the weight of a weighted mean.
   */
  readonly positiveParts: (rule: R) => readonly string[];
  /**
   * Whether the group's value is positive whenever its positive parts are (a ratio of two
   * positive sums), so that the engine can divide by it whatever the indicator's own scale.
   */
  readonly positiveFromParts: boolean;
  /**
   * The group's value in one year from its members' values of each part (`values[k][m]` is member
   * `m`'s value of part `k`), or `undefined` where it has none (a zero denominator or weight).
   * Sums are compensated (`fsum`).
   */
  readonly combine: (values: readonly (readonly number[])[], rule: R) => number | undefined;
  /**
   * The part that weights a place when places are compared with each other (regional
   * disparity), or `undefined` when the rule defines no such weight (sums: places are not
   * compared on levels).
   */
  readonly comparisonWeight: (rule: R) => string | undefined;
}

type Rules = {
  readonly [K in Aggregation["rule"]]: AggregationDefinition<Extract<Aggregation, { rule: K }>>;
};

/** One definition per aggregation rule (see `AggregationSchema` for what each rule means). */
export const AGGREGATION_RULES: Rules = {
  sum: {
    phrase: "a sum of",
    parts: (indicatorId) => [indicatorId],
    positiveParts: () => [],
    positiveFromParts: false,
    combine: ([xs]) => fsum(xs ?? []),
    comparisonWeight: () => undefined,
  },
  ratio: {
    phrase: "a ratio of",
    parts: (_, rule) => [rule.numerator, rule.denominator],
    positiveParts: (rule) => [rule.numerator, rule.denominator],
    positiveFromParts: true,
    combine: ([num, den], rule) => {
      const d = fsum(den ?? []);
      return d === 0 ? undefined : (rule.scale * fsum(num ?? [])) / d;
    },
    comparisonWeight: (rule) => rule.denominator,
  },
  "weighted-mean": {
    phrase: "a mean weighted by",
    parts: (indicatorId, rule) => [indicatorId, rule.weight],
    positiveParts: (rule) => [rule.weight],
    positiveFromParts: false,
    combine: ([xs, ws]) => {
      const weights = ws ?? [];
      const total = fsum(weights);
      if (total === 0) return undefined;
      return fsum((xs ?? []).map((x, k) => x * (weights[k] as number))) / total;
    },
    comparisonWeight: (rule) => rule.weight,
  },
  none: {
    phrase: "not aggregated from",
    parts: () => [],
    positiveParts: () => [],
    positiveFromParts: false,
    combine: () => undefined,
    comparisonWeight: () => undefined,
  },
};

/** An indicator's aggregation rule with its definition, bound to the indicator. */
export interface BoundAggregation {
  readonly rule: Aggregation["rule"];
  /** See {@link AggregationDefinition.phrase}. */
  readonly phrase: string;
  /** See {@link AggregationDefinition.parts}. */
  readonly parts: readonly string[];
  /** See {@link AggregationDefinition.positiveParts}. */
  readonly positiveParts: readonly string[];
  /** See {@link AggregationDefinition.positiveFromParts}. */
  readonly positiveFromParts: boolean;
  /** See {@link AggregationDefinition.combine}. */
  combine(values: readonly (readonly number[])[]): number | undefined;
  /** See {@link AggregationDefinition.comparisonWeight}. */
  readonly comparisonWeight: string | undefined;
}

/** The aggregation of `indicator`, looked up in {@link AGGREGATION_RULES} once. */
export function aggregationOf(indicator: Pick<Indicator, "id" | "aggregation">): BoundAggregation {
  const rule = indicator.aggregation;
  // The table is keyed by the rule, so the entry matches the rule's own type.
  const def = AGGREGATION_RULES[rule.rule] as AggregationDefinition;
  return {
    rule: rule.rule,
    phrase: def.phrase,
    parts: def.parts(indicator.id, rule),
    positiveParts: def.positiveParts(rule),
    positiveFromParts: def.positiveFromParts,
    combine: (values) => def.combine(values, rule),
    comparisonWeight: def.comparisonWeight(rule),
  };
}
