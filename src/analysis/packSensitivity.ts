import { checkArrayOf, checkNumber, checkOneOf, checkOptions } from "../internal/checkArgs.js";
import { checkSchema } from "../internal/checkSchema.js";
import { ArgumentRangeError } from "../internal/errors.js";
import type { RegionPack } from "../schemas/regionPack.js";
import {
  type ScenarioInput,
  type SensitivityRange,
  SensitivityRangeSchema,
} from "../schemas/scenario.js";
import { checkSeed } from "./internal/checkSensitivityArgs.js";
import { applyParameters, type PackParameter, packParameters } from "./internal/packParameters.js";
import { packTargetRunner } from "./internal/packTargetRunner.js";
import { type MorrisResult, morrisScreening } from "./morrisScreening.js";
import { type OneAtATimeResult, oneAtATime } from "./oneAtATime.js";
import type { ParameterValues } from "./sensitivityParameter.js";
import { type SobolResult, sobolIndices } from "./sobolIndices.js";

/** Options of {@link packSensitivity}. */
export interface PackSensitivityOptions {
  /** `"oat"` ({@link oneAtATime}), `"morris"` ({@link morrisScreening}) or `"sobol"` (default). */
  readonly method?: "oat" | "morris" | "sobol";
  /**
   * Sobol' base sample N (a power of 2; default 256), Morris trajectories (default 10), or the
   * steps of each one-at-a-time sweep (default 4).
   */
  readonly samples?: number;
  /** Seed of Morris and Sobol' (default 1). */
  readonly seed?: number;
  /** The assumptions to move and their ranges; default the scenario's `ranges`, else defaults. */
  readonly ranges?: readonly SensitivityRange[];
}

/** One parameter of {@link packSensitivity}: an assumption of the scenario and its range. */
export type PackSensitivityParameter = PackParameter;

/** What {@link packSensitivity} returns. */
export interface PackSensitivityResult {
  readonly target: string;
  readonly scenario: string;
  /** What the output is: the gap projected − target, in the target's unit. */
  readonly output: { readonly measure: "gap"; readonly unit: string; readonly base: number };
  readonly method: "oat" | "morris" | "sobol";
  readonly parameters: readonly PackSensitivityParameter[];
  /** The analysis, as the method's function returns it (parameters named `what:scope:indicator`). */
  readonly result: OneAtATimeResult | MorrisResult | SobolResult;
}

const FN = "packSensitivity";

/** `options.samples` for the method, with its default: steps, trajectories or Sobol' N. */
function checkSamples(method: "oat" | "morris" | "sobol", value: unknown): number {
  if (method === "sobol") {
    if (value === undefined) return 256;
    const expected = "a power of 2 from 2 to 2^20 for Sobol' (e.g. 256, 1024)";
    const n = checkNumber(FN, "options.samples", value, { expected });
    if (Number.isInteger(Math.log2(n)) && n >= 2 && n <= 2 ** 20) return n;
    throw new ArgumentRangeError(`${FN}: options.samples must be ${expected} (got ${n})`, {
      code: "out-of-range",
      path: "options.samples",
    });
  }
  if (value === undefined) return method === "oat" ? 4 : 10;
  return checkNumber(FN, "options.samples", value, {
    integer: true,
    min: method === "oat" ? 1 : 2,
    max: method === "oat" ? 1000 : 100_000,
  });
}

/**
 * Sensitivity of one target's gap to the assumptions of a scenario: which growth and shock
 * assumptions move `projected − target` (in the target's unit, deterministic assessment) the
 * most, by {@link oneAtATime}, {@link morrisScreening} or {@link sobolIndices} (methods and
 * references in docs/sensitivity.md).
 *
 * Parameters: the scenario's assumptions for the series the target reads, each with a range —
 * `options.ranges`, else the scenario's `ranges` (see `SensitivityRangeSchema`), else defaults:
 * for each level series the target reads (e.g. the central city's GDP and the city's for a
 * share), a constant growth (a `cagr` model from the latest observation) within ±3 points a year
 * of the growth the scenario implies for it from its latest observation to the target's year
 * without the scenario's shocks (which every run applies on top, so that the base values give
 * about the scenario's own projection), and
 * for each shock of the scenario on such a series a size from 0 to twice its own. A growth
 * replaces the scenario's models of exactly that scope and indicator (where two cover a place, as
 * the city and the central city in it, the narrower applies to it); a shock sets the size of
 * the scenario's shocks of exactly that scope and indicator. Each run projects only the series
 * the target needs, and evaluates the target as `assessPack` does. Pure and seeded.
 *
 * @param pack - a region pack, e.g. `qujingPack`.
 * @param scenario - a scenario id of the pack or a scenario object.
 * @param targetId - the id of a target of the pack.
 * @param options - `method`, `samples`, `seed`, `ranges`.
 * @throws {ArgumentTypeError} (as a rejection) the errors of `assessPack` for the pack and the
 *   scenario; `packSensitivity: options.mehtod is not an option; did you mean method? …`.
 * @throws {ArgumentRangeError} (as a rejection) `packSensitivity: targetId must be the id of a
 *   target of the pack; did you mean "gdp-2035-double"? (got the string "gdp-2035")`;
 *   `packSensitivity: targetId must name a target the scenario evaluates: gdp-rank-top70 has no
 *   gap under "trend" …`; `packSensitivity: options.samples must be a power of 2 from 2 to 2^20
 *   for Sobol' (e.g. 256, 1024) (got 100)`; a range at whose values the target has no gap
 *   (`packSensitivity: options.ranges must keep the target evaluable: …`);
 *   `packSensitivity: options.ranges[0].what must be "growth" or "shock": sigma moves only the
 *   probability of attainment …`; a range out of its schema (`options.ranges[0].max: max must
 *   be above min`).
 * @example
 * const s = await packSensitivity(qujingPack, "trend", "central-city-gdp-share", { method: "oat" });
 * s.parameters.map((p) => p.name); // ["growth:central-city:gdp", "growth:city:gdp"]
 * s.output.unit; // "%"
 */
export async function packSensitivity(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  targetId: string,
  options?: PackSensitivityOptions,
): Promise<PackSensitivityResult> {
  const o = checkOptions(FN, "options", options, ["method", "samples", "seed", "ranges"]);
  const method =
    o.method === undefined
      ? "sobol"
      : checkOneOf(FN, "options.method", o.method, ["oat", "morris", "sobol"]);
  const seed = o.seed === undefined ? 1 : checkSeed(FN, o.seed);
  const samples = checkSamples(method, o.samples);
  const ranges =
    o.ranges === undefined
      ? undefined
      : checkArrayOf(FN, "options.ranges", o.ranges, (at, r) =>
          checkSchema(FN, at, r, SensitivityRangeSchema),
        );
  const runner = packTargetRunner(FN, pack, scenario, targetId);
  const base = runner.run(runner.scenario);
  const gap = base.evaluation.gap;
  if (gap === null)
    throw new ArgumentRangeError(
      `${FN}: targetId must name a target the scenario evaluates: ${runner.target.id} has no gap under "${runner.scenario.id}" (insufficient data; see its row in the assessment)`,
      { code: "out-of-range", path: "targetId" },
    );
  // Growth centres are read without the scenario's shocks, which every run applies on top.
  const unshocked = runner.run({ ...runner.scenario, shocks: [] }).projection;
  const parameters = packParameters(FN, runner, unshocked, ranges);
  if (parameters.length === 0)
    throw new ArgumentRangeError(
      `${FN}: options.ranges must be given: the target ${runner.target.id} reads no level series with a projected growth, so there is no default (got nothing)`,
      { code: "out-of-range", path: "options.ranges" },
    );
  const model = (values: ParameterValues): number => {
    const { evaluation } = runner.run(
      applyParameters(runner.scenario, parameters, values, runner.scopeSize),
    );
    if (evaluation.gap !== null) return evaluation.gap.absolute;
    const at = Object.entries(values)
      .map(([k, v]) => `${k} = ${v}`)
      .join(", ");
    throw new ArgumentRangeError(
      `${FN}: options.ranges must keep the target evaluable: ${runner.target.id} has no gap at ${at}`,
      { code: "out-of-range", path: "options.ranges" },
    );
  };
  const ranged = parameters.map((p) => ({ name: p.name, min: p.min, max: p.max }));
  const baseValues = Object.fromEntries(
    parameters.filter((p) => p.base !== null).map((p) => [p.name, p.base as number]),
  );
  const result =
    method === "oat"
      ? await oneAtATime(model, ranged, { base: baseValues, steps: samples })
      : method === "morris"
        ? await morrisScreening(model, ranged, { seed, trajectories: samples })
        : await sobolIndices(model, ranged, { seed, samples });
  return {
    target: runner.target.id,
    scenario: runner.scenario.id,
    output: { measure: "gap", unit: runner.target.unit, base: gap.absolute },
    method,
    parameters,
    result,
  };
}
