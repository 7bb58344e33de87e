import type { Discrepancy } from "../schemas/assessment.js";
import type { ScopeSeries } from "./scopeSeries.js";

/**
 * Lists the years in which a group has both an observation of its own and a value aggregated
 * from its places' observations, with the relative difference `(aggregated − observed) /
 * observed` (years whose own observation is 0 are left out: no relative difference). Each
 * discrepancy names the group's members (`membersOf`); the series are taken in the order of
 * `aggregated`, then by year.
 */
export function findDiscrepancies(
  direct: readonly ScopeSeries[],
  aggregated: readonly ScopeSeries[],
  membersOf: ReadonlyMap<string, readonly string[]>,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  // The first series of each scope and indicator, as a search in order finds it.
  const first = new Map<string, ScopeSeries>();
  for (const s of direct) {
    const key = `${s.scope}|${s.indicator}`;
    if (!first.has(key)) first.set(key, s);
  }
  for (const agg of aggregated) {
    const own = first.get(`${agg.scope}|${agg.indicator}`);
    if (own === undefined) continue;
    for (const point of own.observed) {
      const aggregatedValue = agg.observed.find((p) => p.year === point.year)?.value;
      if (aggregatedValue === undefined || point.value === 0) continue;
      out.push({
        scope: agg.scope,
        indicator: agg.indicator,
        year: point.year,
        observed: point.value,
        aggregated: aggregatedValue,
        relative: (aggregatedValue - point.value) / point.value,
        placesWithData: [...(membersOf.get(agg.scope) ?? [])],
      });
    }
  }
  return out;
}
