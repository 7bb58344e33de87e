import type { ModelScale } from "../schemas/indicator.js";

/** Bounds of a logit-scale series when none are given: a percentage, `[0, 100]`. */
export const DEFAULT_LOGIT_BOUNDS: readonly [number, number] = [0, 100];

/**
 * The standard logistic function 1 / (1 + e^−y), the inverse of the logit ln(p / (1 − p)),
 * written as e^y / (1 + e^y) for negative y so that e^−y is never evaluated where it overflows.
 *
 * @example
 * inverseLogit(0); // 0.5
 * inverseLogit(-800); // 0
 * inverseLogit(Math.log(3)); // 0.7499999999999999
 */
export function inverseLogit(y: number): number {
  return y >= 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
}

/**
 * Maps a value to the modelling scale: `ln x` (log), `ln((x − lo) / (hi − x))` (logit on
 * `[lo, hi]`) or `x` (linear). Callers validate the domain first; a value outside it throws.
 *
 * @throws {RangeError} `toScale: log scale needs a positive value (got v)` or
 *   `toScale: logit scale needs a value inside (lo, hi) (got v)`.
 * @example
 * toScale(75, "logit"); // 1.0986122886681096 (ln 3)
 */
export function toScale(
  value: number,
  scale: ModelScale,
  bounds: readonly [number, number] = DEFAULT_LOGIT_BOUNDS,
): number {
  if (scale === "log") {
    if (!(value > 0))
      throw new RangeError(`toScale: log scale needs a positive value (got ${value})`);
    return Math.log(value);
  }
  if (scale === "logit") {
    const [lo, hi] = bounds;
    if (!(value > lo && value < hi))
      throw new RangeError(
        `toScale: logit scale needs a value inside (${lo}, ${hi}) (got ${value})`,
      );
    return Math.log((value - lo) / (hi - value));
  }
  return value;
}

/**
 * Inverse of {@link toScale}: `e^y` (log), `lo + (hi − lo) · inverseLogit(y)` (logit on
 * `[lo, hi]`, never outside the bounds) or `y` (linear).
 *
 * @example
 * fromScale(Math.log(3), "logit"); // 74.99999999999999
 */
export function fromScale(
  y: number,
  scale: ModelScale,
  bounds: readonly [number, number] = DEFAULT_LOGIT_BOUNDS,
): number {
  if (scale === "log") return Math.exp(y);
  if (scale === "logit") {
    const [lo, hi] = bounds;
    return lo + (hi - lo) * inverseLogit(y);
  }
  return y;
}
