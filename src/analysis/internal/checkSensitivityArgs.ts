import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOptions,
  checkPresent,
  checkSeedValue,
  checkString,
} from "../../internal/checkArgs.js";
import { describeValue } from "../../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../internal/errors.js";
import type { SensitivityFunction, SensitivityParameter } from "../sensitivityParameter.js";

/** `fn` (the model) must be a function. */
export function checkModel(fn: string, value: unknown): SensitivityFunction {
  if (typeof value !== "function")
    throw new ArgumentTypeError(
      `${fn}: fn must be a function of the parameters' values returning a number (got ${describeValue(value)})`,
      { code: value === undefined ? "missing-argument" : "invalid-type", path: "fn" },
    );
  return value as SensitivityFunction;
}

/**
 * The parameters: a non-empty array of `{ name, min, max }` with unique non-empty names and
 * finite `min < max`; returns copies.
 */
export function checkParameters(fn: string, value: unknown): SensitivityParameter[] {
  const expected = "a non-empty array of { name, min, max }";
  const list = checkArrayOf(
    fn,
    "parameters",
    value,
    (path, item): SensitivityParameter => {
      const p = checkOptions(
        fn,
        path,
        checkObject(fn, path, item, "an object { name, min, max }"),
        ["name", "min", "max"],
      );
      const name = checkString(fn, `${path}.name`, p.name, { nonEmpty: true });
      const min = checkNumber(fn, `${path}.min`, p.min);
      const max = checkNumber(fn, `${path}.max`, p.max);
      if (!(max > min))
        throw new ArgumentRangeError(
          `${fn}: ${path}.max must be a finite number above min (${min}) (got ${max})`,
          { code: "out-of-range", path: `${path}.max` },
        );
      return { name, min, max };
    },
    expected,
  );
  if (list.length === 0)
    throw new ArgumentRangeError(`${fn}: parameters must be ${expected} (got an empty array)`, {
      code: "out-of-range",
      path: "parameters",
    });
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    const first = seen.get(p.name);
    if (first !== undefined)
      throw new ArgumentRangeError(
        `${fn}: parameters[${i}].name must be unique (got ${JSON.stringify(p.name)}, the name of parameters[${first}], again)`,
        { code: "out-of-range", path: `parameters[${i}].name` },
      );
    seen.set(p.name, i);
  });
  return list;
}

/** The required seed: a safe integer. */
export function checkSeed(fn: string, value: unknown): number {
  checkPresent(fn, "options.seed", value, "given: the seed, a safe integer");
  return checkSeedValue(fn, "options.seed", value);
}

/** Most runs an analysis starts at once when the model returns promises (default 4). */
export function checkConcurrency(fn: string, value: unknown): number {
  if (value === undefined) return 4;
  return checkNumber(fn, "options.concurrency", value, { integer: true, min: 1, max: 1024 });
}

/** An optional integer option in [min, max] with its default. */
export function integerOption(
  fn: string,
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  return checkNumber(fn, `options.${name}`, value, { integer: true, min, max });
}
