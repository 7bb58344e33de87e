import { checkBoolean, checkNumber, checkOptions } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { normalQuantile } from "../internal/normalQuantile.js";
import {
  checkConcurrency,
  checkModel,
  checkParameters,
  checkSeed,
  integerOption,
} from "./internal/checkSensitivityArgs.js";
import { evaluateDesign, scaleToRanges } from "./internal/evaluateDesign.js";
import { sensitivityRandom } from "./internal/sensitivityRandom.js";
import { bootstrapSpread, type SaltelliOutputs, sobolEstimate } from "./internal/sobolEstimates.js";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "./internal/sobolSequence.js";
import type { SensitivityFunction, SensitivityParameter } from "./sensitivityParameter.js";

/** Options of {@link sobolIndices}. */
export interface SobolOptions {
  /** Seed of the scrambling and the bootstrap: a safe integer. Same seed, same result. */
  readonly seed: number;
  /**
   * Base sample size N, a power of 2 from 2 to 2^20 (the balance of Sobol' points holds for
   * powers of 2 only); default 1024. The model runs N (k + 2) times.
   */
  readonly samples?: number;
  /** Bootstrap resamples for the confidence intervals; default 200, 0 for none. */
  readonly bootstrap?: number;
  /** Level of the confidence intervals, a fraction in (0, 1); default 0.95. */
  readonly confidence?: number;
  /** Scramble the Sobol' points (linear matrix scramble + digital shift); default true. */
  readonly scramble?: boolean;
  /** Most runs pending at once when the model returns promises; default 4. */
  readonly concurrency?: number;
}

/** The Sobol' indices of one parameter. */
export interface SobolIndex {
  readonly name: string;
  /**
   * First-order index S1: the share of the output's variance the parameter explains alone,
   * Var(E[Y | X_i]) / Var(Y). `null` when the output does not vary.
   */
  readonly s1: number | null;
  /** Half-width of S1's confidence interval (`null` without bootstrap or variance). */
  readonly s1Conf: number | null;
  /**
   * Total index ST: the share of variance that would remain if every other parameter were known,
   * E[Var(Y | X_~i)] / Var(Y), interactions included. `null` when the output does not vary.
   */
  readonly st: number | null;
  /** Half-width of ST's confidence interval. */
  readonly stConf: number | null;
}

/** What {@link sobolIndices} returns. */
export interface SobolResult {
  /** One entry per parameter, in the parameters' order (sort by `st` to rank). */
  readonly indices: readonly SobolIndex[];
  /** Base sample size N. */
  readonly samples: number;
  /** Model runs: N (k + 2). */
  readonly runs: number;
  /** Mean of the outputs of A and B. */
  readonly mean: number;
  /** Variance of the outputs of A and B (divisor 2N), the denominator of the indices. */
  readonly variance: number;
  /** The level of `s1Conf` and `stConf`. */
  readonly confidence: number;
  /** Bootstrap resamples behind the intervals. */
  readonly bootstrap: number;
}

const FN = "sobolIndices";
const MAX_LOG2_SAMPLES = 20;
/** Most parameters: the Sobol' points take 2k dimensions of the embedded direction numbers. */
export const SOBOL_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/** `options.samples`: a power of 2 from 2 to 2^20. */
function checkSamples(value: unknown): number {
  if (value === undefined) return 1024;
  const expected = `a power of 2 from 2 to 2^${MAX_LOG2_SAMPLES} (e.g. 512, 1024, 4096)`;
  const n = checkNumber(FN, "options.samples", value, { expected });
  const log2 = Math.log2(n);
  if (Number.isInteger(log2) && log2 >= 1 && log2 <= MAX_LOG2_SAMPLES) return n;
  const lower = 2 ** Math.max(1, Math.min(MAX_LOG2_SAMPLES, Math.floor(log2)));
  const hint =
    n > 2 && n < 2 ** MAX_LOG2_SAMPLES ? `; the nearest are ${lower} and ${lower * 2}` : "";
  throw new ArgumentRangeError(`${FN}: options.samples must be ${expected}${hint} (got ${n})`, {
    code: "out-of-range",
    path: "options.samples",
  });
}

/** `options.confidence`: a fraction in (0, 1). */
function checkConfidence(value: unknown): number {
  if (value === undefined) return 0.95;
  const expected = "a fraction in (0, 1), e.g. 0.95";
  const c = checkNumber(FN, "options.confidence", value, { expected });
  if (c > 0 && c < 1) return c;
  throw new ArgumentRangeError(`${FN}: options.confidence must be ${expected} (got ${c})`, {
    code: "out-of-range",
    path: "options.confidence",
  });
}

/**
 * Variance-based global sensitivity (Sobol' 1993, "Sensitivity estimates for nonlinear
 * mathematical models", Math. Modeling Comput. Experiment 1(4)): per parameter the first-order
 * index S1 (its share of the output's variance alone) and the total index ST (alone and with
 * every interaction), with bootstrap confidence intervals.
 *
 * Sampling (Saltelli 2002, "Making best use of model evaluations to compute sensitivity
 * indices", Comput. Phys. Commun. 145(2); Saltelli et al. 2010, "Variance based sensitivity
 * analysis of model output. Design and estimator for the total sensitivity index", Comput. Phys.
 * Commun. 181(2)): the first N points of a 2k-dimensional Sobol' sequence (Joe & Kuo 2008
 * direction numbers, new-joe-kuo-6.21201) give the matrices A (first k columns) and B (last k),
 * and A_B^i is A with column i taken from B: N (k + 2) runs, row by row in the order A, A_B^1 …
 * A_B^k, B. The points are scrambled by default (linear matrix scramble and digital shift,
 * Matoušek 1998, as SciPy's `qmc.Sobol` and SALib's `sobol.sample` do) and keep the first point:
 * skipping points, or N not a power of 2, spoils the sequence's balance (Owen 2020, "On dropping
 * the first Sobol' point"), so `samples` must be a power of 2. With `scramble: false` the points
 * are those of SciPy's `qmc.Sobol(2k, scramble=False)`.
 *
 * Estimators (outputs first centred on the mean of f(A) and f(B), which leaves their expectation
 * unchanged and lowers the variance of S1's): V = variance of f(A) and f(B) (2N values);
 * S1_i = mean(f(B) · (f(A_B^i) − f(A))) / V (Saltelli et al. 2010, Table 2 (b));
 * ST_i = mean((f(A) − f(A_B^i))²) / (2V) (Jansen 1999, "Analysis of variance designs for model
 * output", Comput. Phys. Commun. 117; Table 2 (f) of Saltelli et al. 2010). Both are estimates:
 * S1 may come out slightly below 0 or ST above 1. Confidence intervals as SALib's
 * `sobol.analyze`: `z_((1+c)/2)` times the standard deviation of the estimates over `bootstrap`
 * resamples of the N rows (Efron & Tibshirani 1993). The validation against the analytic indices
 * of the Ishigami and g-functions is in docs/sensitivity.md.
 *
 * Seeded and deterministic. Always returns a promise.
 *
 * @param fn - the model: receives `{ [name]: value }`, returns a finite number or a promise of one.
 * @param parameters - `[{ name, min, max }]` (at most {@link SOBOL_MAX_PARAMETERS}), uniform.
 * @param options - `seed` (required), `samples`, `bootstrap`, `confidence`, `scramble`,
 *   `concurrency`.
 * @throws {ArgumentTypeError} (as a rejection) `sobolIndices: options.seed must be given: the
 *   seed, a safe integer (got nothing)`, `sobolIndices: fn must be a function of the parameters'
 *   values returning a number (got …)`, an unknown option, or an output that is not a number
 *   (`sobolIndices: fn must return a finite number (got the string "1" at { … }, run 1 of 40)`).
 * @throws {ArgumentRangeError} (as a rejection) `sobolIndices: options.samples must be a power of
 *   2 from 2 to 2^20 (e.g. 512, 1024, 4096); the nearest are 512 and 1024 (got 1000)`,
 *   `sobolIndices: options.confidence must be a fraction in (0, 1), e.g. 0.95 (got 95)`,
 *   `sobolIndices: parameters must be at most 128 (got 130)`, the parameters' range errors of
 *   {@link oneAtATime}, or a non-finite output. An error the model throws is passed on unchanged.
 * @example
 * // Y = 2a + b with a, b uniform on [0, 1]: Var = 4/12 + 1/12, S1_a = 4/5, S1_b = 1/5.
 * const result = await sobolIndices(({ a, b }) => 2 * a + b, [
 *   { name: "a", min: 0, max: 1 },
 *   { name: "b", min: 0, max: 1 },
 * ], { seed: 7, samples: 4096 });
 * result.indices.map((i) => Math.round(i.s1 * 100) / 100); // [0.8, 0.2]
 * result.indices.map((i) => Math.round(i.st * 100) / 100); // [0.8, 0.2]
 * result.runs; // 16384 (4096 · (2 + 2))
 */
export async function sobolIndices(
  fn: SensitivityFunction,
  parameters: readonly SensitivityParameter[],
  options: SobolOptions,
): Promise<SobolResult> {
  const model = checkModel(FN, fn);
  const params = checkParameters(FN, parameters);
  const o = checkOptions(FN, "options", options, [
    "seed",
    "samples",
    "bootstrap",
    "confidence",
    "scramble",
    "concurrency",
  ]);
  const seed = checkSeed(FN, o.seed);
  const n = checkSamples(o.samples);
  const replicates = integerOption(FN, "bootstrap", o.bootstrap, 200, 0, 100_000);
  const confidence = checkConfidence(o.confidence);
  const scramble =
    o.scramble === undefined ? true : checkBoolean(FN, "options.scramble", o.scramble);
  const concurrency = checkConcurrency(FN, o.concurrency);
  const k = params.length;
  if (k > SOBOL_MAX_PARAMETERS)
    throw new ArgumentRangeError(
      `${FN}: parameters must be at most ${SOBOL_MAX_PARAMETERS} (got ${k})`,
      { code: "out-of-range", path: "parameters" },
    );

  const points = sobolSequence(n, 2 * k, scramble ? sensitivityRandom(seed, 2) : undefined);
  const perRow = k + 2;
  const unit = new Float64Array(n * perRow * k);
  for (let row = 0; row < n; row++) {
    const a = points.subarray(row * 2 * k, row * 2 * k + k);
    const b = points.subarray(row * 2 * k + k, (row + 1) * 2 * k);
    const at = row * perRow * k;
    unit.set(a, at);
    for (let i = 0; i < k; i++) {
      unit.set(a, at + (1 + i) * k);
      unit[at + (1 + i) * k + i] = b[i]!;
    }
    unit.set(b, at + (k + 1) * k);
  }
  const y = await evaluateDesign(FN, model, params, scaleToRanges(unit, params), concurrency);

  const out: SaltelliOutputs = {
    a: new Float64Array(n),
    b: new Float64Array(n),
    ab: new Float64Array(k * n),
    k,
  };
  let sum = 0;
  for (let row = 0; row < n; row++) {
    out.a[row] = y[row * perRow]!;
    for (let i = 0; i < k; i++) out.ab[i * n + row] = y[row * perRow + 1 + i]!;
    out.b[row] = y[row * perRow + k + 1]!;
    sum += out.a[row]! + out.b[row]!;
  }
  const centre = sum / (2 * n);
  const estimate = sobolEstimate(out, centre);
  const spread =
    estimate.s1 === null || replicates === 0
      ? undefined
      : bootstrapSpread(out, centre, replicates, sensitivityRandom(seed, 3));
  const z = normalQuantile(0.5 + confidence / 2);
  const half = (sd: number | null | undefined): number | null =>
    sd === null || sd === undefined ? null : z * sd;
  return {
    indices: params.map(
      (p, i): SobolIndex => ({
        name: p.name,
        s1: estimate.s1?.[i] ?? null,
        s1Conf: half(spread?.s1[i]),
        st: estimate.st?.[i] ?? null,
        stConf: half(spread?.st[i]),
      }),
    ),
    samples: n,
    runs: y.length,
    mean: centre,
    variance: estimate.variance,
    confidence,
    bootstrap: replicates,
  };
}
