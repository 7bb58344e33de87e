// The entry checks of `simulatePack` and `simulateAssessment`: the pack, scenario and `data` of
// `assessPack`, and the run options of `simulate`, named as `options.<key>`.

import { type CheckedAssessArgs, checkAssessArgs } from "../../assessment/checkAssessArgs.js";
import type { SimulatePackOptions } from "../simulatePack.js";
import type { CheckedRunOptions } from "./checkRunOptions.js";
import { checkRunOptions } from "./checkRunOptions.js";

/** The run options `simulatePack` passes on to `simulate`. */
const RUN_OPTIONS = [
  "paths",
  "seed",
  "workers",
  "quantiles",
  "samplePaths",
  "signal",
  "onProgress",
  "blocks",
];

/** The checked arguments of `simulatePack`. */
export interface CheckedSimulatePackArgs extends CheckedAssessArgs {
  /** The options to run with: the caller's, with `data` replaced by its valid rows. */
  readonly runOptions: SimulatePackOptions;
  readonly run: CheckedRunOptions;
}

/**
 * Checks the arguments of `simulatePack` (or `simulateAssessment`, as `fn`): throws the errors
 * of `assessPack`'s checks and of `simulate`'s options, each starting with `fn` and naming
 * `options.<key>`. Bad `data` rows are left out of `runOptions` and returned as `data.issues`.
 */
export function checkSimulatePackArgs(
  fn: string,
  pack: unknown,
  scenario: unknown,
  options: unknown,
): CheckedSimulatePackArgs {
  const args = checkAssessArgs(fn, pack, scenario, options, RUN_OPTIONS);
  const run = checkRunOptions(fn, args.options, "options.");
  const { data: _data, strict: _strict, ...rest } = args.options;
  const runOptions = { ...rest, data: args.data.observations } as SimulatePackOptions;
  return { ...args, run, runOptions };
}
