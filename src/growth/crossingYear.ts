import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOneOf,
  checkOptions,
} from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";

/** Options of {@link crossingYear}. */
export interface CrossingOptions {
  /** `atLeast`: first year with value ≥ threshold; `atMost`: first year with value ≤ threshold. */
  readonly direction: "atLeast" | "atMost";
}

const FN = "crossingYear";
const DIRECTIONS: readonly CrossingOptions["direction"][] = ["atLeast", "atMost"];

/** `path.years` and `path.values` as arrays of finite numbers, years increasing. */
function checkPath(path: unknown): { years: number[]; values: number[] } {
  const p = checkObject(FN, "path", path, "an object { years, values }");
  const number = (at: string, v: unknown) => checkNumber(FN, at, v);
  const years = checkArrayOf(FN, "path.years", p.years, number, "an array of years");
  const values = checkArrayOf(FN, "path.values", p.values, number, "an array of numbers");
  for (let k = 1; k < years.length; k++) {
    const [before, year] = [years[k - 1] as number, years[k] as number];
    if (year <= before)
      throw new ArgumentRangeError(
        `${FN}: path.years must be increasing (got ${year} after ${before} at path.years[${k}])`,
        { code: "out-of-range", path: `path.years[${k}]` },
      );
  }
  if (years.length !== values.length)
    throw new ArgumentRangeError(
      `${FN}: years and values differ in length (${years.length} years, ${values.length} values)`,
      { code: "out-of-range", path: "path.values" },
    );
  return { years, values };
}

/** The threshold of `year`: the number, or what the function returns for it. */
function thresholdOf(
  threshold: number | ((year: number) => number | undefined),
  year: number,
): number | undefined {
  if (typeof threshold === "number") return threshold;
  const bar: unknown = threshold(year);
  if (bar === undefined || (typeof bar === "number" && Number.isFinite(bar))) return bar;
  const message = `${FN}: threshold(${year}) must return a finite number or undefined (got ${describeValue(bar)})`;
  if (typeof bar === "number")
    throw new ArgumentRangeError(message, { code: "out-of-range", path: "threshold" });
  throw new ArgumentTypeError(message, { code: "invalid-type", path: "threshold" });
}

/**
 * The first year in which a path meets a threshold, or `undefined` if it never does within the
 * path. The path is read year by year; no interpolation between years (plan targets are annual).
 *
 * @param path - `{ years, values }` of the same length, finite numbers, years increasing.
 * @param threshold - a finite number, or a function of the year returning one or `undefined`
 *   (no threshold that year; e.g. a reference series that moves).
 * @param options - `direction`: `"atLeast"` or `"atMost"` (required).
 * @throws {ArgumentRangeError} `crossingYear: years and values differ in length (3 years, 2
 *   values)`; `crossingYear: path.years must be increasing (got 2023 after 2024 at
 *   path.years[2])`; `crossingYear: options.direction must be "atLeast" or "atMost"; did you
 *   mean "atLeast"? (got the string "atleast")`; NaN or ±Infinity in the path or threshold
 *   (`crossingYear: path.values[1] must be a finite number (got NaN)`).
 * @throws {ArgumentTypeError} a path, threshold or options of the wrong type or missing, e.g.
 *   `crossingYear: options must be an object such as { direction } (got nothing)`,
 *   `crossingYear: threshold must be a finite number or a function of the year (got the string
 *   "58")`, or an unknown option.
 * @example
 * crossingYear({ years: [2023, 2024, 2025], values: [55, 58.5, 60.2] }, 58, { direction: "atLeast" }); // 2024
 */
export function crossingYear(
  path: { readonly years: readonly number[]; readonly values: readonly number[] },
  threshold: number | ((year: number) => number | undefined),
  options: CrossingOptions,
): number | undefined {
  const { years, values } = checkPath(path);
  if (typeof threshold !== "function")
    checkNumber(FN, "threshold", threshold, {
      expected: "a finite number or a function of the year",
    });
  if (options === undefined) checkObject(FN, "options", options, "an object such as { direction }");
  const o = checkOptions(FN, "options", options, ["direction"]);
  const direction = checkOneOf(FN, "options.direction", o.direction, DIRECTIONS);
  for (let k = 0; k < years.length; k++) {
    const year = years[k] as number;
    const value = values[k] as number;
    const bar = thresholdOf(threshold, year);
    if (bar === undefined) continue;
    if (direction === "atLeast" ? value >= bar : value <= bar) return year;
  }
  return undefined;
}
