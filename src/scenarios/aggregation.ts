import { compileFormula } from "../internal/compileFormula.js";
import { formulaKeepsPositive, formulaRatio } from "../internal/formulaAnalysis.js";
import { evaluateFormula, type FormulaProgram } from "../internal/formulaProgram.js";
import { fsum } from "../internal/fsum.js";
import type { Aggregation, Indicator } from "../schemas/indicator.js";

/** The fields of an indicator its aggregation reads (a derived indicator's formula too). */
export type AggregatedIndicator = Pick<Indicator, "id" | "aggregation" | "formula">;

/** Looks up another indicator of the dataset by id (a formula's symbols, a ratio's parts). */
export type IndicatorLookup = (id: string) => AggregatedIndicator | undefined;

/**
 * What an aggregation rule means, declared once: the projection aggregates groups with it, the
 * simulation planner asks which series a group needs on every path, and the disparity measures
 * ask how places are weighted. Adding a rule means one entry in {@link AGGREGATION_RULES}.
 */
export interface AggregationDefinition<R extends Aggregation = Aggregation> {
  /** How messages name what a group's value is made of, before the list of parts ("a ratio of"). */
  readonly phrase: string;
  /**
   * Where a group's value reads its parts: `members`, each member's value of each part (a sum, a
   * ratio of sums, a weighted mean); `group`, the group's own value of each part, itself
   * aggregated by that part's rule (a formula: the formula of the group's aggregates).
   */
  readonly from: "members" | "group";
  /**
   * The indicators a group's value is computed from, in the order {@link combine} takes them:
   * `[indicator]` for a sum, `[numerator, denominator]` for a ratio, `[indicator, weight]` for a
   * weighted mean, the formula's symbols for a formula; empty for `none` (a group has only its
   * own observations) and for a formula that does not compile.
   */
  readonly parts: (indicator: AggregatedIndicator, rule: R) => readonly string[];
  /**
   * The parts the Monte Carlo engine can recompute the group from only when they are positive
   * (on the log scale): the two sides of a ratio, the weight of a weighted mean.
   */
  readonly positiveParts: (indicator: AggregatedIndicator, rule: R) => readonly string[];
  /**
   * Whether the group's value is positive whenever its parts are (a ratio of two positive sums; a
   * formula that keeps positive values positive, see `formulaKeepsPositive`), so that the engine
   * can divide by it whatever the indicator's own scale.
   */
  readonly positiveFromParts: (indicator: AggregatedIndicator, rule: R) => boolean;
  /**
   * The group's value in one year from the values of each part (`values[k][m]` is source `m`'s
   * value of part `k`: member `m`'s for rules `from` members, the one value of the group (or of a
   * place) for a formula), or `undefined` where it has none (a zero denominator or weight, a
   * formula whose value is not a finite number). Sums are compensated (`fsum`).
   */
  readonly combine: (
    values: readonly (readonly number[])[],
    indicator: AggregatedIndicator,
    rule: R,
  ) => number | undefined;
  /**
   * The part that weights a place when places are compared with each other (regional
   * disparity), or `undefined` when the rule defines no such weight (sums: places are not
   * compared on levels). `indicatorOf` finds the other indicators, which a formula's weight
   * depends on.
   */
  readonly comparisonWeight: (
    indicator: AggregatedIndicator,
    rule: R,
    indicatorOf: IndicatorLookup,
  ) => string | undefined;
}

type Rules = {
  readonly [K in Aggregation["rule"]]: AggregationDefinition<Extract<Aggregation, { rule: K }>>;
};

/** The compiled program of a derived indicator, or undefined when it has none that compiles. */
function programOf(indicator: AggregatedIndicator): FormulaProgram | undefined {
  if (indicator.formula === undefined) return undefined;
  const compiled = compileFormula(indicator.formula);
  return compiled.ok ? compiled.program : undefined;
}

/** One definition per aggregation rule (see `AggregationSchema` for what each rule means). */
export const AGGREGATION_RULES: Rules = {
  sum: {
    phrase: "a sum of",
    from: "members",
    parts: (indicator) => [indicator.id],
    positiveParts: () => [],
    positiveFromParts: () => false,
    combine: ([xs]) => fsum(xs ?? []),
    comparisonWeight: () => undefined,
  },
  ratio: {
    phrase: "a ratio of",
    from: "members",
    parts: (_, rule) => [rule.numerator, rule.denominator],
    positiveParts: (_, rule) => [rule.numerator, rule.denominator],
    positiveFromParts: () => true,
    combine: ([num, den], _, rule) => {
      const d = fsum(den ?? []);
      return d === 0 ? undefined : (rule.scale * fsum(num ?? [])) / d;
    },
    comparisonWeight: (_, rule) => rule.denominator,
  },
  "weighted-mean": {
    phrase: "a mean weighted by",
    from: "members",
    parts: (indicator, rule) => [indicator.id, rule.weight],
    positiveParts: (_, rule) => [rule.weight],
    positiveFromParts: () => false,
    combine: ([xs, ws]) => {
      const weights = ws ?? [];
      const total = fsum(weights);
      if (total === 0) return undefined;
      return fsum((xs ?? []).map((x, k) => x * (weights[k] as number))) / total;
    },
    comparisonWeight: (_, rule) => rule.weight,
  },
  none: {
    phrase: "not aggregated from",
    from: "members",
    parts: () => [],
    positiveParts: () => [],
    positiveFromParts: () => false,
    combine: () => undefined,
    comparisonWeight: () => undefined,
  },
  formula: {
    phrase: "a formula of",
    from: "group",
    parts: (indicator) => programOf(indicator)?.symbols ?? [],
    positiveParts: () => [],
    positiveFromParts: (indicator) => {
      const program = programOf(indicator);
      return program !== undefined && formulaKeepsPositive(program);
    },
    combine: (values, indicator) => {
      const program = programOf(indicator);
      if (program === undefined || values.some((v) => v.length !== 1)) return undefined;
      const value = evaluateFormula(
        program,
        values.map((v) => v[0] as number),
      );
      return Number.isFinite(value) ? value : undefined;
    },
    // `k · a / b` with a and b summed over places: the mean of the places' values weighted by b,
    // Σ b·(k·a/b) / Σ b = k·Σa / Σb, is the group's value, as for a ratio rule.
    comparisonWeight: (indicator, _, indicatorOf) => {
      const program = programOf(indicator);
      const ratio = program === undefined ? undefined : formulaRatio(program);
      if (ratio === undefined) return undefined;
      const summed = (id: string) => indicatorOf(id)?.aggregation.rule === "sum";
      return summed(ratio.numerator) && summed(ratio.denominator) ? ratio.denominator : undefined;
    },
  },
};

/** An indicator's aggregation rule with its definition, bound to the indicator. */
export interface BoundAggregation {
  readonly rule: Aggregation["rule"];
  /** See {@link AggregationDefinition.phrase}. */
  readonly phrase: string;
  /** See {@link AggregationDefinition.from}. */
  readonly from: "members" | "group";
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

/**
 * The aggregation of `indicator`, looked up in {@link AGGREGATION_RULES} once. `indicatorOf`
 * finds the dataset's other indicators (a formula's weight for comparisons depends on how its
 * parts aggregate); without it a formula defines no comparison weight.
 */
export function aggregationOf(
  indicator: AggregatedIndicator,
  indicatorOf: IndicatorLookup = () => undefined,
): BoundAggregation {
  const rule = indicator.aggregation;
  // The table is keyed by the rule, so the entry matches the rule's own type.
  const def = AGGREGATION_RULES[rule.rule] as AggregationDefinition;
  return {
    rule: rule.rule,
    phrase: def.phrase,
    from: def.from,
    parts: def.parts(indicator, rule),
    positiveParts: def.positiveParts(indicator, rule),
    positiveFromParts: def.positiveFromParts(indicator, rule),
    combine: (values) => def.combine(values, indicator, rule),
    comparisonWeight: def.comparisonWeight(indicator, rule, indicatorOf),
  };
}
