import { cagr } from "./cagr.js";

/**
 * The growth a year (fraction) still required to go from the latest value to the target in the
 * years left: the closed form `(target / latest)^(1 / years) − 1`. Negative when the latest value
 * is already above the target (the level could fall by that much and still meet it).
 *
 * @param latest - latest observed value (> 0).
 * @param target - target value (> 0).
 * @param years - years left until the target year (> 0).
 * @throws {RangeError} `requiredGrowth: years must be positive (got 0)`;
 *   `requiredGrowth: latest must be a positive finite number (got …)`; the same for `target`.
 * @example
 * requiredGrowth(2959.35, 5918.7, 15); // 0.04729412282062671 (doubling in 15 years)
 */
export function requiredGrowth(latest: number, target: number, years: number): number {
  if (!(years > 0 && Number.isFinite(years)))
    throw new RangeError(`requiredGrowth: years must be positive (got ${years})`);
  if (!(latest > 0 && Number.isFinite(latest)))
    throw new RangeError(`requiredGrowth: latest must be a positive finite number (got ${latest})`);
  if (!(target > 0 && Number.isFinite(target)))
    throw new RangeError(`requiredGrowth: target must be a positive finite number (got ${target})`);
  return cagr(latest, target, years);
}
