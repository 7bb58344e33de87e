import { type UniformSource, uniformInteger } from "./sensitivityRandom.js";

/** The outputs of a Saltelli design, split by matrix: `ab` holds f(A_B^i) at `i · N + row`. */
export interface SaltelliOutputs {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly ab: Float64Array;
  readonly k: number;
}

/** Estimates of one sample (or one bootstrap resample); `null` where the variance is 0. */
export interface SobolEstimate {
  readonly variance: number;
  readonly s1: Float64Array | null;
  readonly st: Float64Array | null;
}

/**
 * S1 and ST of every parameter from the rows `rows` of a Saltelli design (all rows when `rows` is
 * undefined; a bootstrap resample otherwise), with outputs centred on `centre`:
 * V = the population variance of f(A) and f(B) together (2N values, as SALib),
 * S1_i = mean(f(B) (f(A_B^i) − f(A))) / V (Saltelli et al. 2010, Table 2 (b)),
 * ST_i = mean((f(A) − f(A_B^i))²) / (2V) (Jansen 1999, Table 2 (f)).
 */
export function sobolEstimate(
  out: SaltelliOutputs,
  centre: number,
  rows?: Int32Array,
): SobolEstimate {
  const n = out.a.length;
  const count = rows?.length ?? n;
  let sum = 0;
  let sumSq = 0;
  for (let r = 0; r < count; r++) {
    const row = rows === undefined ? r : rows[r]!;
    const fa = out.a[row]! - centre;
    const fb = out.b[row]! - centre;
    sum += fa + fb;
    sumSq += fa * fa + fb * fb;
  }
  const m = sum / (2 * count);
  const variance = Math.max(0, sumSq / (2 * count) - m * m);
  if (!(variance > 0)) return { variance: 0, s1: null, st: null };
  const s1 = new Float64Array(out.k);
  const st = new Float64Array(out.k);
  for (let i = 0; i < out.k; i++) {
    let first = 0;
    let total = 0;
    for (let r = 0; r < count; r++) {
      const row = rows === undefined ? r : rows[r]!;
      const fa = out.a[row]!;
      const fab = out.ab[i * n + row]!;
      first += (out.b[row]! - centre) * (fab - fa);
      total += (fa - fab) ** 2;
    }
    s1[i] = first / count / variance;
    st[i] = total / (2 * count) / variance;
  }
  return { variance, s1, st };
}

/**
 * Bootstrap standard deviations of S1 and ST (Efron & Tibshirani 1993, *An Introduction to the
 * Bootstrap*; as SALib's `sobol.analyze`): `replicates` resamples of the N rows with replacement,
 * drawn from `random`; a resample whose variance is 0 is left out. `null` for a parameter when
 * fewer than 2 resamples count.
 */
export function bootstrapSpread(
  out: SaltelliOutputs,
  centre: number,
  replicates: number,
  random: UniformSource,
): { s1: (number | null)[]; st: (number | null)[] } {
  const n = out.a.length;
  const rows = new Int32Array(n);
  const s1: number[][] = Array.from({ length: out.k }, () => []);
  const st: number[][] = Array.from({ length: out.k }, () => []);
  for (let b = 0; b < replicates; b++) {
    for (let r = 0; r < n; r++) rows[r] = uniformInteger(random, n);
    const e = sobolEstimate(out, centre, rows);
    if (e.s1 === null || e.st === null) continue;
    for (let i = 0; i < out.k; i++) {
      s1[i]!.push(e.s1[i]!);
      st[i]!.push(e.st[i]!);
    }
  }
  return { s1: s1.map(sampleSd), st: st.map(sampleSd) };
}

/** Standard deviation with divisor n − 1; `null` below 2 values. */
function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}
