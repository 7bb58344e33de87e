import { checkNumber, checkObject, checkOptions, memberPath } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";
import {
  checkConcurrency,
  checkModel,
  checkParameters,
  integerOption,
} from "./internal/checkSensitivityArgs.js";
import { evaluateDesign } from "./internal/evaluateDesign.js";
import type {
  ParameterValues,
  SensitivityFunction,
  SensitivityParameter,
} from "./sensitivityParameter.js";

/** Options of {@link oneAtATime}. */
export interface OneAtATimeOptions {
  /**
   * The values the other parameters keep while one moves, keyed by name; a parameter left out
   * sits at the middle of its range. Values need not lie in the range.
   */
  readonly base?: Readonly<Record<string, number>>;
  /** Equal steps from `min` to `max` (`steps + 1` runs a parameter); default 4, at most 1000. */
  readonly steps?: number;
  /** Most runs pending at once when the model returns promises; default 4. */
  readonly concurrency?: number;
}

/** One run of a sweep: the parameter's value and the output. */
export interface OneAtATimePoint {
  readonly value: number;
  readonly output: number;
}

/** The effect of one parameter in {@link oneAtATime}: one bar of a tornado chart. */
export interface OneAtATimeEffect {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** The parameter's value in the base run. */
  readonly base: number;
  /** Output with the parameter at `min` (the others at base). */
  readonly atMin: number;
  /** Output with the parameter at `max`. */
  readonly atMax: number;
  /** Lowest output of the sweep (below `atMin` and `atMax` when the response is not monotone). */
  readonly low: number;
  /** Highest output of the sweep. */
  readonly high: number;
  /** `high − low`. */
  readonly swing: number;
  /** The sweep, from `min` to `max`. */
  readonly points: readonly OneAtATimePoint[];
}

/** What {@link oneAtATime} returns. */
export interface OneAtATimeResult {
  /** The base values of every parameter. */
  readonly base: ParameterValues;
  /** The output at the base values. */
  readonly baseOutput: number;
  /** One entry per parameter, by `swing` from the largest (ties in the parameters' order). */
  readonly effects: readonly OneAtATimeEffect[];
  /** Model runs: `1 + k · (steps + 1)`. */
  readonly runs: number;
}

const FN = "oneAtATime";

/** The base values: `options.base` where given, else mid-range. */
function checkBase(
  value: unknown,
  parameters: readonly SensitivityParameter[],
): Record<string, number> {
  const base: Record<string, number> = {};
  for (const p of parameters) base[p.name] = p.min + (p.max - p.min) / 2;
  if (value === undefined) return base;
  const given = checkObject(
    FN,
    "options.base",
    value,
    "an object of values keyed by parameter name",
  );
  const names = parameters.map((p) => p.name);
  for (const [key, v] of Object.entries(given)) {
    const at = memberPath("options.base", key);
    if (!names.includes(key)) {
      const candidates = names.map((id) => ({ id, keys: [normalizeName(id)] }));
      const [nearest] = nearestIds(normalizeName(key), candidates, 1);
      const hint = nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`;
      throw new ArgumentRangeError(
        `${FN}: ${at} must name a parameter${hint} (got ${JSON.stringify(key)}, not among ${names.map((x) => JSON.stringify(x)).join(", ")})`,
        { code: "unknown-id", path: at },
      );
    }
    base[key] = checkNumber(FN, at, v);
  }
  return base;
}

/**
 * One-at-a-time sensitivity: each parameter in turn moves over its range in `steps` equal steps
 * while the others stay at their base values (the middle of their ranges unless given), giving
 * the output's low, high and swing per parameter, sorted by swing: the data of a tornado chart.
 * A local method (Saltelli et al. 2008, *Global Sensitivity Analysis: The Primer*, Wiley, §1.2.2;
 * Saltelli & Annoni 2010, "How to avoid a perfunctory sensitivity analysis", Environmental
 * Modelling & Software 25(12)): it sees no interaction and depends on the base, so rank with
 * {@link morrisScreening} or {@link sobolIndices} when inputs interact. Deterministic.
 *
 * Always returns a promise (a model may return promises); runs go in the order base, then
 * parameter by parameter from `min` to `max`.
 *
 * @param fn - the model: receives `{ [name]: value }`, returns a finite number or a promise of one.
 * @param parameters - `[{ name, min, max }]`, names unique, `min < max`, both finite.
 * @param options - `base`, `steps`, `concurrency`.
 * @throws {ArgumentTypeError} (as a rejection) `oneAtATime: fn must be a function of the
 *   parameters' values returning a number (got nothing)`, `oneAtATime: parameters[0].min must be
 *   a finite number (got the string "0")`, `oneAtATime: options.stpes is not an option; did you
 *   mean steps? …`, or a model output that is not a number: `oneAtATime: fn must return a finite
 *   number (got nothing at { "a": 0 }, run 2 of 11)`.
 * @throws {ArgumentRangeError} (as a rejection) `oneAtATime: parameters must be a non-empty
 *   array of { name, min, max } (got an empty array)`, `oneAtATime: parameters[1].name must be
 *   unique (got "a", the name of parameters[0], again)`, `oneAtATime: parameters[0].max must be
 *   a finite number above min (1) (got 1)`, `oneAtATime: options.steps must be an integer from 1
 *   to 1000 (got 0)`, `oneAtATime: options.base.c must name a parameter; did you mean "a"? (got
 *   "c", not among "a", "b")`, or an output that is not finite: `oneAtATime: fn must return a finite number (got
 *   NaN at { "a": 0, "b": 1 }, run 2 of 11)`. An error the model throws is passed on unchanged.
 * @example
 * const result = await oneAtATime(({ a, b }) => 3 * a - b, [
 *   { name: "a", min: 0, max: 2 },
 *   { name: "b", min: 0, max: 10 },
 * ], { steps: 2 });
 * result.effects.map((e) => e.name); // ["b", "a"] (swings 10 and 3 · 2 = 6)
 * result.effects[0].atMin; // 3 (3 · 1 − 0: a stays at its mid-range 1)
 * result.runs; // 7 (1 + 2 · 3)
 */
export async function oneAtATime(
  fn: SensitivityFunction,
  parameters: readonly SensitivityParameter[],
  options?: OneAtATimeOptions,
): Promise<OneAtATimeResult> {
  const model = checkModel(FN, fn);
  const params = checkParameters(FN, parameters);
  const o = checkOptions(FN, "options", options, ["base", "steps", "concurrency"]);
  const steps = integerOption(FN, "steps", o.steps, 4, 1, 1000);
  const concurrency = checkConcurrency(FN, o.concurrency);
  const base = checkBase(o.base, params);

  const k = params.length;
  const baseRow = params.map((p) => base[p.name]!);
  const design = new Float64Array(k * (1 + k * (steps + 1)));
  design.set(baseRow, 0);
  const sweepValue = (p: SensitivityParameter, i: number): number =>
    i === steps ? p.max : p.min + (i / steps) * (p.max - p.min);
  let row = 1;
  params.forEach((p, j) => {
    for (let i = 0; i <= steps; i++, row++) {
      design.set(baseRow, row * k);
      design[row * k + j] = sweepValue(p, i);
    }
  });
  const y = await evaluateDesign(FN, model, params, design, concurrency);

  const effects = params.map((p, j): OneAtATimeEffect => {
    const points: OneAtATimePoint[] = [];
    for (let i = 0; i <= steps; i++)
      points.push({ value: sweepValue(p, i), output: y[1 + j * (steps + 1) + i]! });
    const outputs = points.map((q) => q.output);
    const low = Math.min(...outputs);
    const high = Math.max(...outputs);
    return {
      name: p.name,
      min: p.min,
      max: p.max,
      base: base[p.name]!,
      atMin: points[0]!.output,
      atMax: points[steps]!.output,
      low,
      high,
      swing: high - low,
      points,
    };
  });
  effects.sort((a, b) => b.swing - a.swing);
  return { base, baseOutput: y[0]!, effects, runs: y.length };
}
