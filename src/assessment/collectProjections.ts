import { aggregationOf } from "../scenarios/aggregation.js";
import { INTERVAL_LEVEL, seriesOfScope } from "../scenarios/projectScenario.js";
import type { ScopeSeries } from "../scenarios/scopeSeries.js";
import type { ProjectedSeries } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { RegionPack } from "../schemas/regionPack.js";
import { findSeries } from "../targets/findSeries.js";
import type { TargetContext } from "../targets/targetContext.js";
import { targetDefinitionOf } from "../targets/targetRegistry.js";
import { modelSummary } from "./internal/modelSummary.js";

/**
 * The projected series that the pack's targets and the regional disparity read, each once, in
 * the order of scope then indicator (then `observed` before `places`):
 * - for every target, each scope × indicator its kind reads (`targetDefinitionOf(t).reads()`),
 *   resolved to the series it actually reads (see `findSeries`: the aggregate of the places or
 *   the scope's own observations), and, where that scope is a group, each of its places' own
 *   series of the indicator and of the parts and weight of its aggregation (the places'
 *   contributions to the group's gap, `gapContributions`, read them);
 * - for every indicator whose aggregation weights places (see `assessDisparity`), every place's
 *   own series of the indicator, of its parts and of its weight;
 * - for every indicator declared `placeTable` (see `placeTableRows`), every place's own series and
 *   the series each group's targets would read, whether or not a target reads them.
 *
 * Only projected years are given (the latest observation is on the rows); a series without any
 * (its model failed, or the observations reach the scenario's last year) is left out.
 *
 * @example
 * const projections = assessPack(qujingPack, "trend").projections ?? [];
 * projections.find((p) => p.scope === "city" && p.indicator === "gdp")?.model?.fitted; // "theta"
 */
export function collectProjections(
  pack: RegionPack,
  dataset: Dataset,
  context: TargetContext,
): ProjectedSeries[] {
  const chosen = new Set<ScopeSeries>();
  const add = (series: ScopeSeries | undefined) => {
    if (series !== undefined && series.years.length > 0) chosen.add(series);
  };
  const own = (place: string, indicator: string) =>
    seriesOfScope(context.projection, place, indicator).find((s) => s.basis === "observed");
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  const groups = new Map(dataset.groups.map((g) => [g.id, g]));
  for (const target of pack.targets)
    for (const ref of targetDefinitionOf(target).reads().series) {
      add(findSeries(context, ref.scope, ref.indicator));
      const members = groups.get(ref.scope)?.members ?? [];
      const indicator = byId.get(ref.indicator);
      if (members.length === 0 || indicator === undefined) continue;
      const aggregation = aggregationOf(indicator, (id) => byId.get(id));
      const read = [ref.indicator, ...aggregation.parts];
      if (aggregation.comparisonWeight !== undefined) read.push(aggregation.comparisonWeight);
      for (const place of members) for (const id of read) add(own(place, id));
    }
  for (const indicator of dataset.indicators) {
    const aggregation = aggregationOf(indicator, (id) => byId.get(id));
    const weight = aggregation.comparisonWeight;
    if (weight === undefined) continue;
    const read = [indicator.id, ...aggregation.parts, weight];
    for (const place of dataset.places) for (const id of read) add(own(place.id, id));
  }
  for (const indicator of dataset.indicators) {
    if (indicator.placeTable !== true) continue;
    for (const place of dataset.places) add(own(place.id, indicator.id));
    for (const group of dataset.groups) add(findSeries(context, group.id, indicator.id));
  }
  return [...chosen].sort(byScopeThenIndicator).map(toProjectedSeries);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byScopeThenIndicator(a: ScopeSeries, b: ScopeSeries): number {
  return (
    compare(a.scope, b.scope) || compare(a.indicator, b.indicator) || compare(a.basis, b.basis)
  );
}

/** A scope series as the assessment carries it: projected years, interval and model kinds. */
function toProjectedSeries(series: ScopeSeries): ProjectedSeries {
  const n = series.years.length;
  const bound = (b: readonly number[] | undefined) =>
    b === undefined || b.length !== n ? null : b.map((v) => (Number.isFinite(v) ? v : null));
  const lower = bound(series.lower);
  const upper = bound(series.upper);
  return {
    scope: series.scope,
    indicator: series.indicator,
    basis: series.basis,
    years: [...series.years],
    values: [...series.values],
    lower,
    upper,
    informative: series.informative,
    level: lower === null && upper === null ? null : INTERVAL_LEVEL,
    model: modelSummary(series),
  };
}
