/**
 * The kernel's tables: the layers of the 256-layer ziggurat for the standard normal density, and
 * those of the table-driven exponential and logarithm.
 */
export interface ZigguratTables {
  /** x[0] = V / f(R) (the base layer's notional width), x[1] = R, …, x[256] = 0. */
  readonly x: Float64Array;
  /** ratio[i] = x[i + 1] / x[i]: a draw |u| < ratio[i] lies inside the layer's rectangle. */
  readonly ratio: Float64Array;
  /** fx[i] = exp(−x[i]²/2), the density (up to its constant) at the layer edges (fx[256] = 1). */
  readonly fx: Float64Array;
  /**
   * limit[i] = ratio[i]·2^23 (exact: scaling by a power of two) and scaledF32[i] = x[i]·2^-23
   * rounded to single precision, so that the fast path tests and scales the signed 24-bit
   * integer `v` itself: |v| < limit[i] is |u| < ratio[i] for u = v·2^-23, and the normal is
   * v·scaledF32[i] rounded once, a single-precision number (`fillNormals`, and the WebAssembly
   * `normals`, which tests |v| < limit[i] as the integer test |v| < ⌈limit[i]⌉).
   */
  readonly limit: Float64Array;
  readonly scaledF32: Float32Array;
  /**
   * The table-driven exponential's tables (Tang, "Table-driven implementation of the exponential
   * function in IEEE floating-point arithmetic", ACM TOMS 15(2), 1989): expFrac[j] = 2^(j/256),
   * j = 0 … 255, and expPow2[k] = 2^(k − 1023), k = 0 … 2047. exp(x) = expFrac[m & 255] ·
   * expPow2[(m >> 8) + 1023] · P(r) for m = round(256·x / ln 2) and r = x − m·ln 2 / 256
   * (|r| ≤ ln 2 / 512, ln 2 / 256 split in two parts as in fdlibm), P the degree-4 Taylor
   * polynomial (remainder below 4e-17): within 3 ulp of Math.exp for |x| < 700 (a test). The
   * wedge test uses it (the WebAssembly module too, which builds 2^k from its exponent bits, the
   * same numbers).
   */
  readonly expFrac: Float64Array;
  readonly expPow2: Float64Array;
  /**
   * exp(x) by these tables for |x| < 700, and `Math.exp` beyond: the one JavaScript definition,
   * which the wedge test uses and the WebAssembly module's `$texp` computes operation for
   * operation. Round to nearest by the 1.5·2^52 trick; the polynomial by Estrin's scheme (a
   * shorter dependency chain).
   */
  readonly exp: (x: number) => number;
  /**
   * exp(y) in single precision for a single-precision y with |y| < 87 (the caller checks): Cephes'
   * `expf` (S. L. Moshier, Cephes Math Library, 1984–2000): m = round(y / ln 2) by the 1.5·2^23
   * trick, r = y − m·ln 2 with ln 2 in two parts (0.693359375, exact in 9 bits, and
   * −2.12194440e-4), e^r by Moshier's degree-7 minimax form 1 + r + r²·P(r) on |r| ≤ ln 2 / 2, and
   * 2^m exactly; every operation rounded to single precision (`Math.fround`, exact emulation: a
   * double operation rounded once to single is the single operation). Within 2^-22 (2.4e-7)
   * relative of `Math.exp` (a test). The path update of a log-scale series takes its value as
   * exp(base)·expf(k·d) (`createPathUpdate`), and the WebAssembly `logUpdate` computes this
   * operation for operation on four lanes.
   */
  readonly expf: (y: number) => number;
  /**
   * The table-driven logarithm's tables (Tang, "Table-driven implementation of the logarithm
   * function in IEEE floating-point arithmetic", ACM TOMS 16(4), 1990), for F[j] = 1 + (j + ½)/256,
   * j = 0 … 255: logInv[j] = 1/F[j] and logF[j] = ln F[j]. The histograms take the logarithms of a
   * block's values by them (`logOf` in histogramCounts.ts, and the WebAssembly `logs`).
   */
  readonly logInv: Float64Array;
  readonly logF: Float64Array;
}

/**
 * Builds the kernel's tables (see {@link ZigguratTables}): those of the 256-layer ziggurat for
 * the standard normal (Marsaglia & Tsang, "The
 * Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000) in the form of
 * Doornik's ZIGNOR ("An Improved Ziggurat Method to Generate Normal Random Samples", 2005):
 * R = 3.6541528853610088 is the start of the tail and V = 4.92867323399e-3 the area of a layer.
 *
 * Self-contained: shipped to worker threads as source.
 */
export function zigguratTables(): ZigguratTables {
  const layers = 256;
  const r = 3.6541528853610088;
  const v = 4.92867323399e-3;
  const x = new Float64Array(layers + 1);
  const ratio = new Float64Array(layers);
  let f = Math.exp(-0.5 * r * r);
  x[0] = v / f;
  x[1] = r;
  x[layers] = 0;
  for (let i = 2; i < layers; i++) {
    const next = Math.sqrt(-2 * Math.log(v / x[i - 1]! + f));
    x[i] = next;
    f = Math.exp(-0.5 * next * next);
  }
  for (let i = 0; i < layers; i++) ratio[i] = x[i + 1]! / x[i]!;
  const fx = new Float64Array(layers + 1);
  for (let i = 0; i <= layers; i++) fx[i] = Math.exp(-0.5 * x[i]! * x[i]!);
  const limit = new Float64Array(layers);
  const scaledF32 = new Float32Array(layers);
  for (let i = 0; i < layers; i++) {
    limit[i] = ratio[i]! * 8388608;
    scaledF32[i] = x[i]! * 1.1920928955078125e-7;
  }
  const expFrac = new Float64Array(256);
  for (let j = 0; j < 256; j++) expFrac[j] = 2 ** (j / 256);
  const expPow2 = new Float64Array(2048);
  for (let k = 0; k < 2048; k++) expPow2[k] = 2 ** (k - 1023);
  const exp = (arg: number): number => {
    if (!(arg > -700 && arg < 700)) return Math.exp(arg);
    const m = arg * 369.3299304675746 + 6755399441055744 - 6755399441055744;
    const r = arg - m * 0.00270760617331689 - m * 7.453964567463233e-13;
    const mi = m | 0;
    const r2 = r * r;
    const p = 1 + r + r2 * (0.5 + r * 0.16666666666666666 + r2 * 0.041666666666666664);
    return expFrac[mi & 255]! * expPow2[(mi >> 8) + 1023]! * p;
  };
  const fround = Math.fround;
  // Cephes expf's constants, as single-precision numbers (the module's f32 constants).
  const log2e = fround(Math.LOG2E);
  const c2 = fround(-2.1219444e-4);
  const p0 = fround(1.98756915e-4);
  const p1 = fround(1.39819995e-3);
  const p2 = fround(8.33345191e-3);
  const p3 = fround(4.16657959e-2);
  const p4 = fround(1.66666655e-1);
  const p5 = fround(5.00000012e-1);
  const expf = (y: number): number => {
    const kf = fround(fround(y * log2e) + 12582912);
    const m = kf - 12582912;
    const r = fround(fround(y - fround(m * 0.693359375)) - fround(m * c2));
    const r2 = fround(r * r);
    let p = fround(fround(r * p0) + p1);
    p = fround(fround(p * r) + p2);
    p = fround(fround(p * r) + p3);
    p = fround(fround(p * r) + p4);
    p = fround(fround(p * r) + p5);
    p = fround(fround(fround(p * r2) + r) + 1);
    return fround(p * expPow2[m + 1023]!);
  };
  const logInv = new Float64Array(256);
  const logF = new Float64Array(256);
  for (let j = 0; j < 256; j++) {
    const fj = 1.001953125 + j * 0.00390625;
    logInv[j] = 1 / fj;
    logF[j] = Math.log(fj);
  }
  return { x, ratio, fx, limit, scaledF32, expFrac, expPow2, exp, expf, logInv, logF };
}

/**
 * The rest of a ziggurat attempt that fell outside its layer's rectangle (about 1% of attempts),
 * for layer `i` and the attempt's signed 24-bit value `v24` (u = v24·2^-23, v = u·x[i]). Layers
 * 1–255, the wedge (Marsaglia & Tsang 2000): one more output gives u1 = (w + ½)·2^-32 in (0, 1),
 * and v is accepted when fx[i] + u1·(fx[i + 1] − fx[i]) < exp(−v²/2), the exponential by the
 * table (see `expFrac`; the argument lies in [−6.7, 0]), as the WebAssembly module computes it.
 * The base layer, the tail beyond R (Marsaglia 1964): two uniforms u1, u2 in (0, 1] from 53 bits
 * of two outputs each (never 0, so their logs are finite), repeated until accepted. Returns the
 * normal draw, or NaN when the attempt is rejected (the caller then makes a new attempt). It
 * advances the state whose words are `state[at + stride·w]`, w = 0 … 3 (stride 4 for a lane of
 * four interleaved generators, see `xoshiro128Seed`), so a caller that keeps the generator in
 * locals stores them before the call and reloads them after.
 *
 * Self-contained: shipped to worker threads as source.
 */
export function normalSlowPath(
  state: Int32Array,
  at: number,
  tables: ZigguratTables,
  i: number,
  v24: number,
  stride = 1,
): number {
  const r = 3.6541528853610088;
  const u = v24 * 1.1920928955078125e-7;
  let s0 = state[at]!;
  let s1 = state[at + stride]!;
  let s2 = state[at + 2 * stride]!;
  let s3 = state[at + 3 * stride]!;
  let value = Number.NaN;
  for (;;) {
    let u1 = 0;
    let u2 = 0;
    for (let k = 0; k < (i === 0 ? 4 : 1); k++) {
      const w = Math.imul(s1, 5);
      const word = Math.imul((w << 7) | (w >>> 25), 9) >>> 0;
      const tt = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= tt;
      s3 = (s3 << 11) | (s3 >>> 21);
      if (i !== 0) u1 = word * 2.3283064365386963e-10 + 1.1641532182693481e-10;
      else if (k === 0) u1 = (word >>> 11) * 4294967296;
      else if (k === 1) u1 = (u1 + word + 1) * 1.1102230246251565e-16;
      else if (k === 2) u2 = (word >>> 11) * 4294967296;
      else u2 = (u2 + word + 1) * 1.1102230246251565e-16;
    }
    if (i === 0) {
      // Base layer outside its rectangle: the tail beyond R (Marsaglia 1964).
      const tx = Math.log(u1) / r;
      const ty = Math.log(u2);
      if (-2 * ty < tx * tx) continue;
      value = u < 0 ? tx - r : r - tx;
    } else {
      // Wedge: a height uniform between fx[i] and fx[i + 1], under the density at v.
      const v = u * tables.x[i]!;
      const density = tables.exp(-0.5 * (v * v));
      const fi = tables.fx[i]!;
      if (fi + u1 * (tables.fx[i + 1]! - fi) < density) value = v;
    }
    break;
  }
  state[at] = s0;
  state[at + stride] = s1;
  state[at + 2 * stride] = s2;
  state[at + 3 * stride] = s3;
  return value;
}

/**
 * Fills `out[0 … count)` with independent standard normal draws from xoshiro128** generators
 * (advancing them), by the ziggurat method (Marsaglia & Tsang, 2000; Doornik, 2005), which is
 * exact: its output has the normal distribution up to the resolution of the uniforms. Each attempt
 * takes one 32-bit output: its low 8 bits choose the layer i, and its high 24 bits, read as a
 * signed integer v, give u = v·2^-23 in [−1, 1) (a resolution of 2^-23 of the layer's width: a
 * distribution error below 1.2e-7, far under the Monte Carlo error of any run), and each draw is
 * rounded to single precision (with scaled[i] itself rounded, a relative change below 1.2e-7, as
 * fine again; the kernel keeps its shocks in single precision, four to a 128-bit vector). Layer and value
 * come from disjoint bits, so they are independent (Doornik's fix of the original RNOR, whose
 * layer was the low bits of the value itself); the ** scrambler leaves no linear artifacts in the
 * low bits (Blackman & Vigna, ACM TOMS 47(4), 2021), so they serve as well as the high ones. About
 * 99% of attempts return `u·x[i]` at once; the rest go to `slowPath` ({@link normalSlowPath},
 * passed in so that this function stays self-contained).
 *
 * With `lanes` generators interleaved in `state` (word w of lane j at w·lanes + j, as
 * `xoshiro128Seed` seeds them), lane j draws out[j], out[j + lanes], … in order: the order of the
 * WebAssembly update (kernel.wat), which runs four lanes side by side and must draw
 * exactly as this does. Self-contained (it references nothing outside itself, not even other
 * modules' functions) because its source is shipped to worker threads.
 */
export function fillNormals(
  state: Int32Array,
  tables: ZigguratTables,
  out: Float32Array | Float64Array,
  count: number,
  slowPath: typeof normalSlowPath,
  lanes = 1,
): void {
  const limit = tables.limit;
  const scaled = tables.scaledF32;
  const fround = Math.fround;
  for (let j = 0; j < lanes; j++) {
    let s0 = state[j]!;
    let s1 = state[lanes + j]!;
    let s2 = state[2 * lanes + j]!;
    let s3 = state[3 * lanes + j]!;
    let n = j;
    while (n < count) {
      const m = Math.imul(s1, 5);
      const a = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const i = a & 255;
      // The high 24 bits, signed: u = v24 / 2^23 in [−1, 1).
      const v24 = a >> 8;
      // |u| < ratio[i] and u·x[i] for u = v24 / 2^23, without forming u (see ZigguratTables.limit).
      if (Math.abs(v24) < limit[i]!) {
        // One rounding of the exact product (24-bit integer times a single): the f32 multiply.
        out[n] = fround(v24 * scaled[i]!);
        n += lanes;
        continue;
      }
      state[j] = s0;
      state[lanes + j] = s1;
      state[2 * lanes + j] = s2;
      state[3 * lanes + j] = s3;
      const value = slowPath(state, j, tables, i, v24, lanes);
      s0 = state[j]!;
      s1 = state[lanes + j]!;
      s2 = state[2 * lanes + j]!;
      s3 = state[3 * lanes + j]!;
      if (!Number.isNaN(value)) {
        out[n] = fround(value);
        n += lanes;
      }
    }
    state[j] = s0;
    state[lanes + j] = s1;
    state[2 * lanes + j] = s2;
    state[3 * lanes + j] = s3;
  }
}
