import { TRANSFORM } from "./kernelCodes.js";
import type { KernelHistogram, KernelSource, KernelTransform } from "./kernelSpec.js";
import { type HistogramGrid, type HistogramScale, histogramGrid } from "./quantileHistogram.js";
import { type Bounds, type Interval, logistic } from "./valueBounds.js";

/** What the summaries need to turn a histogram back into numbers on the original scale. */
export interface CompiledHistogram {
  readonly grid: HistogramGrid;
  readonly scale: HistogramScale;
  readonly back: (y: number) => number;
}

/**
 * The histograms of a run, in the order they were asked for, with their bins laid out in one
 * counts array. Passed explicitly from stage to stage; only {@link addHistogram} changes it.
 */
export interface HistogramTable {
  readonly kernel: KernelHistogram[];
  readonly compiled: CompiledHistogram[];
  totalBins: number;
  /** Index of the first histogram of each distinct (values, year, grid). */
  readonly keys: Map<string, number>;
}

/** An empty histogram table. */
export function createHistogramTable(): HistogramTable {
  return { kernel: [], compiled: [], totalBins: 0, keys: new Map() };
}

/** One histogram to add: the values it counts in year t, on which scale, over which interval. */
export interface HistogramRequest {
  readonly t: number;
  readonly srcKind: KernelSource;
  readonly src: number;
  readonly scale: HistogramScale;
  /** The interval of the values on `scale`, which the grid covers. */
  readonly interval: Interval;
  /** The bounds of the logit scale (ignored on other scales). */
  readonly range: readonly [number, number];
  /** The transform of the values, when not that of `scale` (series are already on theirs). */
  readonly transform?: KernelTransform;
}

const SCALE_TRANSFORM: Record<HistogramScale, KernelTransform> = {
  log: TRANSFORM.log,
  logit: TRANSFORM.logit,
  linear: TRANSFORM.identity,
};

/**
 * Adds a histogram on a fixed grid over `interval` (see `histogramGrid`) and returns its index.
 * A histogram of the same values in the same year on the same grid as an earlier one (a target
 * measured on a fan-chart series) is an alias: it shares the earlier one's bins.
 */
export function addHistogram(table: HistogramTable, request: HistogramRequest): number {
  const { t, srcKind, src, scale, interval } = request;
  const grid = histogramGrid(interval[0], interval[1], scale);
  const transform = request.transform ?? SCALE_TRANSFORM[scale];
  // Bounds matter only on the logit scale; elsewhere fix them so that equal histograms match.
  const [lo, hi] = scale === "logit" ? request.range : [0, 1];
  const key = [t, srcKind, src, transform, lo, hi, grid.lo, grid.width, grid.bins].join(":");
  const alias = table.keys.get(key);
  table.kernel.push({
    t,
    srcKind,
    src,
    transform,
    tlo: lo,
    thi: hi,
    gridLo: grid.lo,
    invWidth: grid.invWidth,
    bins: grid.bins,
    offset: alias === undefined ? table.totalBins : table.kernel[alias]!.offset,
    alias: alias ?? -1,
  });
  if (alias === undefined) {
    table.keys.set(key, table.kernel.length - 1);
    table.totalBins += grid.bins;
  }
  const back =
    scale === "log"
      ? Math.exp
      : scale === "logit"
        ? (y: number) => logistic(y, lo, hi)
        : (y: number) => y;
  table.compiled.push({ grid, scale, back });
  return table.kernel.length - 1;
}

/**
 * The scale to count a value with these bounds on, and its intervals there: `prefer` when the
 * bounds allow it, else log, then logit, then linear (finer grids for positive values).
 */
export function bestScale(
  bounds: Bounds,
  prefer: HistogramScale | undefined,
): { scale: HistogramScale; ivs: (Interval | undefined)[] } {
  if (prefer === "logit" && bounds.logit !== undefined)
    return { scale: "logit", ivs: bounds.logit };
  if (prefer === "linear") return { scale: "linear", ivs: bounds.lin };
  if (bounds.log !== undefined) return { scale: "log", ivs: bounds.log };
  if (bounds.logit !== undefined) return { scale: "logit", ivs: bounds.logit };
  return { scale: "linear", ivs: bounds.lin };
}
