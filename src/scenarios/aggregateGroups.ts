import type { Dataset } from "../schemas/dataset.js";
import type { Indicator } from "../schemas/indicator.js";
import { aggregationOf, type BoundAggregation } from "./aggregation.js";
import { type IndexedSeries, indexSeries } from "./internal/indexSeries.js";
import { cachedCombine, cachedIndex, type ProjectionCache } from "./projectionCache.js";
import type { ScopeSeries } from "./scopeSeries.js";

/**
 * Aggregates every group's indicators from its places' series, by each indicator's rule in
 * `AGGREGATION_RULES` (`aggregationOf`): for each year in which every member has a value
 * (observed, else projected) of every part the rule reads, the members' part values are combined
 * (`combine`: a compensated sum, a ratio of sums, a weighted mean), years where the rule gives
 * none (a zero denominator or total weight) left out. A derived indicator (rule `formula`) is its
 * formula evaluated on the group's aggregates of its symbols, each by its own rule (so
 * `gdp / population` is Σ gdp / Σ population, a ratio of sums), after the indicators those are
 * made of: `indicators` lists derived indicators after the ones their formulas name (see
 * `derivedIndicators`). A year is observed when every member's every part is observed there,
 * graded by the worst quality among them; later years are the projection. The aggregate is
 * informative when every member part series is informative or has no projection; when a member
 * part's model failed, `failure` names the first such (members in the group's order, parts in the
 * rule's). Groups missing a member's part series, indicators with rule `none`, and aggregates
 * without any year are left out. An aggregate that leaves the range of numbers in some year
 * (members near `Number.MAX_VALUE`) has no projection, and its `failure` names the year. Results
 * come group by group, in the order of the dataset's groups and of `indicators` (rules that read
 * members first).
 */
export function aggregateGroups(
  dataset: Pick<Dataset, "groups">,
  direct: readonly ScopeSeries[],
  indicators: ReadonlyMap<string, Indicator>,
  cache?: ProjectionCache,
): ScopeSeries[] {
  const indexOf = cache === undefined ? indexSeries : (s: ScopeSeries) => cachedIndex(cache, s);
  const index = (list: readonly ScopeSeries[]) => {
    const byKey = new Map(list.map((s) => [`${s.scope}|${s.indicator}`, s]));
    const indexed = new Map<string, IndexedSeries>();
    return (scope: string, indicatorId: string): IndexedSeries | undefined => {
      const key = `${scope}|${indicatorId}`;
      const cached = indexed.get(key);
      if (cached !== undefined) return cached;
      const series = byKey.get(key);
      if (series === undefined) return undefined;
      const found = indexOf(series);
      indexed.set(key, found);
      return found;
    };
  };
  const lookup = index(direct);
  const rules = [...indicators.values()]
    .map((indicator) => ({ indicator, aggregation: aggregationOf(indicator) }))
    .filter((r) => r.aggregation.parts.length > 0);
  const out: ScopeSeries[] = [];
  for (const group of dataset.groups) {
    const own: ScopeSeries[] = [];
    const aggregateOf = new Map<string, IndexedSeries>();
    for (const from of ["members", "group"] as const)
      for (const { indicator, aggregation } of rules) {
        if (aggregation.from !== from) continue;
        const rows =
          from === "members"
            ? memberRows(group.members, aggregation, lookup)
            : groupRow(aggregation, aggregateOf);
        if (rows === undefined) continue;
        const series = cachedCombine(cache, `group|${group.id}|${indicator.id}`, rows, () => ({
          scope: group.id,
          indicator: indicator.id,
          basis: "places",
          rows,
          combine: (values) => aggregation.combine(values),
          source: `aggregated from ${group.members.length} places`,
          what: "aggregated from its places",
          notes: [
            indicator.formula === undefined
              ? `aggregated from ${group.members.join(", ")} by rule "${aggregation.rule}"`
              : `computed by its formula ${indicator.formula} from ${group.id}'s ${aggregation.parts.join(", ")} aggregated from ${group.members.join(", ")}`,
          ],
          ...(indicator.formula === undefined
            ? {}
            : {
                formula: indicator.formula,
                noValueNote: (years: readonly number[]) =>
                  `no value in ${years.join(", ")}: the formula is not a finite number there`,
              }),
        }));
        if (series === undefined) continue;
        own.push(series);
        aggregateOf.set(indicator.id, indexOf(series));
      }
    out.push(...own);
  }
  return out;
}

/** Each member's series of each part (`rows[m][k]`), or undefined when one is missing. */
function memberRows(
  members: readonly string[],
  aggregation: BoundAggregation,
  lookup: (scope: string, indicatorId: string) => IndexedSeries | undefined,
): IndexedSeries[][] | undefined {
  const rows: IndexedSeries[][] = [];
  for (const member of members) {
    const row: IndexedSeries[] = [];
    for (const part of aggregation.parts) {
      const series = lookup(member, part);
      if (series === undefined) return undefined;
      row.push(series);
    }
    rows.push(row);
  }
  return rows;
}

/** The group's own aggregate of each part (one row), or undefined when one is missing. */
function groupRow(
  aggregation: BoundAggregation,
  aggregateOf: ReadonlyMap<string, IndexedSeries>,
): IndexedSeries[][] | undefined {
  const row: IndexedSeries[] = [];
  for (const part of aggregation.parts) {
    const series = aggregateOf.get(part);
    if (series === undefined) return undefined;
    row.push(series);
  }
  return [row];
}
