import { findMonotoneRoot, type MonotoneRoot } from "../../internal/monotoneRoot.js";

/** Where a search starts and the domain it stays in. */
export interface SearchSpace {
  readonly start: number;
  readonly step: number;
  readonly lower: number;
  readonly upper: number;
}

/** Bounds of a search's evaluations and of its bracket. */
export interface SearchLimits {
  /** Width of the accepted window above the target (in the oriented function's units). */
  readonly tolerance: number;
  readonly xTolerance: number;
  readonly maxEvaluations: number;
}

/**
 * {@link findMonotoneRoot} for a function that rises (`sense` 1) or falls (`sense` −1) with `x`:
 * a falling one is searched on `y = −x`, so the answer is always the point nearest the target on
 * the side where `f(x) ≥ target`.
 */
export async function orientedRoot(
  f: (x: number) => number | Promise<number>,
  target: number,
  sense: 1 | -1,
  space: SearchSpace,
  limits: SearchLimits,
): Promise<MonotoneRoot> {
  if (sense === 1) return findMonotoneRoot(f, target, { ...space, ...limits });
  const found = await findMonotoneRoot((y) => f(-y), target, {
    start: -space.start,
    step: space.step,
    lower: -space.upper,
    upper: -space.lower,
    ...limits,
  });
  return { ...found, x: -found.x };
}
