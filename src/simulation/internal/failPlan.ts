import { ArgumentRangeError } from "../../internal/errors.js";

/**
 * Throws the {@link ArgumentRangeError} of a plan that contradicts itself: `simulate: <message>`
 * (its `path` is `plan`, or `options.series` for a fan-chart series the plan cannot give). The
 * plan is a contract between the scenario runner and the engine, so a broken one is a
 * programming error.
 */
export function failPlan(message: string, path = "plan"): never {
  throw new ArgumentRangeError(`simulate: ${message}`, { code: "out-of-range", path });
}
