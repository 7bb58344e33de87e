import type { PlanIndex } from "./planIndex.js";
import type { SeriesTable } from "./seriesTable.js";
import type { Interval } from "./valueBounds.js";

/**
 * Half-width of a histogram grid in standard deviations of a series' cumulated shock. A series
 * leaves its range with probability 2·Φ(−6) ≈ 2e-9; an aggregate only if a member does.
 */
const GRID_SDS = 6;

/**
 * The third stage of the kernel compile: per series and year t (index 0 unused), the
 * modelling-scale interval `baseline ± 6·sd` of its value, where Var(Σ_{s≤t} e_s) = sigma² ·
 * Σ_{j=1..t} ((1 − phi^j) / (1 − phi))² for AR(1) shocks e, times the series' calibration
 * factor of the year; before the series' first shocked
 * year it is the baseline itself. Histogram grids are laid over these intervals.
 */
export function seriesIntervals(index: PlanIndex, series: SeriesTable): Interval[][] {
  const { plan, years: T } = index;
  return series.place.map((p, s) => {
    const i = series.indicator[s]!;
    const ind = plan.indicators[i]!;
    const sigma = plan.sigma[p]![i]!;
    const base = plan.baseline[p]![i]!;
    const start = series.seriesStart[s]!;
    const intervals: Interval[] = [[0, 0]];
    let acc = 0;
    let power = 1;
    for (let t = 1; t <= T; t++) {
      if (t < start) {
        // No shocks before the series' first projected year: its value is the baseline.
        intervals.push([base[t - 1]!, base[t - 1]!]);
        continue;
      }
      power *= ind.phi;
      const c = (1 - power) / (1 - ind.phi);
      acc += c * c;
      const r = GRID_SDS * sigma * Math.sqrt(acc) * series.seriesSpread[s * T + t - 1]!;
      const b = base[t - 1]!;
      intervals.push([b - r, b + r]);
    }
    return intervals;
  });
}
