import type { Dataset } from "../schemas/dataset.js";
import type { Indicator } from "../schemas/indicator.js";
import type { Quality } from "../schemas/observation.js";
import { aggregationOf, type BoundAggregation } from "./aggregation.js";
import { type IndexedSeries, indexSeries } from "./internal/indexSeries.js";
import { worseQuality } from "./internal/qualityRank.js";
import type { ObservedPoint, ScopeSeries } from "./scopeSeries.js";

/**
 * Aggregates every group's indicators from its places' series, by each indicator's rule in
 * `AGGREGATION_RULES` (`aggregationOf`): for each year in which every member has a value
 * (observed, else projected) of every part the rule reads, the members' part values are combined
 * (`combine`: a compensated sum, a ratio of sums, a weighted mean), years where the rule gives
 * none (a zero denominator or total weight) left out. A year is observed when every member's
 * every part is observed there, graded by the worst quality among them; later years are the
 * projection. The aggregate is informative when every member part series is informative or has
 * no projection; when a member part's model failed, `failure` names the first such (members in
 * the group's order, parts in the rule's). Groups missing a member's part series, indicators
 * with rule `none`, and aggregates without any year are left out. An aggregate that leaves the
 * range of numbers in some year (members near `Number.MAX_VALUE`) has no projection, and its
 * `failure` names the year. Results come group by group,
 * in the order of the dataset's groups and of `indicators`.
 */
export function aggregateGroups(
  dataset: Pick<Dataset, "groups">,
  direct: readonly ScopeSeries[],
  indicators: ReadonlyMap<string, Indicator>,
): ScopeSeries[] {
  const byKey = new Map(direct.map((s) => [`${s.scope}|${s.indicator}`, s]));
  const indexed = new Map<string, IndexedSeries>();
  const lookup = (scope: string, indicatorId: string): IndexedSeries | undefined => {
    const key = `${scope}|${indicatorId}`;
    const cached = indexed.get(key);
    if (cached !== undefined) return cached;
    const series = byKey.get(key);
    if (series === undefined) return undefined;
    const index = indexSeries(series);
    indexed.set(key, index);
    return index;
  };
  const rules = [...indicators.values()]
    .map((indicator) => ({ indicator, aggregation: aggregationOf(indicator) }))
    .filter((r) => r.aggregation.parts.length > 0);
  const out: ScopeSeries[] = [];
  for (const group of dataset.groups)
    for (const { indicator, aggregation } of rules) {
      const series = aggregateGroup(group, indicator, aggregation, lookup);
      if (series !== undefined) out.push(series);
    }
  return out;
}

/** One group's aggregate of one indicator, or undefined when it has no year. */
function aggregateGroup(
  group: Dataset["groups"][number],
  indicator: Indicator,
  aggregation: BoundAggregation,
  lookup: (scope: string, indicatorId: string) => IndexedSeries | undefined,
): ScopeSeries | undefined {
  // byMember[m][k]: member m's series of part k.
  const byMember: IndexedSeries[][] = [];
  for (const member of group.members) {
    const row: IndexedSeries[] = [];
    for (const part of aggregation.parts) {
      const series = lookup(member, part);
      if (series === undefined) return undefined;
      row.push(series);
    }
    byMember.push(row);
  }
  const all = byMember.flat();
  const years = [
    ...new Set(all.flatMap(({ series: s }) => [...s.observed.map((p) => p.year), ...s.years])),
  ].sort((a, b) => a - b);
  const observed: ObservedPoint[] = [];
  const projectedYears: number[] = [];
  const projectedValues: number[] = [];
  let overflow: number | undefined;
  for (const year of years) {
    const values = partValues(byMember, aggregation.parts.length, year);
    const value = values === undefined ? undefined : aggregation.combine(values);
    if (value === undefined) continue;
    if (!Number.isFinite(value)) {
      overflow ??= year;
      continue;
    }
    const quality = observedQuality(all, year);
    if (quality === undefined) {
      projectedYears.push(year);
      projectedValues.push(value);
    } else
      observed.push({
        year,
        value,
        source: `aggregated from ${group.members.length} places`,
        quality,
      });
  }
  if (observed.length === 0 && projectedYears.length === 0) return undefined;
  if (overflow !== undefined)
    return {
      scope: group.id,
      indicator: indicator.id,
      basis: "places",
      observed,
      unused: [],
      years: [],
      values: [],
      informative: false,
      failure: `aggregated from its places, leaves the range of numbers in ${overflow}`,
      notes: [`aggregated from ${group.members.join(", ")} by rule "${aggregation.rule}"`],
    };
  // A member whose model failed leaves the aggregate without a projection: say which.
  const failed = all.find(({ series: s }) => s.failure !== undefined)?.series;
  return {
    scope: group.id,
    indicator: indicator.id,
    basis: "places",
    observed,
    unused: [],
    years: projectedYears,
    values: projectedValues,
    informative: all.every(({ series: s }) => s.informative || s.years.length === 0),
    ...(failed === undefined
      ? {}
      : { failure: `${failed.scope}'s ${failed.indicator} ${failed.failure}` }),
    notes: [`aggregated from ${group.members.join(", ")} by rule "${aggregation.rule}"`],
  };
}

/**
 * The members' values of each part in `year` (`values[k][m]`, the order `combine` takes), or
 * undefined when a member has no value of some part there.
 */
function partValues(
  byMember: readonly (readonly IndexedSeries[])[],
  partCount: number,
  year: number,
): number[][] | undefined {
  const values: number[][] = Array.from({ length: partCount }, () => []);
  for (const row of byMember)
    for (let k = 0; k < partCount; k++) {
      const value = row[k]?.value.get(year);
      if (value === undefined) return undefined;
      values[k]?.push(value);
    }
  return values;
}

/** The worst quality grade among the series' observations in `year`, or undefined unless all are observed. */
function observedQuality(all: readonly IndexedSeries[], year: number): Quality | undefined {
  let worst: Quality = "A";
  for (const { observed } of all) {
    const point = observed.get(year);
    if (point === undefined) return undefined;
    worst = worseQuality(worst, point.quality);
  }
  return worst;
}
