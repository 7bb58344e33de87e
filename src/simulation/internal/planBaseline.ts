import { toScale } from "../../models/modelScale.js";
import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";
import { type Indicator, indicatorBounds } from "../../schemas/indicator.js";
import type { PlannedSeries } from "./planSeries.js";

/** The last observed year of a series (`fallback` when it has no observation). */
export function lastObservedYear(series: ScopeSeries, fallback: number): number {
  return series.observed[series.observed.length - 1]?.year ?? fallback;
}

/**
 * The plan's base year: the simulation starts after the earliest last observation among the
 * series it needs (the year before `toYear` when it needs none).
 */
export function planBaseYear(series: Iterable<PlannedSeries>, toYear: number): number {
  const last = [...series].map((m) => lastObservedYear(m.series, toYear));
  return last.length === 0 ? toYear - 1 : Math.min(...last);
}

/**
 * Every simulated series' baseline over `baseYear + 1 … toYear` on its indicator's modelling
 * scale (see {@link pathOnScale}), by key; undefined where the series has none.
 */
export function planBaselines(
  series: ReadonlyMap<string, PlannedSeries>,
  indicatorOf: (id: string) => Indicator | undefined,
  baseYear: number,
  toYear: number,
): Map<string, number[] | undefined> {
  const paths = new Map<string, number[] | undefined>();
  for (const [key, m] of series) {
    // Every registered series' indicator is in the plan (a reference's pseudo-indicator too).
    const indicator = indicatorOf(m.series.indicator) as Indicator;
    const bounds = indicatorBounds(indicator) as [number, number];
    paths.set(key, pathOnScale(m.series, baseYear + 1, toYear, indicator, bounds));
  }
  return paths;
}

/**
 * Why a series has no baseline: its data start after the first simulated year, or a value is
 * outside its modelling scale's domain.
 */
export function noBaselineReason(series: ScopeSeries, baseYear: number): string {
  const first = Math.min(...series.observed.map((o) => o.year), ...series.years);
  return first > baseYear + 1
    ? `no value of ${series.indicator} for ${series.scope} in ${baseYear + 1}, the first simulated year (its observations start in ${first})`
    : `${series.indicator} for ${series.scope} has a value outside its modelling scale's domain`;
}

/**
 * The deterministic path of a series over `from … to` on the modelling scale: observed values,
 * then the projection; years inside the observed span without an observation are interpolated
 * linearly on the modelling scale (geometrically for levels). Undefined if a value is outside
 * the scale's domain.
 */
export function pathOnScale(
  series: ScopeSeries,
  from: number,
  to: number,
  indicator: Indicator,
  bounds: [number, number],
): number[] | undefined {
  const known: { year: number; y: number }[] = [];
  const years = [...new Set([...series.observed.map((p) => p.year), ...series.years])].sort(
    (a, b) => a - b,
  );
  for (const year of years) {
    const v = seriesValue(series, year);
    if (v === undefined) continue;
    try {
      known.push({ year, y: toScale(v, indicator.scale, bounds) });
    } catch {
      return undefined;
    }
  }
  const out: number[] = [];
  for (let year = from; year <= to; year++) {
    const exact = known.find((k) => k.year === year);
    if (exact !== undefined) {
      out.push(exact.y);
      continue;
    }
    const before = [...known].reverse().find((k) => k.year < year);
    const after = known.find((k) => k.year > year);
    if (before === undefined || after === undefined) return undefined;
    out.push(before.y + ((after.y - before.y) * (year - before.year)) / (after.year - before.year));
  }
  return out;
}
