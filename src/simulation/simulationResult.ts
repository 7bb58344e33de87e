/**
 * The distribution of one target over the simulated paths (part of a {@link SimulationResult}).
 * Probabilities are fractions of the paths of the result.
 */
export interface SimulationTargetResult {
  readonly id: string;
  /** The year the target is due, or null for a target met in any year of its window. */
  readonly year: number | null;
  /** The year its gap is measured in: `year`, or the window's last year when `year` is null. */
  readonly evaluatedYear: number;
  /** Probability of attainment: met in `year` (or, with `year: null`, in some window year). */
  readonly probability: number;
  /** Monte Carlo standard error of `probability`, √(p(1 − p) / paths). */
  readonly standardError: number;
  /**
   * The first year every condition holds, over the window: the probability of each year and of
   * `never` (not met in any window year). They add up to 1.
   */
  readonly firstYearMet: {
    readonly years: readonly number[];
    readonly probabilities: readonly number[];
    readonly never: number;
  };
  /**
   * Per condition, in `evaluatedYear`, at the result's quantile levels: the measure, the gap
   * `measure − threshold` (in the measure's unit; positive = above the threshold) and the
   * relative gap `gap / |threshold|` (a fraction; null when the threshold is 0).
   */
  readonly conditions: readonly {
    /** The condition's threshold in `evaluatedYear`. */
    readonly threshold: number;
    readonly value: readonly number[];
    readonly gap: readonly number[];
    readonly relativeGap: readonly number[] | null;
  }[];
}

/** Quantiles of one (place or group) × indicator over the simulated years, for a fan chart. */
export interface SimulationSeriesResult {
  readonly scope: string;
  readonly indicator: string;
  readonly kind: "place" | "group";
  /** `baseYear + 1 … baseYear + T`. */
  readonly years: readonly number[];
  /** `quantiles[t][k]`: the value (original scale) in `years[t]` at the k-th quantile level. */
  readonly quantiles: readonly (readonly number[])[];
  /** Scale of the histogram the quantiles come from (see `errorBound`). */
  readonly scale: "log" | "logit" | "linear";
  /**
   * Largest possible error of a quantile, on `scale` (the widest bin over the years): on the log
   * scale a relative error of at most `e^errorBound − 1`.
   */
  readonly errorBound: number;
  /** Number of quantile estimates that fell outside the histogram grid (expected 0). */
  readonly outsideGrid: number;
}

/** The first paths of a run, kept whole for plotting. */
export interface SimulationSample {
  readonly scope: string;
  readonly indicator: string;
  /** `paths[k][t]`: value (original scale) of path k in year `baseYear + 1 + t`. */
  readonly paths: readonly (readonly number[])[];
}

/**
 * One histogram of the mergeable state. Its grid: `bins` bins of `binWidth` from `gridLo` on
 * `scale` (logit on `bounds`). Its counts: bins `offset … offset + counts.length − 1` (the other
 * bins are 0), values below and above the grid, NaN values, and the exact smallest and largest
 * value seen (on `scale`).
 */
export interface SimulationHistogramState {
  readonly scale: "log" | "logit" | "linear";
  readonly bounds: readonly [number, number];
  readonly gridLo: number;
  readonly binWidth: number;
  readonly bins: number;
  readonly offset: number;
  readonly counts: readonly number[];
  readonly under: number;
  readonly over: number;
  readonly invalid: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The exact, mergeable state of a run: integer counts (and exact minima and maxima), so results
 * of block ranges add up to the result of one run bit for bit.
 */
export interface SimulationState {
  /** Per target: paths that met it in its due year (or, with `year: null`, in some window year). */
  readonly met: readonly number[];
  /** Per target: paths by first year met, `[never, year 1, …, year T]`. */
  readonly firstYear: readonly (readonly number[])[];
  /** Fan-chart histograms (series × year, in `series` order) then one per target condition. */
  readonly histograms: readonly SimulationHistogramState[];
}

/**
 * The result of {@link simulate} (or of {@link mergeSimulationResults}): plain JSON data.
 * Summaries (probabilities, quantiles) are derived from `state`, which is what merging adds up.
 */
export interface SimulationResult {
  readonly engine: {
    readonly name: "regionsim-mc";
    readonly version: 1;
    readonly blockSize: number;
  };
  readonly seed: number;
  /** Paths of the whole run (the `paths` option). */
  readonly totalPaths: number;
  /** Paths in this result (all of them, or those of `blocks`). */
  readonly paths: number;
  /** Half-open range of path blocks this result covers. */
  readonly blocks: { readonly from: number; readonly to: number };
  /** Hash of the plan and of the options that shape the state; merging requires equal ones. */
  readonly fingerprint: string;
  readonly baseYear: number;
  readonly years: readonly number[];
  /** Quantile levels (fractions) of every quantile list in the result. */
  readonly quantiles: readonly number[];
  readonly targets: readonly SimulationTargetResult[];
  readonly series: readonly SimulationSeriesResult[];
  /** Number of leading paths kept whole (the `samplePaths` option). */
  readonly samplePaths: number;
  /**
   * Per fan-chart series, the paths among the run's first `samplePaths` that fall in this
   * result's blocks (all of them for a whole run), in path order.
   */
  readonly samples: readonly SimulationSample[];
  /**
   * The exact, mergeable state. In a result of `simulate` it is an accessor that builds the plain
   * data when first read (a run's hundreds of thousands of counts, which most callers never read)
   * and returns the same object after; it is enumerable, so `JSON.stringify`, structured clones
   * and spreading see the data, and `console.log` shows `[Getter/Setter]`.
   */
  readonly state: SimulationState;
}
