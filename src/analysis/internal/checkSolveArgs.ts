import { type CheckedAssessArgs, checkAssessArgs } from "../../assessment/checkAssessArgs.js";
import { checkNumber, checkOneOf, checkSeedValue, checkString } from "../../internal/checkArgs.js";
import { ArgumentRangeError } from "../../internal/errors.js";
import { nearestIds, normalizeName } from "../../internal/nameMatch.js";
import type { Target } from "../../schemas/target.js";
import { MAX_SIMULATION_PATHS } from "../../simulation/simulate.js";
import { SOLVE_RULES, type SolveRule } from "../solveResult.js";

const FN = "solveTarget";

/** Default paths of each Monte Carlo run: about a second a run on Qujing, a standard error ≤ 0.008. */
export const DEFAULT_SOLVE_PATHS = 4096;

/** The checked arguments of `solveTarget`. */
export interface CheckedSolveArgs extends CheckedAssessArgs {
  readonly target: Target;
  readonly probability: number | undefined;
  readonly rule: SolveRule | undefined;
  readonly paths: number;
  readonly seed: number;
  readonly workers: number;
}

/**
 * Checks the arguments of `solveTarget`: the pack, scenario and `data`/`strict` as
 * `assessPack` does, the target id (an unknown one names the nearest ids), and the options.
 *
 * @throws {ArgumentTypeError | ArgumentRangeError} with the messages listed on `solveTarget`.
 */
export function checkSolveArgs(
  pack: unknown,
  scenario: unknown,
  targetId: unknown,
  options: unknown,
): CheckedSolveArgs {
  const args = checkAssessArgs(FN, pack, scenario, options, [
    "probability",
    "rule",
    "paths",
    "seed",
    "workers",
  ]);
  const id = checkString(FN, "targetId", targetId, { nonEmpty: true, expected: "a target id" });
  const target = args.pack.targets.find((t) => t.id === id);
  if (target === undefined) {
    const candidates = args.pack.targets.map((t) => ({ id: t.id, keys: [normalizeName(t.id)] }));
    const [near] = nearestIds(normalizeName(id), candidates, 1);
    const hint = near === undefined ? "" : `; did you mean ${JSON.stringify(near)}?`;
    throw new ArgumentRangeError(
      `${FN}: targetId must be the id of a target of the pack${hint} (got the string ${JSON.stringify(id)})`,
      { code: "unknown-id", path: "targetId" },
    );
  }
  const o = args.options;
  let probability: number | undefined;
  if (o.probability !== undefined) {
    const expected = "a probability strictly between 0 and 1 (0.8 = 80%)";
    probability = checkNumber(FN, "options.probability", o.probability, { expected });
    if (!(probability > 0 && probability < 1))
      throw new ArgumentRangeError(
        `${FN}: options.probability must be ${expected} (got ${probability})`,
        {
          code: "out-of-range",
          path: "options.probability",
        },
      );
  }
  const rule =
    o.rule === undefined ? undefined : checkOneOf(FN, "options.rule", o.rule, SOLVE_RULES);
  const paths =
    o.paths === undefined
      ? DEFAULT_SOLVE_PATHS
      : checkNumber(FN, "options.paths", o.paths, {
          integer: true,
          min: 100,
          max: MAX_SIMULATION_PATHS,
        });
  const seed = o.seed === undefined ? 1 : checkSeedValue(FN, "options.seed", o.seed);
  const workers =
    o.workers === undefined
      ? 0
      : checkNumber(FN, "options.workers", o.workers, { integer: true, min: 0 });
  return { ...args, target, probability, rule, paths, seed, workers };
}
