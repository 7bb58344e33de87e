import type {
  SimulationHistogramState,
  SimulationResult,
  SimulationSeriesResult,
  SimulationTargetResult,
} from "../simulationResult.js";
import { histogramQuantiles } from "./quantileHistogram.js";
import { logistic } from "./valueBounds.js";

/** What a result's summaries are laid out by: taken from the compiled plan or from a result. */
export interface SimulationLayout {
  readonly years: readonly number[];
  readonly quantiles: readonly number[];
  readonly series: readonly {
    readonly scope: string;
    readonly indicator: string;
    readonly kind: "place" | "group";
  }[];
  readonly targets: readonly {
    readonly id: string;
    readonly year: number | null;
    readonly evaluatedYear: number;
    readonly windowYears: readonly number[];
    readonly thresholds: readonly number[];
  }[];
}

/** The layout of an existing result (for merging). */
export function layoutOf(result: SimulationResult): SimulationLayout {
  return {
    years: result.years,
    quantiles: result.quantiles,
    series: result.series.map(({ scope, indicator, kind }) => ({ scope, indicator, kind })),
    targets: result.targets.map((t) => ({
      id: t.id,
      year: t.year,
      evaluatedYear: t.evaluatedYear,
      windowYears: t.firstYearMet.years,
      thresholds: t.conditions.map((c) => c.threshold),
    })),
  };
}

/** A histogram of a state to summarise: a result's, or a view on the kernel's counts. */
export type HistogramCountsOf = Omit<SimulationHistogramState, "counts"> & {
  readonly counts: ArrayLike<number>;
};

/**
 * A state to summarise: a result's `SimulationState`, or one on the kernel's typed arrays
 * (`simulationStateView`).
 */
export interface SummarisableState {
  readonly met: ArrayLike<number>;
  readonly firstYear: readonly ArrayLike<number>[];
  readonly histograms: readonly HistogramCountsOf[];
}

function quantilesOf(
  h: HistogramCountsOf,
  levels: readonly number[],
  counted: number | undefined,
): { values: number[]; outside: number } {
  const [lo, hi] = h.bounds;
  const back =
    h.scale === "log"
      ? Math.exp
      : h.scale === "logit"
        ? (y: number) => logistic(y, lo, hi)
        : (y: number) => y;
  return histogramQuantiles(
    h,
    { lo: h.gridLo, width: h.binWidth, invWidth: 1 / h.binWidth, bins: h.bins },
    levels,
    back,
    counted,
  );
}

/**
 * Derives a result's summaries (probabilities, first-year distributions, gap and fan-chart
 * quantiles) from its exact state. `simulate` and `mergeSimulationResults` both go through here,
 * so a merged result equals a single run's whenever their states are equal. `counted` is set by
 * `simulate` only, whose kernel counts each of the `paths` once in every histogram (see
 * `histogramQuantiles`); a merged state's counts are added up instead.
 */
export function summariseSimulation(
  layout: SimulationLayout,
  state: SummarisableState,
  paths: number,
  counted?: number,
): { targets: SimulationTargetResult[]; series: SimulationSeriesResult[] } {
  const T = layout.years.length;
  const levels = layout.quantiles;
  const series = layout.series.map((s, k): SimulationSeriesResult => {
    const quantiles: number[][] = [];
    let errorBound = 0;
    let outsideGrid = 0;
    let scale: SimulationHistogramState["scale"] = "linear";
    for (let t = 0; t < T; t++) {
      const h = state.histograms[k * T + t]!;
      const q = quantilesOf(h, levels, counted);
      quantiles.push(q.values);
      outsideGrid += q.outside;
      errorBound = Math.max(errorBound, h.binWidth);
      scale = h.scale;
    }
    return { ...s, years: layout.years, quantiles, scale, errorBound, outsideGrid };
  });
  let h = layout.series.length * T;
  const targets = layout.targets.map((t, k): SimulationTargetResult => {
    const met = state.met[k]!;
    const p = met / paths;
    const counts = state.firstYear[k]!;
    const firstT = t.windowYears.length === 0 ? 1 : t.windowYears[0]! - (layout.years[0]! - 1);
    const probabilities = t.windowYears.map((_, j) => counts[firstT + j]! / paths);
    const conditions = t.thresholds.map((threshold) => {
      const value = quantilesOf(state.histograms[h++]!, levels, counted).values;
      const gap = value.map((v) => v - threshold);
      const relativeGap = threshold === 0 ? null : gap.map((g) => g / Math.abs(threshold));
      return { threshold, value, gap, relativeGap };
    });
    return {
      id: t.id,
      year: t.year,
      evaluatedYear: t.evaluatedYear,
      probability: p,
      standardError: Math.sqrt((p * (1 - p)) / paths),
      firstYearMet: { years: t.windowYears, probabilities, never: counts[0]! / paths },
      conditions,
    };
  });
  return { targets, series };
}
