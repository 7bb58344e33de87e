import type { COMPARATOR, CodeOf, OP, SOURCE, TRANSFORM } from "./kernelCodes.js";

/** Value transform applied before a histogram insert (a {@link TRANSFORM} code). */
export type KernelTransform = CodeOf<typeof TRANSFORM>;

/** Where a histogram or a sampled path reads its values (a {@link SOURCE} code). */
export type KernelSource = CodeOf<typeof SOURCE>;

/** A computation on per-path value buffers, run every year after the series update. */
export type KernelOp =
  /** out = Σ inputs (a group sum). */
  | { readonly op: typeof OP.sum; readonly out: number; readonly inputs: readonly number[] }
  /** out = scale · num / den (a group ratio or a share measure). */
  | {
      readonly op: typeof OP.ratio;
      readonly out: number;
      readonly num: number;
      readonly den: number;
      readonly scale: number;
    }
  /** out = Σ w·v / Σ w (a weighted mean). */
  | {
      readonly op: typeof OP.weightedMean;
      readonly out: number;
      readonly inputs: readonly number[];
      readonly weights: readonly number[];
    }
  /** out += input from year fromT on (a cumulative sum; out starts at 0 in every block). */
  | {
      readonly op: typeof OP.cumulative;
      readonly out: number;
      readonly input: number;
      readonly fromT: number;
    }
  /**
   * out = a formula of the inputs (a derived indicator): the program's `code` (pairs of a
   * `FORMULA_OP` code and its argument) and `constants`, run on a stack of `depth` rows, symbol k
   * read from value buffer `inputs[k]`.
   */
  | {
      readonly op: typeof OP.formula;
      readonly out: number;
      readonly inputs: readonly number[];
      readonly code: readonly number[];
      readonly constants: readonly number[];
      readonly depth: number;
    };

/** One histogram: which values it counts in which year, and its fixed grid. */
export interface KernelHistogram {
  /** Year index 1 … T. */
  readonly t: number;
  /** `SOURCE.series`: the series' modelling-scale value `baseline + Σe`; `SOURCE.buffer`. */
  readonly srcKind: KernelSource;
  readonly src: number;
  readonly transform: KernelTransform;
  /** Bounds of the logit transform. */
  readonly tlo: number;
  readonly thi: number;
  /** Grid: bin k covers [gridLo + k·width, gridLo + (k + 1)·width). */
  readonly gridLo: number;
  readonly invWidth: number;
  readonly bins: number;
  /** Offset of the histogram's bins in the shared counts array. */
  readonly offset: number;
  /** Index of an identical earlier histogram (same values, year and grid) it shares, or −1. */
  readonly alias: number;
}

/** One condition of a compiled target: value buffer, comparator code, thresholds by year. */
export interface KernelCondition {
  readonly src: number;
  /** A {@link COMPARATOR} code. */
  readonly cmp: CodeOf<typeof COMPARATOR>;
  readonly tolerance: number;
  /** thresholds[t] for t = 1 … T (index 0 unused); NaN where the condition cannot hold. */
  readonly thresholds: Float64Array;
}

/** A compiled target: the years scanned and its conditions. */
export interface KernelTarget {
  readonly fromT: number;
  readonly toT: number;
  /** Due year index, or 0 for a target met in any year of the window. */
  readonly dueT: number;
  readonly conditions: readonly KernelCondition[];
}

/** What a sampled path records: a series' value or a value buffer. */
export interface KernelSampleSeries {
  readonly srcKind: KernelSource;
  readonly src: number;
}

/** A simulation compiled for the kernel: structured-cloneable (sent to every worker). */
export interface KernelSpec {
  readonly seed: number;
  readonly totalPaths: number;
  readonly blockSize: number;
  /** Number of simulated years T. */
  readonly years: number;
  /** Series (active place × indicator), grouped by indicator: indicator k owns series
   * `indicatorStart[k] … indicatorStart[k + 1] − 1`. */
  readonly indicatorStart: Int32Array;
  /** Stream key of each indicator's common factor. */
  readonly indicatorKey: Float64Array;
  /** Stream key of each series' own shocks. */
  readonly seriesKey: Float64Array;
  /** Baseline on the modelling scale, series-major: `seriesBase[s·T + t − 1]`. */
  readonly seriesBase: Float64Array;
  /** Loadings sigma·√rho (common) and sigma·√(1 − rho) (own), and persistence phi. */
  readonly seriesA: Float64Array;
  readonly seriesB: Float64Array;
  readonly seriesPhi: Float64Array;
  /** First year t (1-based) in which a series receives shocks; before it, it follows its baseline. */
  readonly seriesStart: Int32Array;
  /** [s·T + t − 1] → the calibration factor of series s's cumulated shock in year t (1 before its start). */
  readonly seriesSpread: Float64Array;
  /** A `SERIES_SCALE` code per series. */
  readonly seriesScale: Int32Array;
  readonly seriesLo: Float64Array;
  readonly seriesHi: Float64Array;
  /** Value buffer the series' original-scale value is written to each year, or −1. */
  readonly seriesValue: Int32Array;
  /**
   * Value buffer of the group sum the series update adds the series' value into (a sum of series
   * values that nothing else reads, see `fuseSeriesSums`), or −1.
   */
  readonly seriesSumInto: Int32Array;
  /** 1 for the first series (in series order) of its fused sum: it writes, the others add. */
  readonly seriesSumFirst: Uint8Array;
  readonly valueBuffers: number;
  /** The ops to run each year, in order (fused sums left out). */
  readonly ops: readonly KernelOp[];
  readonly histograms: readonly KernelHistogram[];
  readonly totalBins: number;
  readonly targets: readonly KernelTarget[];
  /** Number of leading paths (global path index) kept whole, and what each records. */
  readonly samplePaths: number;
  readonly sampleSeries: readonly KernelSampleSeries[];
}

/** What one block returns: its paths, and its sampled paths (`k × series × T`, or null). */
export interface KernelBlockOutput {
  readonly block: number;
  readonly paths: number;
  readonly sample: Float64Array | null;
}

/**
 * The accumulated state: `counts` (all histograms' bins), `extras` (per histogram: under, over,
 * invalid, min, max; see `EXTRA`), `met` (per target) and `firstYear` (per target: never,
 * t = 1 … T).
 */
export interface KernelState {
  readonly counts: Uint32Array;
  readonly extras: Float64Array;
  readonly met: Float64Array;
  readonly firstYear: Float64Array;
}

/**
 * The per-path working arrays of a kernel, `blockSize` entries per row, shared by its parts:
 * `e` the AR(1) shock and `d` its cumulated sum per series, `f` the common factor's normals and
 * `z` a series' own normals (single precision), `scratch` a row of doubles for the ops and the
 * histograms of the year, `values` the value buffers.
 */
export interface KernelBuffers {
  readonly e: Float32Array;
  readonly d: Float32Array;
  readonly f: Float32Array;
  readonly z: Float32Array;
  /** B doubles of scratch: the histograms' transformed values, a weighted mean's weights. */
  readonly scratch: Float64Array;
  readonly values: Float64Array;
}
