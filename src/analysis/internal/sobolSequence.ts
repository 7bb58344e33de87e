import type { UniformSource } from "./sensitivityRandom.js";
import { SOBOL_DIRECTIONS } from "./sobolDirections.generated.js";

/** Bits of each coordinate: points are multiples of 2^-32, and at most 2^32 can be drawn. */
const BITS = 32;

/** The most dimensions the embedded direction numbers give (1 + the table's rows). */
export const SOBOL_MAX_DIMENSIONS = SOBOL_DIRECTIONS.length + 1;

/**
 * The 32 direction numbers V_1 … V_32 of one dimension (0-based `dim`), as unsigned integers
 * `v_k · 2^32`, by the recurrence of Bratley & Fox (1988, "Algorithm 659: implementing Sobol's
 * quasirandom sequence generator", ACM TOMS 14(1)) from Joe & Kuo's initial numbers:
 * V_k = m_k · 2^(32−k) for k ≤ s, then
 * V_k = a_1 V_(k−1) ⊕ … ⊕ a_(s−1) V_(k−s+1) ⊕ V_(k−s) ⊕ (V_(k−s) >> s).
 */
function directionNumbers(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const row = SOBOL_DIRECTIONS[dim - 1]!;
  const s = row[0]!;
  const a = row[1]!;
  for (let k = 0; k < BITS; k++) {
    if (k < s) {
      v[k] = (row[2 + k]! * 2 ** (BITS - 1 - k)) >>> 0;
      continue;
    }
    let x = v[k - s]! ^ (v[k - s]! >>> s);
    for (let j = 1; j < s; j++) if (((a >>> (s - 1 - j)) & 1) === 1) x ^= v[k - j]!;
    v[k] = x >>> 0;
  }
  return v;
}

/** The parity of the set bits of a 32-bit word. */
function parity(word: number): number {
  let x = word >>> 0;
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** A uniform random 32-bit word. */
function randomWord(random: UniformSource): number {
  return Math.floor(random() * 4294967296) >>> 0;
}

/**
 * Scrambles one dimension's direction numbers by a random lower-triangular binary matrix with a
 * unit diagonal (the linear matrix scramble of Matoušek 1998, "On the L2-discrepancy for anchored
 * boxes", J. Complexity 14): output digit k (most significant first) is the parity of the input
 * digits 1 … k picked by row k. The map is linear over GF(2), so scrambling the direction
 * numbers scrambles every point, and (t, m, s)-net properties are kept.
 */
function scrambleDirections(v: Uint32Array, random: UniformSource): void {
  const rows = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) {
    const diagonal = 2 ** (BITS - 1 - k);
    const above = k === 0 ? 0 : (randomWord(random) & ~(diagonal * 2 - 1)) >>> 0;
    rows[k] = (above | diagonal) >>> 0;
  }
  for (let b = 0; b < BITS; b++) {
    let out = 0;
    for (let k = 0; k < BITS; k++) if (parity(v[b]! & rows[k]!) === 1) out |= 2 ** (BITS - 1 - k);
    v[b] = out >>> 0;
  }
}

/**
 * The first `n` points of the `dims`-dimensional Sobol' sequence (Sobol' 1967) with Joe & Kuo's
 * (2008) new-joe-kuo-6.21201 direction numbers, in Gray-code order (Antonov & Saleev 1979), the
 * first point (the origin) included, as SciPy's `scipy.stats.qmc.Sobol(d, scramble=False)` gives
 * them. With `scramble`, each dimension takes a linear matrix scramble and a digital shift
 * (Matoušek 1998; SciPy's default "LMS + shift"), drawn from `scramble` in dimension order.
 *
 * @returns row-major `n × dims` coordinates in [0, 1), multiples of 2^-32.
 */
export function sobolSequence(n: number, dims: number, scramble?: UniformSource): Float64Array {
  const directions: Uint32Array[] = [];
  const shift = new Uint32Array(dims);
  for (let d = 0; d < dims; d++) {
    const v = directionNumbers(d);
    if (scramble !== undefined) {
      scrambleDirections(v, scramble);
      shift[d] = randomWord(scramble);
    }
    directions.push(v);
  }
  const out = new Float64Array(n * dims);
  const x = Uint32Array.from(shift);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Gray code: point i differs from point i − 1 by the direction number of i's lowest set bit.
      const c = 31 - Math.clz32(i & -i);
      for (let d = 0; d < dims; d++) x[d] = (x[d]! ^ directions[d]![c]!) >>> 0;
    }
    for (let d = 0; d < dims; d++) out[i * dims + d] = x[d]! / 4294967296;
  }
  return out;
}
