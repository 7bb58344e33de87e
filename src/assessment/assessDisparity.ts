import {
  type ScenarioProjection,
  type ScopeSeries,
  seriesValue,
} from "../scenarios/projectScenario.js";
import type { DataNeed, DisparityRow } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import { disparity } from "./disparity.js";

/**
 * Regional disparity (缩小区域发展差距, the plan's aim of narrowing gaps between places) of every
 * indicator aggregated as a `ratio` of two summed indicators — GDP per capita, the urbanization
 * rate, an industry's share of GDP — across all places of the dataset, in each given year.
 *
 * A place's value is its own series of the indicator when it has one, else the ratio of its
 * numerator and denominator series; its weight is the denominator (population for per-capita
 * values and rates, GDP for shares). Projected values count only when their model carries
 * information about change. When any place
 * lacks a value the row has no measures and lists, as data needs, the observations that would
 * complete it. Measures: see `disparity`.
 */
export function assessDisparity(
  dataset: Dataset,
  projection: ScenarioProjection,
  years: readonly number[],
): DisparityRow[] {
  const find = (place: string, indicator: string) =>
    projection.series.find(
      (s) => s.scope === place && s.indicator === indicator && s.basis === "observed",
    );
  const rows: DisparityRow[] = [];
  for (const indicator of dataset.indicators) {
    const rule = indicator.aggregation;
    if (rule.rule !== "ratio") continue;
    for (const year of years) {
      const values: DisparityRow["values"] = [];
      const lacking: string[] = [];
      const missing: DataNeed[] = [];
      const why = `${indicator.id} of every place in ${year}, for regional disparity`;
      let allObserved = true;
      for (const place of dataset.places) {
        const num = find(place.id, rule.numerator);
        const den = find(place.id, rule.denominator);
        const own = find(place.id, indicator.id);
        const numValue = usableValue(num, year);
        const weight = usableValue(den, year);
        const ownValue = usableValue(own, year);
        const ratio =
          numValue === undefined || weight === undefined || weight === 0
            ? undefined
            : (rule.scale * numValue) / weight;
        const value = ownValue ?? ratio;
        if (value === undefined || weight === undefined || !(value > 0)) {
          lacking.push(place.id);
          if (ownValue === undefined && numValue === undefined)
            missing.push({
              scope: place.id,
              indicator: rule.numerator,
              years: [year],
              minCount: 1,
              why,
            });
          if (weight === undefined)
            missing.push({
              scope: place.id,
              indicator: rule.denominator,
              years: [year],
              minCount: 1,
              why,
            });
          continue;
        }
        const observedIn = (s: typeof num) => s?.observed.some((p) => p.year === year) === true;
        if (!(observedIn(den) && (ownValue === undefined ? observedIn(num) : observedIn(own))))
          allObserved = false;
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
