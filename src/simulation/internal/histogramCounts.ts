import type { KernelCodes } from "./kernelCodes.js";
import type { KernelBuffers, KernelSpec } from "./kernelSpec.js";

/** The histograms of a kernel: counted year by year, read once at the end. */
export interface HistogramCounts {
  /** Counts the block's values in every histogram of year t. */
  count(t: number, len: number): void;
  /** All histograms' bins (an alias shares its original's). */
  readonly counts: Uint32Array;
  /** Per histogram: under, over, invalid, min, max (`EXTRA`). */
  readonly extras: Float64Array;
  /** Gives each alias its original's extras; call before reading `extras`. */
  settleAliases(): void;
}

/**
 * The kernel's fixed-grid histograms (see `KernelHistogram`): each year, every histogram of that
 * year transforms its values (identity, log or logit) and counts them in its bins, or as under,
 * over or invalid, keeping the exact minimum and maximum. An alias (the same values, year and grid
 * as an earlier histogram) is not counted twice.
 *
 * Self-contained (shipped to worker threads as source): its collaborators come in as arguments.
 */
export function createHistogramCounts(
  spec: KernelSpec,
  buffers: KernelBuffers,
  codes: KernelCodes,
): HistogramCounts {
  const B = spec.blockSize;
  const T = spec.years;
  const { d, z, values } = buffers;
  const IDENTITY = codes.transform.identity;
  const LOG = codes.transform.log;
  const SERIES = codes.source.series;
  const X = codes.extra.size;
  const UNDER = codes.extra.under;
  const OVER = codes.extra.over;
  const INVALID = codes.extra.invalid;
  const MIN = codes.extra.min;
  const MAX = codes.extra.max;
  const nHist = spec.histograms.length;
  const counts = new Uint32Array(spec.totalBins);
  const extras = new Float64Array(X * nHist);
  for (let h = 0; h < nHist; h++) {
    extras[X * h + MIN] = Number.POSITIVE_INFINITY;
    extras[X * h + MAX] = Number.NEGATIVE_INFINITY;
  }
  const byYear: number[][] = [];
  for (let t = 0; t <= T; t++) byYear.push([]);
  for (let h = 0; h < nHist; h++)
    if (spec.histograms[h]!.alias < 0) byYear[spec.histograms[h]!.t]!.push(h);

  function insert(h: number, t: number, len: number): void {
    const hist = spec.histograms[h]!;
    const lo = hist.gridLo;
    const inv = hist.invWidth;
    const bins = hist.bins;
    const off = hist.offset;
    let under = 0;
    let over = 0;
    let invalid = 0;
    let min = extras[X * h + MIN]!;
    let max = extras[X * h + MAX]!;
    let srcOff: number;
    let shift = 0;
    // A series' histogram reads its cumulated shock d: value = baseline + k·d (k its calibration).
    let k = 1;
    let data: Float64Array;
    if (hist.srcKind === SERIES) {
      data = d;
      srcOff = hist.src * B;
      shift = spec.seriesBase[hist.src * T + t - 1]!;
      k = spec.seriesSpread[hist.src * T + t - 1]!;
    } else {
      data = values;
      srcOff = hist.src * B;
    }
    // Transform into the scratch buffer z (free once the series are updated), then count.
    const transform = hist.transform;
    if (transform === IDENTITY) for (let n = 0; n < len; n++) z[n] = k * data[srcOff + n]! + shift;
    else if (transform === LOG) for (let n = 0; n < len; n++) z[n] = Math.log(data[srcOff + n]!);
    else {
      const tlo = hist.tlo;
      const thi = hist.thi;
      for (let n = 0; n < len; n++) {
        const v = data[srcOff + n]!;
        z[n] = Math.log((v - tlo) / (thi - v));
      }
    }
    for (let n = 0; n < len; n++) {
      const y = z[n]!;
      const u = (y - lo) * inv;
      if (u >= 0 && u < bins) {
        const k = off + (u | 0);
        counts[k] = counts[k]! + 1;
      } else if (u < 0) under++;
      else if (u >= bins) over++;
      else invalid++;
      if (y < min) min = y;
      if (y > max) max = y;
    }
    extras[X * h + UNDER] = extras[X * h + UNDER]! + under;
    extras[X * h + OVER] = extras[X * h + OVER]! + over;
    extras[X * h + INVALID] = extras[X * h + INVALID]! + invalid;
    extras[X * h + MIN] = min;
    extras[X * h + MAX] = max;
  }

  return {
    count: (t, len) => {
      for (const h of byYear[t]!) insert(h, t, len);
    },
    counts,
    extras,
    settleAliases: () => {
      // An alias shares its original's bins (same offset); copy its under/over/min/max too.
      for (let h = 0; h < nHist; h++) {
        const alias = spec.histograms[h]!.alias;
        if (alias >= 0) for (let j = 0; j < X; j++) extras[X * h + j] = extras[X * alias + j]!;
      }
    },
  };
}
