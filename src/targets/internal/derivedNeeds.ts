import { aggregationOf } from "../../scenarios/aggregation.js";
import type { DataNeed } from "../../schemas/assessment.js";
import { findSeries } from "../findSeries.js";
import type { TargetContext } from "../targetContext.js";
import { projectionNeed } from "./seriesNeeds.js";

/**
 * A target's data needs with each need of a derived indicator (one with a formula, which is never
 * observed) replaced by the needs of the indicators its formula names that the scope lacks for
 * `year` (each saying which derived indicator it is for), recursively; a derived need stays as it
 * is when none of them lacks anything (a gap where the formula has no finite value). Each scope
 * × indicator once, in order.
 */
export function derivedNeeds(
  missing: readonly DataNeed[],
  context: TargetContext,
  year: number,
): DataNeed[] {
  const indicators = new Map(context.dataset.indicators.map((i) => [i.id, i]));
  const out: DataNeed[] = [];
  const seen = new Set<string>();
  const add = (need: DataNeed) => {
    const key = `${need.scope}|${need.indicator}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(need);
  };
  const expand = (need: DataNeed, depth: number): void => {
    const indicator = indicators.get(need.indicator);
    // Formulas are acyclic in a valid pack; the depth bounds a cycle in one that is not.
    if (indicator?.formula === undefined || depth > indicators.size) {
      add(need);
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
    if (!lacking) add(need);
  };
  for (const need of missing) expand(need, 0);
  return out;
}
