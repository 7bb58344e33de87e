import type { ModelScale } from "../schemas/indicator.js";

/**
 * Maps a value to the modelling scale: `ln x` (log), `ln((x − lo) / (hi − x))` (logit on
 * `[lo, hi]`) or `x` (linear). Callers validate the domain first; a value outside it throws.
 */
export function toScale(
  value: number,
  scale: ModelScale,
  bounds: readonly [number, number] = [0, 100],
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

/** Inverse of {@link toScale}. */
export function fromScale(
  y: number,
  scale: ModelScale,
  bounds: readonly [number, number] = [0, 100],
): number {
  if (scale === "log") return Math.exp(y);
  if (scale === "logit") {
    const [lo, hi] = bounds;
    // 1 / (1 + e^-y) written to stay finite for large |y|.
    const p = y >= 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
    return lo + (hi - lo) * p;
  }
  return y;
}
