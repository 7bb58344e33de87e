// Series that the charts read: observed history from a pack, projections from the assessment,
// simulated quantiles from a Monte Carlo run.

import { fsum } from "../../internal/fsum.js";
import { chooseObservations } from "../../scenarios/chooseObservations.js";
import { deriveCheckedPriceSeries } from "../../scenarios/derivePriceSeries.js";
import type { Assessment, ProjectedSeries } from "../../schemas/assessment.js";
import type { Dataset } from "../../schemas/dataset.js";
import type { Indicator } from "../../schemas/indicator.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type {
  SimulationResult,
  SimulationSeriesResult,
} from "../../simulation/simulationResult.js";

/** A year's value. */
export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** A band of a fan chart in one year. */
export interface BandPoint {
  readonly year: number;
  readonly lower: number;
  readonly upper: number;
  /** `95%`, `80%`, `50%` (simulated) or `80% model interval`. */
  readonly band: string;
}

/** What the chart builders are given besides the assessment. */
export interface ChartInputs {
  readonly assessment: Assessment;
  readonly pack: RegionPack | undefined;
  readonly simulation: SimulationResult | undefined;
}

const derivedDatasets = new WeakMap<RegionPack, Dataset>();

/**
 * The dataset the assessment of a pack projects, as far as the pack gives it: the pack's
 * observations with the series at constant prices and the deflators derived from its price
 * indices at the prices of the plan's base year, as `assessPack` derives them
 * (`derivePriceSeries`; docs/real-and-nominal.md). So a target judged at constant prices is
 * charted on the real series chained from the pack's own observations. Derived once per pack.
 */
export function chartDataset(pack: RegionPack): Dataset {
  let dataset = derivedDatasets.get(pack);
  if (dataset === undefined) {
    dataset = deriveCheckedPriceSeries(pack.dataset, pack.plan.baseYear).dataset;
    derivedDatasets.set(pack, dataset);
  }
  return dataset;
}

/** The definition of an indicator in the pack (or derived from it, `gdp_real`), if any. */
export function indicatorOf(
  pack: RegionPack | undefined,
  indicator: string,
): Indicator | undefined {
  return pack === undefined
    ? undefined
    : chartDataset(pack).indicators.find((i) => i.id === indicator);
}

/**
 * An indicator's names for a chart's axis or title, Chinese then English, from the pack (its id
 * twice without one): `{ zh: "地区生产总值", en: "GDP" }`.
 */
export function indicatorNames(
  pack: RegionPack | undefined,
  indicator: string,
): { readonly zh: string; readonly en: string } {
  const found = indicatorOf(pack, indicator);
  return found === undefined
    ? { zh: indicator, en: indicator }
    : { zh: found.nameZh, en: found.nameEn };
}

/**
 * Observed values of a scope's indicator in the pack (with the series at constant prices derived
 * from it, see {@link chartDataset}), one a year as the projection chose them
 * (`chooseObservations`: the best quality grade, quality C only when the assessment's scenario
 * admits it).
 */
export function observedSeries(inputs: ChartInputs, scope: string, indicator: string): YearValue[] {
  const { pack, assessment } = inputs;
  if (pack === undefined) return [];
  const list = chartDataset(pack).observations.filter(
    (o) => o.place === scope && o.indicator === indicator,
  );
  const useQualityC =
    pack.scenarios.find((s) => s.id === assessment.scenario)?.useQualityC ?? false;
  return chooseObservations(list, useQualityC).used.map(({ year, value }) => ({ year, value }));
}

/**
 * Observed values of a scope's indicator: its own observations, and for a group of an indicator
 * that aggregates by `sum`, the sum of its members' in the years where every member has one and
 * the group has none of its own (Malong's GDP from 2018 makes the central city's from 2018).
 */
export function observedOrSummed(
  inputs: ChartInputs,
  scope: string,
  indicator: string,
): YearValue[] {
  const { pack } = inputs;
  const own = observedSeries(inputs, scope, indicator);
  const group = pack?.dataset.groups.find((g) => g.id === scope);
  const rule = indicatorOf(pack, indicator)?.aggregation;
  if (group === undefined || rule?.rule !== "sum") return own;
  const members = group.members.map(
    (m) => new Map(observedSeries(inputs, m, indicator).map((p) => [p.year, p.value])),
  );
  const years = new Set(own.map((p) => p.year));
  const summed: YearValue[] = [];
  for (const year of members[0]?.keys() ?? []) {
    if (years.has(year)) continue;
    const values = members.map((m) => m.get(year));
    if (values.every((v) => v !== undefined))
      summed.push({ year, value: fsum(values as number[]) });
  }
  return [...own, ...summed].sort((a, b) => a.year - b.year);
}

/** The assessment's projection of a scope's indicator, if it carries one. */
export function projectedSeries(
  assessment: Assessment,
  scope: string,
  indicator: string,
): ProjectedSeries | undefined {
  return (assessment.projections ?? []).find((p) => p.scope === scope && p.indicator === indicator);
}

/** The projected values of a series as year–value pairs. */
export function projectedValues(series: ProjectedSeries | undefined): YearValue[] {
  if (series === undefined) return [];
  return series.years.flatMap((year, i) => {
    const value = series.values[i];
    return value === undefined ? [] : [{ year, value }];
  });
}

/** The model's prediction interval of a projection, one point a year where it has one. */
export function modelBand(series: ProjectedSeries | undefined): BandPoint[] {
  if (series === undefined || series.lower === null || series.upper === null) return [];
  const { lower, upper } = series;
  const label = `${Math.round((series.level ?? 0) * 100)}% model interval`;
  return series.years.flatMap((year, i) => {
    const lo = lower[i];
    const hi = upper[i];
    return lo === undefined || lo === null || hi === undefined || hi === null
      ? []
      : [{ year, lower: lo, upper: hi, band: label }];
  });
}

/**
 * The run's series of a scope's indicator: the scope's own, or for a group with observations of
 * its own, the pseudo-place the engine runs them as (`<group>-own`, see `planSimulation`).
 */
function runSeries(
  inputs: ChartInputs,
  scope: string,
  indicator: string,
): SimulationSeriesResult | undefined {
  const series = inputs.simulation?.series ?? [];
  return (
    series.find((s) => s.scope === scope && s.indicator === indicator) ??
    series.find((s) => s.scope === `${scope}-own` && s.indicator === indicator)
  );
}

/** Tolerance when matching a quantile level (levels are fractions written as decimals). */
const LEVEL_TOLERANCE = 1e-9;

/** The simulated bands (95%, 80%, 50%) among the quantile levels a run computed. */
const BANDS = [
  { band: "95%", lo: 0.025, hi: 0.975 },
  { band: "80%", lo: 0.1, hi: 0.9 },
  { band: "50%", lo: 0.25, hi: 0.75 },
] as const;

/**
 * The simulated bands of a scope's indicator: from the Monte Carlo result's series when given,
 * else from the quantiles the assessment carries for a target on that series. Empty when neither
 * has them or the run's quantile levels do not include a band's ends.
 */
export function simulatedBands(inputs: ChartInputs, scope: string, indicator: string): BandPoint[] {
  const fromRun = runSeries(inputs, scope, indicator);
  if (fromRun !== undefined && inputs.simulation !== undefined)
    return bandsOf(inputs.simulation.quantiles, fromRun.years, fromRun.quantiles);
  const sim = inputs.assessment.simulation;
  const fan = sim?.targets?.find(
    (t) => t.fan?.scope === scope && t.fan.indicator === indicator,
  )?.fan;
  if (fan === undefined || fan === null || sim?.quantiles === undefined) return [];
  return bandsOf(sim.quantiles, fan.years, fan.quantiles);
}

function bandsOf(
  levels: readonly number[],
  years: readonly number[],
  quantiles: readonly (readonly number[])[],
): BandPoint[] {
  const at = (p: number) => levels.findIndex((l) => Math.abs(l - p) < LEVEL_TOLERANCE);
  const out: BandPoint[] = [];
  for (const { band, lo, hi } of BANDS) {
    const i = at(lo);
    const j = at(hi);
    if (i < 0 || j < 0) continue;
    years.forEach((year, t) => {
      const lower = quantiles[t]?.[i];
      const upper = quantiles[t]?.[j];
      if (lower !== undefined && upper !== undefined) out.push({ year, lower, upper, band });
    });
  }
  return out;
}

/** The simulated median of a series by year, when the run has the 0.5 level. */
export function simulatedMedian(
  inputs: ChartInputs,
  scope: string,
  indicator: string,
): YearValue[] {
  const run = inputs.simulation;
  const series = runSeries(inputs, scope, indicator);
  if (run === undefined || series === undefined) return [];
  const k = run.quantiles.findIndex((l) => Math.abs(l - 0.5) < LEVEL_TOLERANCE);
  if (k < 0) return [];
  return series.years.flatMap((year, t) => {
    const value = series.quantiles[t]?.[k];
    return value === undefined ? [] : [{ year, value }];
  });
}

/** The Chinese and English names of a place or group, from the pack (else its id twice). */
export function scopeNames(
  pack: RegionPack | undefined,
  scope: string,
): { readonly zh: string; readonly en: string } {
  const found =
    pack?.dataset.places.find((p) => p.id === scope) ??
    pack?.dataset.groups.find((g) => g.id === scope);
  return found === undefined ? { zh: scope, en: scope } : { zh: found.nameZh, en: found.nameEn };
}

/** The sign of a comparator as a reader writes it: ≥, ≤ or ≈. */
export function comparatorSign(comparator: ">=" | "<=" | "about"): string {
  return comparator === ">=" ? "≥" : comparator === "<=" ? "≤" : "≈";
}
