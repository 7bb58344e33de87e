import type { KernelLibrary } from "./kernelLibrary.js";
import type { KernelMemory } from "./kernelMemory.js";
import type { KernelSpec } from "./kernelSpec.js";
import type { ZigguratTables } from "./ziggurat.js";

/**
 * Advances every series of a block by one year (see {@link createPathUpdate}); the generator
 * states are the memory's (`KernelMemory.seriesStates`, `factorStates`).
 */
export type PathUpdate = (t: number, len: number) => void;

/**
 * The yearly path update of the kernel, one fused pass per series: draw the series' normals,
 * update its AR(1) shock `e = phi·e + a·f + b·z` and cumulated shock `d += e`, and write its value
 * on the original scale (`exp`, a logistic on (lo, hi), or the identity of `baseline + k·d`, k the
 * series' calibration factor of the year) into its value buffer, or add it into a fused group sum
 * (`KernelSpec.seriesSumInto`). The normals and the shocks e and d are single-precision numbers
 * (every operation rounded to single precision), four to a 128-bit vector in WebAssembly; values
 * are doubles, a log-scale one exp(baseline)·expf(k·d) (see {@link logScaleValue}). Rounding a
 * shock to single precision changes it by less than 6e-8 of itself, and the roundings of d, a sum
 * of a few dozen shocks, add up slowly: over 40 years of wide shocks a value stays within 2e-6 of
 * the same recursion in doubles (a test), some two hundred times finer than a histogram bin
 * (2^-11) and far below any Monte Carlo error. Each series and factor draws from four
 * generator lanes, lane j
 * drawing paths j, j + 4, …. Where the memory has the WebAssembly module, it draws the normals
 * (`KernelMemory.normals`) and updates log-scale series with a value, the bulk of a plan
 * (`logUpdate`), with the same arithmetic as the loops below, bit for bit; the rest, and
 * everything where WebAssembly is unavailable, is done by the loops below.
 *
 * Self-contained (shipped to worker threads as source): its collaborators come in as arguments.
 */
export function createPathUpdate(
  spec: KernelSpec,
  memory: KernelMemory,
  tables: ZigguratTables,
  lib: Pick<
    KernelLibrary,
    "codes" | "fillNormals" | "normalSlowPath" | "logBaseScale" | "logScaleValue"
  >,
): PathUpdate {
  const B = spec.blockSize;
  const T = spec.years;
  const nIndicators = spec.indicatorStart.length - 1;
  const { e, d, f, z, values } = memory.buffers;
  const { seriesStates, factorStates, normals, logUpdate } = memory;
  const fillNormals = lib.fillNormals;
  const slowPath = lib.normalSlowPath;
  const LOG = lib.codes.seriesScale.log;
  const LOGIT = lib.codes.seriesScale.logit;
  const { logBaseScale, logScaleValue } = lib;
  const fround = Math.fround;

  function updateSeries(s: number, t: number, len: number): void {
    const state = seriesStates[s]!;
    // Normals are drawn every year (streams stay aligned); shocks apply from the series' start.
    const live = t >= spec.seriesStart[s]!;
    const a = live ? spec.seriesA[s]! : 0;
    const b = live ? spec.seriesB[s]! : 0;
    const phi = spec.seriesPhi[s]!;
    const base = spec.seriesBase[s * T + t - 1]!;
    // The calibration of the spread at this horizon scales the cumulated shock (1 by default).
    const k = spec.seriesSpread[s * T + t - 1]!;
    const off = s * B;
    const into = spec.seriesSumInto[s]!;
    const vi = into >= 0 ? into : spec.seriesValue[s]!;
    const add = into >= 0 && spec.seriesSumFirst[s] === 0;
    const scale = spec.seriesScale[s]!;
    // Four lanes: lane j draws the normals of paths j, j + 4, ….
    if (normals !== null) normals(len, memory.seriesStatePtr(s), memory.zPtr);
    else fillNormals(state, tables, z, len, slowPath, 4);
    // exp(base) once for the series' year (0 where logScaleValue's rule takes Math.exp).
    const scaleOfBase = scale === LOG ? logBaseScale(base) : 0;
    if (vi >= 0 && scaleOfBase > 0 && logUpdate !== null) {
      // Its f32 parameters round phi, a, b and k to single precision, as fround does below.
      logUpdate(
        len,
        memory.ePtr + 4 * off,
        memory.dPtr + 4 * off,
        memory.fPtr,
        memory.zPtr,
        memory.valuesPtr + 8 * vi * B,
        a,
        b,
        phi,
        base,
        scaleOfBase,
        k,
        add ? 1 : 0,
      );
      return;
    }
    // The shocks in single precision, each operation rounded as the module's f32 lanes round it.
    const phi32 = fround(phi);
    const a32 = fround(a);
    const b32 = fround(b);
    for (let n = 0; n < len; n++) {
      const ee = fround(
        fround(fround(phi32 * e[off + n]!) + fround(a32 * f[n]!)) + fround(b32 * z[n]!),
      );
      e[off + n] = ee;
      d[off + n] = fround(d[off + n]! + ee);
    }
    if (vi < 0) return;
    // Write the value (own buffer, or the first member of a fused sum), or add it to the sum.
    const vo = vi * B;
    if (scale === LOG) {
      for (let n = 0; n < len; n++) {
        const v = logScaleValue(tables, scaleOfBase, base, k, d[off + n]!);
        values[vo + n] = add ? values[vo + n]! + v : v;
      }
    } else if (scale === LOGIT) {
      const lo = spec.seriesLo[s]!;
      const span = spec.seriesHi[s]! - lo;
      for (let n = 0; n < len; n++) {
        const v = lo + span / (1 + Math.exp(-(base + k * d[off + n]!)));
        values[vo + n] = add ? values[vo + n]! + v : v;
      }
    } else {
      for (let n = 0; n < len; n++) {
        const v = base + k * d[off + n]!;
        values[vo + n] = add ? values[vo + n]! + v : v;
      }
    }
  }

  return (t, len) => {
    for (let i = 0; i < nIndicators; i++) {
      const s0 = spec.indicatorStart[i]!;
      const s1 = spec.indicatorStart[i + 1]!;
      if (s0 === s1) continue;
      if (normals !== null) normals(len, memory.factorStatePtr(i), memory.fPtr);
      else fillNormals(factorStates[i]!, tables, f, len, slowPath, 4);
      for (let s = s0; s < s1; s++) updateSeries(s, t, len);
    }
  };
}

/**
 * exp(base) of a log-scale series' baseline for {@link logScaleValue}: `Math.exp(base)` for
 * |base| < 700, else 0 (there the value is `Math.exp(base + k·d)`). Computed once per series and
 * year. Self-contained (shipped to worker threads as source).
 */
export function logBaseScale(base: number): number {
  return base > -700 && base < 700 ? Math.exp(base) : 0;
}

/**
 * The value of a log-scale series on a path, from its baseline `base` (log scale) with
 * `baseScale` = {@link logBaseScale}(base), the year's calibration factor `k` and the path's
 * cumulated shock `d` (single precision): exp(base + k·d), computed as exp(base)·expf(y) for
 * y = k·d in single precision (k rounded to it; `ZigguratTables.expf`, Cephes' expf) when
 * |base| < 700 and |y| < 87, else by `Math.exp(base + k·d)`. exp(base) is `Math.exp`'s (within an ulp) and the same for every path of
 * a year, and y is small (a cumulated shock), so the value is within 2^-22 + 2^-23·|y| + 2^-52 of
 * exp(base + k·d) (a test): 2^-22 (2.4e-7) from expf, 2^-24·|y| each from rounding k and k·d to
 * single precision; for the |y| of a few that shocks reach, some thousand times finer than a
 * histogram bin (2^-11) and far below any Monte Carlo error, while the exponential runs four to a
 * 128-bit vector in WebAssembly (`logUpdate` in kernel.wat, which does these operations lane by
 * lane). `createPathUpdate` and the sampled paths use this rule.
 *
 * Self-contained (shipped to worker threads as source).
 */
export function logScaleValue(
  tables: Pick<ZigguratTables, "expf">,
  baseScale: number,
  base: number,
  k: number,
  d: number,
): number {
  const k32 = Math.fround(k);
  const y = Math.fround(k32 * d);
  return baseScale > 0 && y > -87 && y < 87 ? baseScale * tables.expf(y) : Math.exp(base + k32 * d);
}
