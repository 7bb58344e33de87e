import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";

/** Years from `from` to `to` inclusive. */
export function yearRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** Merged observed-then-projected path of a series from `from` on. */
export function pathFrom(series: ScopeSeries, from: number): { years: number[]; values: number[] } {
  const years = [...new Set([...series.observed.map((p) => p.year), ...series.years])]
    .filter((y) => y >= from)
    .sort((a, b) => a - b);
  return { years, values: years.map((y) => seriesValue(series, y) as number) };
}

/** The interval of a series in a projected year, when its model gives one. */
export function intervalAt(
  series: ScopeSeries,
  year: number,
  level: number,
): { lower: number; upper: number; level: number } | null {
  const k = series.years.indexOf(year);
  const lower = series.lower?.[k];
  const upper = series.upper?.[k];
  if (k < 0 || lower === undefined || upper === undefined) return null;
  // An interval that overflows (a log-scale bound beyond 1e308) has no finite edge to report.
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return null;
  return { lower, upper, level };
}
