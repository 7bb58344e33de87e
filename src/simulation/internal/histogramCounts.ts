import type { KernelCodes } from "./kernelCodes.js";
import type { KernelMemory } from "./kernelMemory.js";
import type { KernelSpec } from "./kernelSpec.js";
import type { ZigguratTables } from "./ziggurat.js";

/** The histograms of a kernel: counted year by year, read once at the end. */
export interface HistogramCounts {
  /** Counts the block's values in every histogram of year t. */
  count(t: number, len: number): void;
  /**
   * All histograms' bins (an alias shares its original's): the kernel memory's `counts`, a view
   * that the kernel copies when it hands its state over.
   */
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
 * The log transform is the table-driven logarithm of `tables` (`logInv`, `logF`; Tang 1990): by
 * the WebAssembly module where the memory has it (`KernelMemory.logValues`), else by the same
 * formula below, so both give the same counts. Math.log cost two to three times as much, and the
 * logarithms of the group sums were the largest part of the histograms' time.
 *
 * Self-contained (shipped to worker threads as source): its collaborators come in as arguments.
 */
export function createHistogramCounts(
  spec: KernelSpec,
  memory: KernelMemory,
  tables: ZigguratTables,
  codes: KernelCodes,
): HistogramCounts {
  const B = spec.blockSize;
  const T = spec.years;
  const { d, scratch: z, values } = memory.buffers;
  const { logInv, logF } = tables;
  // A double's bits, for the logarithm's exponent and fraction: HI is the index of its high word
  // in the platform's byte order (1 where little-endian).
  const bits = new Float64Array(1);
  const words = new Int32Array(bits.buffer);
  bits[0] = 1;
  const HI = words[1] === 0x3ff00000 ? 1 : 0;
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
  const counts = memory.counts;
  const wasmExtras = memory.histogramExtras;
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
    const min = extras[X * h + MIN]!;
    const max = extras[X * h + MAX]!;
    let srcOff: number;
    let shift = 0;
    // A series' histogram reads its cumulated shock d: value = baseline + k·d (k its calibration).
    let k = 1;
    let data: Float32Array | Float64Array;
    if (hist.srcKind === SERIES) {
      data = d;
      srcOff = hist.src * B;
      shift = spec.seriesBase[hist.src * T + t - 1]!;
      k = spec.seriesSpread[hist.src * T + t - 1]!;
    } else {
      data = values;
      srcOff = hist.src * B;
    }
    // Transform into the scratch row z (doubles), then count.
    const transform = hist.transform;
    if (transform === IDENTITY) for (let n = 0; n < len; n++) z[n] = k * data[srcOff + n]! + shift;
    else if (transform === LOG) {
      // (A series' own histograms are on its modelling scale: IDENTITY; a log is of values.)
      if (memory.logValues !== null && data === values)
        memory.logValues(memory.valuesPtr + 8 * srcOff, memory.scratchPtr, len);
      else
        for (let n = 0; n < len; n++) {
          // The formula of the module's `logs` (kernel.wat), operation for operation.
          const v = data[srcOff + n]!;
          bits[0] = v;
          const hi = words[HI]!;
          if (hi >= 0x00100000 && hi < 0x7ff00000) {
            const kf = (hi >>> 20) - 1023;
            const j = (hi >>> 12) & 255;
            words[HI] = (hi & 0x000fffff) | 0x3ff00000;
            const u = (bits[0]! - (1.001953125 + j * 0.00390625)) * logInv[j]!;
            const u2 = u * u;
            z[n] =
              kf * 0.6931471803691238 +
              logF[j]! +
              (u +
                u2 * (-0.5 + u * 0.3333333333333333 + u2 * (-0.25 + u * 0.2)) +
                kf * 1.9082149292705877e-10);
          } else z[n] = Math.log(v);
        }
    } else {
      const tlo = hist.tlo;
      const thi = hist.thi;
      for (let n = 0; n < len; n++) {
        const v = data[srcOff + n]!;
        z[n] = Math.log((v - tlo) / (thi - v));
      }
    }
    if (memory.binValues !== null) {
      // The module's bins (the same loop, see `bins` in kernel.wat), counted in its memory.
      wasmExtras[0] = extras[X * h + UNDER]!;
      wasmExtras[1] = extras[X * h + OVER]!;
      wasmExtras[2] = extras[X * h + INVALID]!;
      wasmExtras[3] = min;
      wasmExtras[4] = max;
      memory.binValues(memory.scratchPtr, len, lo, inv, bins, memory.countsPtr + 4 * off);
      extras[X * h + UNDER] = wasmExtras[0]!;
      extras[X * h + OVER] = wasmExtras[1]!;
      extras[X * h + INVALID] = wasmExtras[2]!;
      extras[X * h + MIN] = wasmExtras[3]!;
      extras[X * h + MAX] = wasmExtras[4]!;
      return;
    }
    // The extremes kept per lane, values at even and at odd positions, then combined odd lane
    // first, as the module's two-lane `bins` does (the same numbers; ±0 ties resolve alike).
    let min0 = min;
    let min1 = min;
    let max0 = max;
    let max1 = max;
    for (let n = 0; n < len; n++) {
      const y = z[n]!;
      const u = (y - lo) * inv;
      if (u >= 0 && u < bins) {
        const k = off + (u | 0);
        counts[k] = counts[k]! + 1;
      } else if (u < 0) under++;
      else if (u >= bins) over++;
      else invalid++;
      if ((n & 1) === 0) {
        if (y < min0) min0 = y;
        if (max0 < y) max0 = y;
      } else {
        if (y < min1) min1 = y;
        if (max1 < y) max1 = y;
      }
    }
    extras[X * h + UNDER] = extras[X * h + UNDER]! + under;
    extras[X * h + OVER] = extras[X * h + OVER]! + over;
    extras[X * h + INVALID] = extras[X * h + INVALID]! + invalid;
    // biome-ignore lint/complexity/useMathMinMax: the module's pmin, whose ±0 tie differs from Math.min's
    extras[X * h + MIN] = min1 < min0 ? min1 : min0;
    // biome-ignore lint/complexity/useMathMinMax: the module's pmax, whose ±0 tie differs from Math.max's
    extras[X * h + MAX] = max0 < max1 ? max1 : max0;
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
