/** Layer tables of the 256-layer ziggurat for the standard normal density. */
export interface ZigguratTables {
  /** x[0] = V / f(R) (the base layer's notional width), x[1] = R, …, x[256] = 0. */
  readonly x: Float64Array;
  /** ratio[i] = x[i + 1] / x[i]: a draw |u| < ratio[i] lies inside the layer's rectangle. */
  readonly ratio: Float64Array;
  /**
   * limit[i] = ratio[i]·2^31 and scaled[i] = x[i]·2^-31 (both exact: scaling by a power of two),
   * so that the fast path tests and scales the signed 32-bit output `a` itself: |a| < limit[i]
   * is |u| < ratio[i] and a·scaled[i] is u·x[i], bit for bit, for u = a·2^-31.
   */
  readonly limit: Float64Array;
  readonly scaled: Float64Array;
}

/**
 * Builds the tables of the 256-layer ziggurat for the standard normal (Marsaglia & Tsang, "The
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
  const limit = new Float64Array(layers);
  const scaled = new Float64Array(layers);
  for (let i = 0; i < layers; i++) {
    limit[i] = ratio[i]! * 2147483648;
    scaled[i] = x[i]! * 4.656612873077393e-10;
  }
  return { x, ratio, limit, scaled };
}

/**
 * Fills `out[0 … count)` with independent standard normal draws from a xoshiro128** state
 * (advancing it), by the ziggurat method (Marsaglia & Tsang 2000; Doornik 2005), which is exact:
 * its output has the normal distribution up to the resolution of the uniforms. As in Marsaglia
 * & Tsang's RNOR, an attempt's value is a signed 32-bit output times the layer's width (a
 * resolution of 2^-31 of the width: below 2e-9, a distribution error below 1e-9); its layer
 * comes from 8 other bits (one output serves four attempts), so layer and value are independent
 * (Doornik's fix of the original's reuse of the value's low bits). About 99% of attempts return
 * `u·x[i]` at once; the rest go through the wedge or the tail test, with 53-bit uniforms.
 * No function is declared inside (transpilers that keep names would re-wrap it on every call).
 *
 * The generator is inlined (state in locals) because this is the engine's inner loop.
 * Self-contained (it references nothing outside itself, not even other modules' functions)
 * because its source is shipped to worker threads.
 */
export function fillNormals(
  state: Int32Array,
  tables: ZigguratTables,
  out: Float64Array,
  count: number,
): void {
  const x = tables.x;
  const limit = tables.limit;
  const scaled = tables.scaled;
  const r = 3.6541528853610088;
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  let n = 0;
  let layers = 0;
  let left = 0;
  while (n < count) {
    if (left === 0) {
      // One output supplies the layers of four attempts.
      const m = Math.imul(s1, 5);
      layers = Math.imul((m << 7) | (m >>> 25), 9);
      left = 4;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    const i = layers & 255;
    layers >>>= 8;
    left--;
    const m = Math.imul(s1, 5);
    // A signed 32-bit output: u = a / 2^31 in [−1, 1).
    const a = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    // |u| < ratio[i] and u·x[i] for u = a / 2^31, without forming u (see ZigguratTables.limit).
    if (Math.abs(a) < limit[i]!) {
      out[n++] = a * scaled[i]!;
      continue;
    }
    const u = a * 4.656612873077393e-10;
    // Slow path (about 1% of attempts). Each round draws two uniforms u1, u2 in (0, 1] from 53
    // bits of two outputs each (never 0, so their logs are finite); the wedge uses u1 only.
    let value = Number.NaN;
    for (;;) {
      let u1 = 0;
      let u2 = 0;
      for (let k = 0; k < 4; k++) {
        const w = Math.imul(s1, 5);
        const word = Math.imul((w << 7) | (w >>> 25), 9) >>> 0;
        const tt = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= tt;
        s3 = (s3 << 11) | (s3 >>> 21);
        if (k === 0) u1 = (word >>> 11) * 4294967296;
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
        // Wedge: accept with probability (f(x) − f(x[i])) / (f(x[i + 1]) − f(x[i])).
        const xi = x[i]!;
        const xi1 = x[i + 1]!;
        const v = u * xi;
        const f0 = Math.exp(-0.5 * (xi * xi - v * v));
        const f1 = Math.exp(-0.5 * (xi1 * xi1 - v * v));
        if (f1 + u1 * (f0 - f1) < 1) value = v;
      }
      break;
    }
    if (!Number.isNaN(value)) out[n++] = value;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
