import { aggregationOf } from "../../scenarios/aggregation.js";
import type { Aggregation, ModelScale } from "../../schemas/indicator.js";
import { failPlan } from "./failPlan.js";
import type { HistogramScale } from "./quantileHistogram.js";
import {
  formulaSource,
  groupSum,
  placeAvailable,
  ratioSource,
  type ValueGraph,
  type ValueSource,
  weightedMeanSource,
} from "./valueGraph.js";

/** How the kernel computes a group's value of an indicator that aggregates by one rule. */
export interface KernelAggregationRule<R extends Aggregation = Aggregation> {
  /**
   * Adds the kernel ops of group g × indicator i to the graph and returns its value, or
   * `undefined` when the rule gives a group no value (`none`).
   */
  readonly groupValue:
    | ((graph: ValueGraph, g: number, i: number, rule: R, what: string) => ValueSource)
    | undefined;
  /**
   * The scale a group's fan chart is counted on, given the indicator's modelling scale, when it
   * is not the first one the value's bounds allow (log, then logit, then linear).
   */
  readonly fanScale: (scale: ModelScale) => HistogramScale | undefined;
  /**
   * Whether group g × indicator i has a value on every path (see {@link canAggregate}), given
   * that the rule gives groups a value.
   */
  readonly available: (graph: ValueGraph, g: number, i: number) => boolean;
}

type Rules = {
  readonly [K in Aggregation["rule"]]: KernelAggregationRule<Extract<Aggregation, { rule: K }>>;
};

/** The kernel's aggregation of each rule (the projection's is `AGGREGATION_RULES`). */
export const KERNEL_AGGREGATION: Rules = {
  sum: {
    groupValue: (graph, g, i, _, what) => groupSum(graph, g, i, what),
    // A sum of logit-scale or linear values can leave the logit range or be negative.
    fanScale: (scale) => (scale !== "log" ? "linear" : undefined),
    available: membersHaveParts,
  },
  ratio: {
    groupValue: (graph, g, i, rule, what) => {
      const ni = graph.index.indicator.get(rule.numerator);
      const di = graph.index.indicator.get(rule.denominator);
      if (ni === undefined || di === undefined)
        return failPlan(
          `indicator "${graph.index.plan.indicators[i]!.id}" aggregates as a ratio of unknown indicators "${rule.numerator}" / "${rule.denominator}"`,
        );
      return ratioSource(
        graph,
        groupSum(graph, g, ni, what),
        groupSum(graph, g, di, what),
        rule.scale,
        `ratio:${g}:${i}`,
        what,
      );
    },
    fanScale: () => undefined,
    available: membersHaveParts,
  },
  "weighted-mean": {
    groupValue: (graph, g, i, rule, what) => {
      const wi = graph.index.indicator.get(rule.weight);
      if (wi === undefined)
        return failPlan(
          `indicator "${graph.index.plan.indicators[i]!.id}" is weighted by an unknown indicator "${rule.weight}"`,
        );
      return weightedMeanSource(graph, g, i, wi, what);
    },
    // A mean stays within its members' range: count it on their scale.
    fanScale: (scale) => scale,
    available: membersHaveParts,
  },
  none: {
    groupValue: undefined,
    fanScale: () => undefined,
    available: () => false,
  },
  formula: {
    // The formula of the group's values of its symbols, each aggregated by its own rule.
    groupValue: (graph, g, i, _, what) => {
      const formula = graph.index.formulas[i]!;
      return formulaSource(
        graph,
        formula.program,
        formula.inputs.map((k) => groupSource(graph, g, k, what)),
        `formula:group:${g}:${i}`,
      );
    },
    fanScale: () => undefined,
    available: (graph, g, i) =>
      graph.index.formulas[i]!.inputs.every((k) => canAggregate(graph, g, k)),
  },
};

/** The kernel's aggregation rule of indicator i. */
function ruleOf(graph: ValueGraph, i: number): Rules[Aggregation["rule"]] {
  return KERNEL_AGGREGATION[graph.index.plan.indicators[i]!.aggregation.rule];
}

/** The group value of a rule, if it has one (`rule` is the aggregation's rule). */
function groupValueOf<K extends Aggregation["rule"]>(
  rule: K,
  aggregation: Extract<Aggregation, { rule: K }>,
): ((graph: ValueGraph, g: number, i: number, what: string) => ValueSource) | undefined {
  const build = KERNEL_AGGREGATION[rule].groupValue;
  if (build === undefined) return undefined;
  return (graph, g, i, what) => build(graph, g, i, aggregation, what);
}

/**
 * Group g × indicator i, computed by its indicator's aggregation rule.
 * @throws {RangeError} `simulate: <what> needs group "<g>" × "<i>", but "<i>" does not aggregate
 *   (rule "none")`, or an error of a part (an unknown or inactive indicator, a part off the log
 *   scale).
 */
export function groupSource(graph: ValueGraph, g: number, i: number, what: string): ValueSource {
  const { plan } = graph.index;
  const ind = plan.indicators[i]!;
  const build = groupValueOf(ind.aggregation.rule, ind.aggregation);
  if (build === undefined)
    return failPlan(
      `${what} needs group "${plan.groups[g]!.id}" × "${ind.id}", but "${ind.id}" does not aggregate (rule "none")`,
    );
  return build(graph, g, i, what);
}

/** The scale a group × indicator i fan chart prefers (see {@link KernelAggregationRule}). */
export function groupFanScale(graph: ValueGraph, i: number): HistogramScale | undefined {
  return ruleOf(graph, i).fanScale(graph.index.plan.indicators[i]!.scale);
}

/**
 * Whether group g × indicator i has a value on every path: its rule gives groups a value, and
 * every part of it can be had: for a rule that reads members, every part is a known indicator
 * with a value in every member, on the log scale where it must be positive
 * (`aggregationOf(…).positiveParts`); for a formula, the group has a value of each symbol.
 */
export function canAggregate(graph: ValueGraph, g: number, i: number): boolean {
  const rule = ruleOf(graph, i);
  return rule.groupValue !== undefined && rule.available(graph, g, i);
}

/** The `available` of the rules that read members' values (see {@link canAggregate}). */
function membersHaveParts(graph: ValueGraph, g: number, i: number): boolean {
  const { plan, place, indicator } = graph.index;
  const members = plan.groups[g]!.members.map((m) => place.get(m)!);
  const aggregation = aggregationOf(plan.indicators[i]!);
  return aggregation.parts.every((id) => {
    const k = indicator.get(id);
    return (
      k !== undefined &&
      (!aggregation.positiveParts.includes(id) || plan.indicators[k]!.scale === "log") &&
      members.every((p) => placeAvailable(graph, p, k))
    );
  });
}
