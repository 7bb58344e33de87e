import { cagr } from "../growth/cagr.js";
import { INTERVAL_LEVEL } from "../scenarios/projectScenario.js";
import { type ScopeSeries, seriesValue } from "../scenarios/scopeSeries.js";
import type { PlaceTableRow } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Indicator } from "../schemas/indicator.js";
import { findSeries } from "../targets/findSeries.js";
import type { TargetContext } from "../targets/targetContext.js";
import { modelSummary } from "./internal/modelSummary.js";
import {
  type Comparison,
  comparisonsOf,
  observedValue,
  placeComparison,
  type SeriesLookup,
  seriesLookup,
} from "./internal/placeComparison.js";

/**
 * The place table (各县（市、区）) of every indicator declared `placeTable` that some place has
 * observations of: for each place (in the dataset's order), then each group, its latest
 * observation, its value in the plan's last year (observed, else projected with the model's 80%
 * interval; none when the model fell back to carrying the last value forward, whose `model`
 * says why), the growth a year between the two (`cagr`), its share of the whole (the first group
 * whose members are every place) in the latest year and in the plan's last year, and its latest
 * observed per-capita value.
 *
 * - A place reads its own series; a group the series its targets would read (`findSeries`: its
 *   places' aggregate, or its own observations when more recent), which has no interval when
 *   summed from places.
 * - Per capita: the ratio indicator with this one as numerator that places are compared on (see
 *   `assessDisparity`), in the latest year with a value (its own observation, else recomputed
 *   from its parts observed that year), on the basis of that year (a declared `earlierBasis`
 *   before its break).
 *
 * @example
 * const rows = assessPack(qujingPack, "trend").placeTable ?? [];
 * rows.filter((r) => r.indicator === "gdp").map((r) => r.scope).slice(0, 3); // ["qilin", "zhanyi", "malong"]
 */
export function placeTableRows(dataset: Dataset, context: TargetContext): PlaceTableRow[] {
  const lookup = seriesLookup(context.projection);
  const placeIds = new Set(dataset.places.map((p) => p.id));
  const whole = dataset.groups.find(
    (g) => g.members.length === placeIds.size && g.members.every((m) => placeIds.has(m)),
  );
  const comparisons = comparisonsOf(dataset);
  const rows: PlaceTableRow[] = [];
  for (const indicator of dataset.indicators) {
    if (indicator.placeTable !== true) continue;
    const hasData = dataset.places.some((p) =>
      lookup(p.id, indicator.id).some((s) => s.observed.length > 0),
    );
    if (!hasData) continue;
    const perCapita = comparisons.find(
      (c) => c.own.parts[0] === indicator.id && c.own.parts.length === 2,
    );
    const scopes = [
      ...dataset.places.map((p) => ({ ...p, kind: "place" as const })),
      ...dataset.groups.map((g) => ({ ...g, kind: "group" as const })),
    ];
    for (const scope of scopes) {
      const series =
        scope.kind === "place"
          ? lookup(scope.id, indicator.id).find((s) => s.basis === "observed")
          : findSeries(context, scope.id, indicator.id);
      rows.push(
        rowOf(context, lookup, indicator, scope, series, {
          whole: whole?.id,
          perCapita,
        }),
      );
    }
  }
  return rows;
}

type Scope = { id: string; nameZh: string; nameEn: string; kind: "place" | "group" };

function rowOf(
  context: TargetContext,
  lookup: SeriesLookup,
  indicator: Indicator,
  scope: Scope,
  series: ScopeSeries | undefined,
  { whole, perCapita }: { whole: string | undefined; perCapita: Comparison | undefined },
): PlaceTableRow {
  const year = context.plan.endYear;
  const last = series?.observed[series.observed.length - 1];
  const latest =
    last === undefined ? null : { year: last.year, value: last.value, source: last.source };
  const value = usableAt(series, year);
  const k = value === undefined ? -1 : (series?.years.indexOf(year) ?? -1);
  const lower = k < 0 ? undefined : series?.lower?.[k];
  const upper = k < 0 ? undefined : series?.upper?.[k];
  const interval =
    lower !== undefined && upper !== undefined && Number.isFinite(lower) && Number.isFinite(upper)
      ? { lower, upper, level: INTERVAL_LEVEL }
      : null;
  const grows =
    latest !== null && value !== undefined && year > latest.year && latest.value > 0 && value > 0;
  return {
    scope: scope.id,
    kind: scope.kind,
    nameZh: scope.nameZh,
    nameEn: scope.nameEn,
    indicator: indicator.id,
    unit: indicator.unit,
    latest,
    year,
    projected: value ?? null,
    interval,
    impliedGrowth: grows ? cagr(latest.value, value, year - latest.year) : null,
    share:
      whole === undefined ? null : shareOf(context, lookup, indicator.id, whole, latest, value),
    perCapita: perCapita === undefined ? null : latestPerCapita(lookup, scope.id, perCapita),
    seriesBasis: series?.basis ?? null,
    model: series === undefined ? null : modelSummary(series),
    informative: series?.informative ?? false,
  };
}

/**
 * A series' value in a year: observed, or projected by a model that carries information about
 * change (a no-change fallback is not shown as a projection).
 */
function usableAt(series: ScopeSeries | undefined, year: number): number | undefined {
  if (series === undefined) return undefined;
  if (!series.informative && !series.observed.some((p) => p.year === year)) return undefined;
  return seriesValue(series, year);
}

/** The scope's share of the whole (%) in its latest year and in the plan's last year. */
function shareOf(
  context: TargetContext,
  lookup: SeriesLookup,
  indicator: string,
  whole: string,
  latest: PlaceTableRow["latest"],
  value: number | undefined,
): PlaceTableRow["share"] {
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || !(b > 0) ? null : (100 * a) / b;
  const wholeLatest =
    latest === null ? undefined : observedValue(lookup, whole, indicator, latest.year);
  const wholeAtYear = usableAt(findSeries(context, whole, indicator), context.plan.endYear);
  return {
    whole,
    latestYear: latest?.year ?? null,
    latest: ratio(latest?.value, wholeLatest),
    projected: ratio(value, wholeAtYear),
  };
}

/**
 * The latest observed per-capita value of a scope: the latest year with one on that year's
 * basis (the indicator's own, or its earlier basis before the break).
 */
function latestPerCapita(
  lookup: SeriesLookup,
  scope: string,
  comparison: Comparison,
): PlaceTableRow["perCapita"] {
  const bases = [
    comparison.own,
    ...(comparison.earlier === undefined ? [] : [comparison.earlier.basis]),
  ];
  const years = new Set<number>();
  for (const basis of bases)
    for (const id of [basis.id, ...basis.parts])
      for (const s of lookup(scope, id)) for (const p of s.observed) years.add(p.year);
  for (const year of [...years].sort((a, b) => b - a)) {
    const basis = comparison.basisIn(year);
    const found = placeComparison(lookup, scope, basis, year, true);
    if (found.value === undefined) continue;
    return {
      indicator: comparison.indicator.id,
      compared: basis.id,
      denominator: basis.parts[1] ?? basis.weight,
      unit: comparison.indicator.unit,
      year,
      value: found.value,
    };
  }
  return null;
}
