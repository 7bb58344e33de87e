import { findMonotoneRoot } from "../../internal/monotoneRoot.js";
import { seriesValue } from "../../scenarios/scopeSeries.js";
import { priceCompanionId } from "../../schemas/priceCompanionId.js";
import { findSeries } from "../../targets/findSeries.js";
import type { TargetContext } from "../../targets/targetContext.js";
import type { SolveRule } from "../solveResult.js";
import { ALLOCATION_RULES, type MovedSeries } from "./allocationRules.js";
import { memberSeries, membersOf, type SolvedTarget } from "./solveLever.js";

/** A group's solved level spread over its places. */
export interface Allocation {
  /** The places' indicator (the target's, or its constant-price series). */
  readonly indicator: string;
  readonly places: readonly MovedSeries[];
  readonly rates: readonly number[];
  /** The group's level in the target year that the places add up to. */
  readonly total: number;
  readonly note: string;
}

/**
 * Spreads the level a group reaches in the target year under the solved scenario over its
 * places by `rule`, when the target reads the group's own observations (so the places' series
 * do not move the target): the rates with `Σ latest_i · (1 + rate_i)^years_i = total`, found in
 * closed form by the rule's family and {@link findMonotoneRoot} (to a relative 1e-12). The
 * places' series is the judged one when every place has it; for a target at constant prices
 * whose places have only current prices, their series at current prices, with the group's level
 * at current prices (constant-price level × deflator / 100). Returns why not when the places
 * cannot take it (no sum over places, a place without data).
 */
export async function allocatePlaces(
  base: TargetContext,
  solved: TargetContext,
  target: SolvedTarget,
  judged: string,
  rule: SolveRule,
): Promise<Allocation | string> {
  const members = membersOf(base, target.scope);
  if (members === undefined) return "the target's scope is a place";
  const rules = base.dataset.indicators.find((i) => i.id === target.indicator)?.aggregation.rule;
  if (rules !== "sum")
    return `${target.indicator} is not a sum of places, so the places are not allocated`;
  const has = (id: string) =>
    members.every((m) => (findSeries(base, m, id)?.observed.length ?? 0) > 0);
  const indicator = has(judged) ? judged : has(target.indicator) ? target.indicator : undefined;
  if (indicator === undefined)
    return `not every place of ${target.scope} has ${target.indicator} observed, so the places are not allocated`;
  const own = findSeries(solved, target.scope, judged);
  const level = own === undefined ? undefined : seriesValue(own, target.year);
  const deflatorSeries = findSeries(
    solved,
    target.scope,
    priceCompanionId(target.indicator, "deflator"),
  );
  const deflator =
    indicator === judged || deflatorSeries === undefined
      ? 100
      : seriesValue(deflatorSeries, target.year);
  if (level === undefined || deflator === undefined)
    return `${target.scope} has no level in ${target.year} to allocate`;
  const total = (level * deflator) / 100;
  const places = memberSeries(base, members, indicator, target.year);
  if (typeof places === "string") return `the places are not allocated: ${places}`;
  const family = ALLOCATION_RULES[rule];
  const reached = (x: number) =>
    Math.log(
      family.rates(x, places).reduce((s, r, k) => {
        const p = places[k] as MovedSeries;
        return s + p.latest.value * (1 + r) ** p.years;
      }, 0) / total,
    );
  const root = await findMonotoneRoot(reached, 0, {
    start: family.start(places),
    step: family.step,
    ...family.domain(places),
    tolerance: 1e-12,
    xTolerance: 1e-14,
    maxEvaluations: 200,
  });
  if (!root.bracketed)
    return `the places cannot reach ${total} in ${target.year} at growth within −95% to 100% a year`;
  const prices = indicator === judged ? "" : " at current prices (the places have no price index)";
  return {
    indicator,
    places,
    rates: family.rates(root.x, places),
    total,
    note:
      `${target.id} reads ${target.scope}'s own ${judged} series (observed to ${own?.observed.at(-1)?.year}), which its places' series do not change: ` +
      `the places' ${indicator}${prices} are allocated the level ${target.scope} reaches in ${target.year} under the solution (${Number(total.toPrecision(6))}) by rule ${rule}`,
  };
}
