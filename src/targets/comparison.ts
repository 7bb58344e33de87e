import type { Comparator } from "../schemas/target.js";

/**
 * The gap between a projected value and a target: `projected − target` in the target's unit,
 * and relative to `|target|` (null for a target of 0, where a relative gap has no meaning).
 */
export function gapOf(
  projected: number,
  target: number,
): { absolute: number; relative: number | null } {
  return {
    absolute: projected - target,
    relative: target === 0 ? null : (projected - target) / Math.abs(target),
  };
}

/** Default relative half-width of an `about` band (左右: ±2%), as PLAN.md reads the plan. */
export const ABOUT_TOLERANCE = 0.02;

/**
 * Relative tolerance of every comparison with a target (1e-9): a path built to land on a target
 * (60% reached as 59.99999999999999 after a round trip through the logit scale) meets it, while
 * no real difference in plan figures (given to 2–4 significant digits) is that small.
 */
export const COMPARISON_TOLERANCE = 1e-9;

/**
 * Whether `value` satisfies `comparator target` (an `about` band is `target·(1 ± tolerance)`),
 * up to {@link COMPARISON_TOLERANCE}.
 */
export function satisfies(
  value: number,
  comparator: Comparator,
  target: number,
  tolerance: number = ABOUT_TOLERANCE,
): boolean {
  const slack = COMPARISON_TOLERANCE * Math.abs(target);
  if (comparator === ">=") return value >= target - slack;
  if (comparator === "<=") return value <= target + slack;
  return Math.abs(value - target) <= tolerance * Math.abs(target) + slack;
}
