import { checkArrayOf, checkNumber } from "../internal/checkArgs.js";
import { aggregationOf } from "../scenarios/aggregation.js";
import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import { type ScopeSeries, seriesValue } from "../scenarios/scopeSeries.js";
import type { DataNeed, DisparityRow } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import { checkDataset, checkProjection } from "./checkProjectionArgs.js";
import { disparity } from "./disparity.js";

/**
 * Regional disparity (缩小区域发展差距, the plan's aim of narrowing gaps between places) of every
 * indicator whose aggregation rule weights places (see `AGGREGATION_RULES`): a `ratio` of two
 * summed indicators — GDP per capita, the urbanization rate, an industry's share of GDP — a
 * `weighted-mean`, or a derived indicator whose formula is such a ratio (`gdp / population *
 * 10000` of two summed indicators, weighted by the denominator), across all places of the
 * dataset, in each given year.
 *
 * A place's value is its own series of the indicator when it has one, else the value recomputed
 * from its own parts (the ratio of its numerator and denominator series); its weight is the
 * rule's weight (a ratio's denominator: population for per-capita values and rates, GDP for
 * shares). Projected values count only when their model carries
 * information about change. When any place
 * lacks a value the row has no measures and lists, as data needs, the observations that would
 * complete it. Measures: see `disparity`.
 *
 * @throws {ArgumentTypeError} `assessDisparity: dataset must be a dataset (…)`,
 *   `assessDisparity: projection must be a scenario projection (see projectScenario) (got …)`,
 *   `assessDisparity: years[0] must be an integer (got the string "2020")`.
 */
export function assessDisparity(
  dataset: Dataset,
  projection: ScenarioProjection,
  years: readonly number[],
): DisparityRow[] {
  checkDataset("assessDisparity", "dataset", dataset);
  checkProjection("assessDisparity", "projection", projection);
  checkArrayOf("assessDisparity", "years", years, (at, y) =>
    checkNumber("assessDisparity", at, y, { integer: true }),
  );
  const find = (place: string, indicator: string) =>
    projection.series.find(
      (s) => s.scope === place && s.indicator === indicator && s.basis === "observed",
    );
  const rows: DisparityRow[] = [];
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  for (const indicator of dataset.indicators) {
    const aggregation = aggregationOf(indicator, (id) => byId.get(id));
    const weightId = aggregation.comparisonWeight;
    if (weightId === undefined) continue;
    for (const year of years) {
      const values: DisparityRow["values"] = [];
      const lacking: string[] = [];
      const missing: DataNeed[] = [];
      const why = `${indicator.id} of every place in ${year}, for regional disparity`;
      let allObserved = true;
      for (const place of dataset.places) {
        const parts = aggregation.parts.map((part) => find(place.id, part));
        const partValues = parts.map((series) => usableValue(series, year));
        const weightSeries = find(place.id, weightId);
        const own = find(place.id, indicator.id);
        const weight = usableValue(weightSeries, year);
        const ownValue = usableValue(own, year);
        // A place's own value, else its value recomputed from its parts (a ratio of its own
        // numerator and denominator).
        const recomputed = partValues.every((v) => v !== undefined)
          ? aggregation.combine(partValues.map((v) => [v]))
          : undefined;
        const value = ownValue ?? recomputed;
        if (value === undefined || weight === undefined || !(value > 0)) {
          lacking.push(place.id);
          const lacks = new Set<string>();
          if (ownValue === undefined)
            aggregation.parts.forEach((part, k) => {
              if (partValues[k] === undefined) lacks.add(part);
            });
          if (weight === undefined) lacks.add(weightId);
          for (const id of lacks)
            missing.push({ scope: place.id, indicator: id, years: [year], minCount: 1, why });
          continue;
        }
        const observedIn = (s: ScopeSeries | undefined) =>
          s?.observed.some((p) => p.year === year) === true;
        const observedParts = ownValue === undefined ? parts.every(observedIn) : observedIn(own);
        if (!(observedIn(weightSeries) && observedParts)) allObserved = false;
        values.push({ place: place.id, value, weight });
      }
      const complete = lacking.length === 0 && values.length >= 2;
      const sorted = [...values].sort((a, b) => a.value - b.value);
      rows.push({
        indicator: indicator.id,
        year,
        basis: allObserved && lacking.length === 0 ? "observed" : "projected",
        measures: complete
          ? disparity(
              values.map((v) => v.value),
              values.map((v) => v.weight),
            )
          : null,
        values,
        lowest: complete ? (sorted[0]?.place ?? null) : null,
        highest: complete ? (sorted[sorted.length - 1]?.place ?? null) : null,
        missing,
      });
    }
  }
  return rows;
}

/**
 * A series' value in a year when it can be used for a comparison between places: observed, or
 * projected by a model that carries information about change (not a no-change fallback).
 */
function usableValue(series: ScopeSeries | undefined, year: number): number | undefined {
  if (series === undefined) return undefined;
  if (!series.informative && !series.observed.some((p) => p.year === year)) return undefined;
  return seriesValue(series, year);
}
