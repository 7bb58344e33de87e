import { aggregationOf } from "../../scenarios/aggregation.js";
import type { DataNeed } from "../../schemas/assessment.js";
import { findSeries } from "../findSeries.js";
import type { TargetContext } from "../targetContext.js";
import { projectionNeed } from "./seriesNeeds.js";

/**
 * A target's data needs with each need of a derived indicator (one with a formula, which is never
 * observed) replaced by the needs of the indicators its formula names that the scope lacks for
 * `year` (each saying which derived indicator it is for), recursively; a derived need stays as it
 * is when none of them lacks anything (a gap where the formula has no finite value). The other
 * needs are kept as they are, in order; a need made from a formula's is left out when the list
 * has one for its scope and indicator already.
 */
export function derivedNeeds(
  missing: readonly DataNeed[],
  context: TargetContext,
  year: number,
): DataNeed[] {
  // Without a need of a derived indicator every need is kept as it is.
  const derived = (id: string) =>
    context.dataset.indicators.some((i) => i.id === id && i.formula !== undefined);
  if (!missing.some((need) => derived(need.indicator))) return [...missing];
  const indicators = new Map(context.dataset.indicators.map((i) => [i.id, i]));
  const out: DataNeed[] = [];
  const seen = new Set<string>();
  // The target's own needs are kept as they are; one made from a formula's is added once.
  const add = (need: DataNeed, derived: boolean) => {
    const key = `${need.scope}|${need.indicator}`;
    if (derived && seen.has(key)) return;
    seen.add(key);
    out.push(need);
  };
  const expand = (need: DataNeed, depth: number): void => {
    const indicator = indicators.get(need.indicator);
    // Formulas are acyclic in a valid pack; the depth bounds a cycle in one that is not.
    if (indicator?.formula === undefined || depth > indicators.size) {
      add(need, depth > 0);
      return;
    }
    let lacking = false;
    for (const symbol of aggregationOf(indicator).parts) {
      const series = findSeries(context, need.scope, symbol);
      const part = projectionNeed(context, series, need.scope, symbol, year);
      if (part === undefined) continue;
      lacking = true;
      expand(
        { ...part, why: `${part.why} (for ${need.indicator}, computed from it by its formula)` },
        depth + 1,
      );
    }
    if (!lacking) add(need, depth > 0);
  };
  for (const need of missing) expand(need, 0);
  return out;
}
