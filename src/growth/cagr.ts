import { checkNumber } from "../internal/checkArgs.js";

const POSITIVE = { positive: true, expected: "a positive finite number" } as const;

/**
 * Compound annual growth rate from `start` to `end` over `years` years, as a fraction a year:
 * `(end / start)^(1 / years) − 1`, computed in log space as
 * `expm1(ln(end / start) / years)` for accuracy when growth is small.
 *
 * @param start - value at the start (> 0).
 * @param end - value at the end (> 0).
 * @param years - length of the period in years (> 0; fractions allowed).
 * @throws {ArgumentRangeError} `cagr: start must be a positive finite number (got 0)`, the same
 *   for `end` (`(got NaN)`, `(got -1)`, `(got Infinity)`), and
 *   `cagr: years must be positive (got 0)`.
 * @throws {ArgumentTypeError} the same messages for a value that is not a number, e.g.
 *   `cagr: start must be a positive finite number (got the string "100")`, or is missing
 *   (`(got nothing)`).
 * @example
 * cagr(100, 121, 2); // 0.09999999999999999 (10% a year)
 */
export function cagr(start: number, end: number, years: number): number {
  checkNumber("cagr", "start", start, POSITIVE);
  checkNumber("cagr", "end", end, POSITIVE);
  checkNumber("cagr", "years", years, { positive: true, expected: "positive" });
  return Math.expm1(Math.log(end / start) / years);
}
