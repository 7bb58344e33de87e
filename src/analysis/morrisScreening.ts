import { mean, sampleStandardDeviation } from "simple-statistics";
import { checkOptions } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import {
  checkConcurrency,
  checkModel,
  checkParameters,
  checkSeed,
  integerOption,
} from "./internal/checkSensitivityArgs.js";
import { evaluateDesign, scaleToRanges } from "./internal/evaluateDesign.js";
import { morrisDesign } from "./internal/morrisDesign.js";
import { sensitivityRandom } from "./internal/sensitivityRandom.js";
import type { SensitivityFunction, SensitivityParameter } from "./sensitivityParameter.js";

/** Options of {@link morrisScreening}. */
export interface MorrisOptions {
  /** Seed of the random trajectories: a safe integer. Same seed, same result. */
  readonly seed: number;
  /** Trajectories r (elementary effects per parameter); default 10, from 2 to 100000. */
  readonly trajectories?: number;
  /** Grid levels p, an even integer from 2 to 1000; default 4 (Δ = 2/3). */
  readonly levels?: number;
  /** Most runs pending at once when the model returns promises; default 4. */
  readonly concurrency?: number;
}

/** The Morris measures of one parameter. */
export interface MorrisEffect {
  readonly name: string;
  /** μ: mean elementary effect (signed; effects of opposite sign cancel). */
  readonly mu: number;
  /** μ*: mean absolute elementary effect (Campolongo et al. 2007): the ranking measure. */
  readonly muStar: number;
  /**
   * σ: standard deviation of the elementary effects (divisor r − 1): large when the effect
   * depends on where the others are, i.e. non-linearity or interaction.
   */
  readonly sigma: number;
  /** Elementary effects computed (r). */
  readonly count: number;
  /** The elementary effects, trajectory by trajectory. */
  readonly elementaryEffects: readonly number[];
}

/** What {@link morrisScreening} returns. */
export interface MorrisResult {
  /** One entry per parameter, in the parameters' order (sort by `muStar` to rank). */
  readonly effects: readonly MorrisEffect[];
  readonly trajectories: number;
  readonly levels: number;
  /** Δ = p / (2 (p − 1)), as a fraction of each parameter's range. */
  readonly delta: number;
  /** Model runs: `r (k + 1)`. */
  readonly runs: number;
}

const FN = "morrisScreening";

/**
 * Morris elementary-effects screening (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33(2), 161–174) with the μ* of Campolongo, Cariboni
 * & Saltelli (2007), "An effective screening design for sensitivity analysis of large models",
 * Environmental Modelling & Software 22(10), 1509–1518.
 *
 * Each parameter's range is cut into `p` levels `{0, 1/(p−1), …, 1}` of its range; each of the
 * `r` random trajectories starts on that grid and moves one parameter at a time by Δ = p/(2(p−1))
 * (the standard design, B* = (J x* + (Δ/2)((2B − J) D* + J)) P*), so it takes k + 1 runs and
 * gives one elementary effect per parameter: EE = (f(x + Δ e_i) − f(x)) / Δ, the change of the
 * output per **whole range** of the parameter (to get it per unit of the parameter, divide by
 * `max − min`; SALib's `morris.analyze` reports the same scale). Then μ = mean EE, μ* = mean
 * |EE|, σ = standard deviation of EE (divisor r − 1). A large μ* marks an influential parameter; a
 * large σ (relative to μ*) one that acts non-linearly or through interactions; for a linear
 * model `f = Σ c_i x_i`, μ* = |c_i| (max − min) and σ = 0. Cost r (k + 1) runs; a screening method
 * for many parameters, with {@link sobolIndices} for shares of variance.
 *
 * Seeded and deterministic; runs go trajectory by trajectory. Always returns a promise.
 *
 * @param fn - the model: receives `{ [name]: value }`, returns a finite number or a promise of one.
 * @param parameters - `[{ name, min, max }]`, names unique, `min < max`, both finite.
 * @param options - `seed` (required), `trajectories`, `levels`, `concurrency`.
 * @throws {ArgumentTypeError} (as a rejection) `morrisScreening: options.seed must be given: the
 *   seed, a safe integer (got nothing)`, `morrisScreening: fn must be a function of the
 *   parameters' values returning a number (got …)`, `morrisScreening: parameters[0].name must be
 *   a non-empty string (got 3)`, an unknown option (`morrisScreening: options.trajectory is not
 *   an option; did you mean trajectories? …`), or an output that is not a number.
 * @throws {ArgumentRangeError} (as a rejection) `morrisScreening: options.levels must be an even
 *   integer from 2 to 1000 (got 5)`, `morrisScreening: options.trajectories must be an integer
 *   from 2 to 100000 (got 1)`, the parameters' range errors of {@link oneAtATime}, or a
 *   non-finite output (`morrisScreening: fn must return a finite number (got NaN at { … }, run 4
 *   of 30)`). An error the model throws is passed on unchanged.
 * @example
 * const result = await morrisScreening(({ a, b }) => 3 * a - 2 * b, [
 *   { name: "a", min: 0, max: 1 },
 *   { name: "b", min: 0, max: 5 },
 * ], { seed: 1, trajectories: 4 });
 * result.effects.map((e) => e.muStar); // [3, 10] (|3| · 1 and |−2| · 5: a linear model)
 * result.effects[1].mu; // -10
 * result.runs; // 12 (4 · (2 + 1))
 */
export async function morrisScreening(
  fn: SensitivityFunction,
  parameters: readonly SensitivityParameter[],
  options: MorrisOptions,
): Promise<MorrisResult> {
  const model = checkModel(FN, fn);
  const params = checkParameters(FN, parameters);
  const o = checkOptions(FN, "options", options, ["seed", "trajectories", "levels", "concurrency"]);
  const seed = checkSeed(FN, o.seed);
  const r = integerOption(FN, "trajectories", o.trajectories, 10, 2, 100_000);
  const p = integerOption(FN, "levels", o.levels, 4, 2, 1000);
  if (p % 2 !== 0)
    throw new ArgumentRangeError(
      `${FN}: options.levels must be an even integer from 2 to 1000 (got ${p})`,
      { code: "out-of-range", path: "options.levels" },
    );
  const concurrency = checkConcurrency(FN, o.concurrency);

  const k = params.length;
  const design = morrisDesign(k, r, p, sensitivityRandom(seed, 1));
  const y = await evaluateDesign(
    FN,
    model,
    params,
    scaleToRanges(design.unit, params),
    concurrency,
  );

  const effects: number[][] = params.map(() => []);
  for (let t = 0; t < r; t++)
    for (let m = 1; m <= k; m++) {
      const step = t * k + m - 1;
      const row = t * (k + 1) + m;
      const ee = (y[row]! - y[row - 1]!) / (design.direction[step]! * design.delta);
      effects[design.moved[step]!]!.push(ee);
    }
  return {
    effects: params.map((param, i): MorrisEffect => {
      const ee = effects[i]!;
      const mu = mean(ee);
      const muStar = mean(ee.map(Math.abs));
      // σ with divisor r − 1, as Morris (1991) and SALib take it (simple-statistics).
      const sigma = sampleStandardDeviation(ee);
      return { name: param.name, mu, muStar, sigma, count: ee.length, elementaryEffects: ee };
    }),
    trajectories: r,
    levels: p,
    delta: design.delta,
    runs: y.length,
  };
}
