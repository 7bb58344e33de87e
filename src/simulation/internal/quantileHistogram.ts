/**
 * Fixed-grid histograms for exactly mergeable quantiles.
 *
 * A histogram counts values on a fixed grid of `bins` equal bins over [lo, hi) on a scale where
 * equal widths mean equal relative errors (the modelling scale: log for levels, logit for rates),
 * plus the counts below and above the grid and of NaN values, and the exact smallest and largest
 * value. The grid depends only on the plan (never on the data), so histograms of different path
 * blocks add up bin by bin, exactly, in any order.
 *
 * A quantile's order statistics are located in their bin and placed inside it by linear
 * interpolation on the rank, so each estimate lies in the same bin as the true order statistic:
 * its error is below one bin width `w` on the histogram's scale (a relative error below
 * `e^w − 1` on the log scale). Grids have bins of `HISTOGRAM_WIDTH` = 2^-11 on the log and logit
 * scales (relative error < 0.049%) unless that would need more than `HISTOGRAM_MAX_BINS` bins;
 * linear-scale grids use `2^-11 · max(|lo|, |hi|)`. An estimate outside the grid (in the under- or
 * overflow) is interpolated between the exact minimum (maximum) and the grid edge and counted as
 * `outside`.
 */

/** The scale a histogram counts values on. */
export type HistogramScale = "log" | "logit" | "linear";

/** Nominal bin width on the log and logit scales: 2^-11, a relative error below 0.049%. */
export const HISTOGRAM_WIDTH = 2 ** -11;
/** Most bins in one histogram (64 KiB of 32-bit counts). */
export const HISTOGRAM_MAX_BINS = 16384;
/** Fewest bins in one histogram. */
export const HISTOGRAM_MIN_BINS = 16;

/** A fixed grid: bin k covers [lo + k·width, lo + (k + 1)·width). */
export interface HistogramGrid {
  readonly lo: number;
  readonly width: number;
  readonly invWidth: number;
  readonly bins: number;
}

/**
 * The grid covering [lo, hi] on a scale. A degenerate range (a deterministic series) is widened
 * to a few units in the last place of its magnitude, so rounding noise stays inside.
 */
export function histogramGrid(lo: number, hi: number, scale: HistogramScale): HistogramGrid {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi >= lo))
    throw new RangeError(`histogramGrid: the range must be finite (got [${lo}, ${hi}])`);
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi), 1);
  const minHalf = 2 ** -30 * magnitude;
  let a = lo;
  let b = hi;
  if (b - a < 2 * minHalf) {
    const c = 0.5 * (a + b);
    a = c - minHalf;
    b = c + minHalf;
  }
  const unit =
    scale === "linear" ? HISTOGRAM_WIDTH * Math.max(Math.abs(a), Math.abs(b)) : HISTOGRAM_WIDTH;
  const bins = Math.min(
    HISTOGRAM_MAX_BINS,
    Math.max(HISTOGRAM_MIN_BINS, Math.ceil((b - a) / unit)),
  );
  const width = (b - a) / bins;
  return { lo: a, width, invWidth: 1 / width, bins };
}

/** Counts of one histogram: bins `offset … offset + counts.length − 1` (others are 0). */
export interface HistogramCounts {
  readonly offset: number;
  readonly counts: ArrayLike<number>;
  readonly under: number;
  readonly over: number;
  readonly invalid: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Quantiles (type 7 of Hyndman & Fan 1996, NumPy's and R's default: linear interpolation between
 * the order statistics at rank (n − 1)·q) of the values counted, on the original scale given by
 * `back` (the inverse of the histogram's transform). NaN values are left out; with no values
 * every quantile is NaN. `counted`, when given, is how many values the histogram counted, NaN
 * included (a run's paths: the kernel counts every path once in every histogram), which spares a
 * pass over the counts to add them up.
 */
export function histogramQuantiles(
  histogram: HistogramCounts,
  grid: HistogramGrid,
  levels: readonly number[],
  back: (y: number) => number,
  counted?: number,
): { values: number[]; outside: number } {
  const { counts, offset, under, over, invalid, min, max } = histogram;
  let inGrid = 0;
  if (counted !== undefined) inGrid = counted - under - over - invalid;
  else for (let j = 0; j < counts.length; j++) inGrid += counts[j]!;
  const n = under + inGrid + over;
  if (n === 0) return { values: levels.map(() => Number.NaN), outside: 0 };
  // Every rank needed, ascending, with where it came from.
  const ranks: number[] = [];
  for (const q of levels) {
    const h = (n - 1) * q;
    const k0 = Math.floor(h);
    ranks.push(k0, Math.min(k0 + 1, n - 1));
  }
  const order = ranks.map((_, i) => i).sort((i, j) => ranks[i]! - ranks[j]!);
  const estimate = new Array<number>(ranks.length).fill(Number.NaN);
  let outside = 0;
  const gridHi = grid.lo + grid.bins * grid.width;
  let j = 0;
  let before = under;
  for (const idx of order) {
    const k = ranks[idx]!;
    let y: number;
    if (k < under) {
      y = min + ((k + 0.5) / under) * (grid.lo - min);
      outside++;
    } else if (k >= under + inGrid) {
      const r = k - under - inGrid;
      y = gridHi + ((r + 0.5) / over) * (max - gridHi);
      outside++;
    } else {
      while (before + counts[j]! <= k) {
        before += counts[j]!;
        j++;
      }
      const c = counts[j]!;
      y = grid.lo + (offset + j + (k - before + 0.5) / c) * grid.width;
      y = Math.min(max, Math.max(min, y));
    }
    estimate[idx] = back(y);
  }
  const values = levels.map((q, i) => {
    const h = (n - 1) * q;
    const frac = h - Math.floor(h);
    const v0 = estimate[2 * i]!;
    const v1 = estimate[2 * i + 1]!;
    return frac === 0 ? v0 : v0 + frac * (v1 - v0);
  });
  return { values, outside };
}
