import { checkNumber } from "../internal/checkArgs.js";
import { cagr } from "./cagr.js";

const POSITIVE = { positive: true, expected: "a positive finite number" } as const;

/**
 * The growth a year (fraction) still required to go from the latest value to the target in the
 * years left: the closed form `(target / latest)^(1 / years) − 1`. Negative when the latest value
 * is already above the target (the level could fall by that much and still meet it).
 *
 * @param latest - latest observed value (> 0).
 * @param target - target value (> 0).
 * @param years - years left until the target year (> 0).
 * @throws {ArgumentRangeError} `requiredGrowth: years must be positive (got 0)`;
 *   `requiredGrowth: latest must be a positive finite number (got -1)`; the same for `target`.
 * @throws {ArgumentTypeError} the same messages for a value that is not a number, e.g.
 *   `requiredGrowth: latest must be a positive finite number (got the string "3802")`, or is
 *   missing (`(got nothing)`).
 * @example
 * requiredGrowth(2959.35, 5918.7, 15); // 0.04729412282062671 (doubling in 15 years)
 */
export function requiredGrowth(latest: number, target: number, years: number): number {
  checkNumber("requiredGrowth", "years", years, { positive: true, expected: "positive" });
  checkNumber("requiredGrowth", "latest", latest, POSITIVE);
  checkNumber("requiredGrowth", "target", target, POSITIVE);
  return cagr(latest, target, years);
}
