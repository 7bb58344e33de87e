// A bracketing root-finder for monotone functions that are costly to evaluate (a projection or a
// Monte Carlo run per call): domain-free, so it lives here; `solveTarget` is its caller.

/** Options of {@link findMonotoneRoot}. */
export interface MonotoneRootOptions {
  /** The first point evaluated. */
  readonly start: number;
  /** The first step away from `start` (positive); later steps follow the secant. */
  readonly step: number;
  /** The domain `[lower, upper]`: no point outside it is evaluated. */
  readonly lower: number;
  readonly upper: number;
  /**
   * Width of the accepted window above the target: a point with
   * `target ≤ f(x) ≤ target + tolerance` ends the search.
   */
  readonly tolerance: number;
  /** The search also ends when the bracket is narrower than this (a step function's jump). */
  readonly xTolerance: number;
  /** Most evaluations of `f`. */
  readonly maxEvaluations: number;
}

/** What {@link findMonotoneRoot} found. */
export interface MonotoneRoot {
  /**
   * The answer: the point found with `f(x) ≥ target` nearest the target (within the window when
   * `converged`), or, when the target is out of reach in the domain, the domain's end nearest it.
   */
  readonly x: number;
  readonly fx: number;
  /** Whether `target ≤ f(x) ≤ target + tolerance`. */
  readonly converged: boolean;
  /** Whether the target lies within the values `f` takes on the domain (a bracket was found). */
  readonly bracketed: boolean;
  readonly evaluations: number;
}

/**
 * Finds, for a non-decreasing function `f`, a point `x` with `target ≤ f(x) ≤ target +
 * tolerance`: the smallest "just meets" point, from the side that meets.
 *
 * Method: a secant search from `start` (a first step of `step` towards the target, then secant
 * extrapolation past the secant's root by a fifth, from half to four times the previous step) until the target is bracketed, then the
 * Illinois variant of regula falsi (Dowell & Jarratt 1971, "A modified regula falsi method for
 * computing the root of an equation", BIT 11(2), 168–174) aimed at the middle of the accepted
 * window, with a bisection whenever the interpolated point is not inside the bracket. The bracket `[a, b]` keeps `f(a) < target + tolerance / 2 ≤ f(b)`, so its upper end
 * always meets the target; for a step function (a Monte Carlo probability with common random
 * numbers) the search ends when the bracket is narrower than `xTolerance` and returns its upper
 * end. Evaluations are awaited one at a time.
 *
 * @param f - the function, non-decreasing on `[lower, upper]` (callers orient it).
 * @param target - the value to reach.
 * @param options - the start, first step, domain and tolerances.
 * @returns the point, its value, and whether the window was reached.
 */
export async function findMonotoneRoot(
  f: (x: number) => number | Promise<number>,
  target: number,
  options: MonotoneRootOptions,
): Promise<MonotoneRoot> {
  const { lower, upper, tolerance, xTolerance, maxEvaluations } = options;
  const aim = target + tolerance / 2;
  let evaluations = 0;
  const at = async (x: number) => {
    evaluations++;
    return { x, fx: await f(x) };
  };
  const inWindow = (fx: number) => fx >= target && fx <= target + tolerance;
  const done = (p: { x: number; fx: number }, bracketed: boolean): MonotoneRoot => ({
    x: p.x,
    fx: p.fx,
    converged: inWindow(p.fx),
    bracketed,
    evaluations,
  });

  // 1. Bracket: walk from the start towards the aim.
  let prev = await at(Math.min(upper, Math.max(lower, options.start)));
  if (inWindow(prev.fx)) return done(prev, true);
  const up = prev.fx < aim;
  let step = options.step;
  let next = await at(clamp(prev.x + (up ? step : -step), lower, upper));
  while (next.fx < aim === up) {
    if (inWindow(next.fx)) return done(next, true);
    const edge = up ? upper : lower;
    if (next.x === edge || evaluations >= maxEvaluations) return done(next, false);
    const slope = (next.fx - prev.fx) / (next.x - prev.x);
    const secant = slope > 0 ? (aim - next.fx) / slope : Number.POSITIVE_INFINITY;
    step = Math.min(Math.max(Math.abs(secant) * 1.2, step / 2), 4 * step);
    prev = next;
    next = await at(clamp(next.x + (up ? step : -step), lower, upper));
  }
  if (inWindow(next.fx)) return done(next, true);
  let a = up ? prev : next;
  let b = up ? next : prev;

  // 2. Illinois within [a, b]: f(a) < aim ≤ f(b).
  let ga = a.fx - aim;
  let gb = b.fx - aim;
  let kept: "a" | "b" | null = null;
  while (evaluations < maxEvaluations && b.x - a.x > xTolerance) {
    let x = b.x - (gb * (b.x - a.x)) / (gb - ga);
    if (!(x > a.x && x < b.x)) x = (a.x + b.x) / 2;
    const p = await at(x);
    if (inWindow(p.fx)) return done(p, true);
    const g = p.fx - aim;
    if (g < 0) {
      a = p;
      ga = g;
      if (kept === "b") gb /= 2;
      kept = "b";
    } else {
      b = p;
      gb = g;
      if (kept === "a") ga /= 2;
      kept = "a";
    }
  }
  return done(b, true);
}

function clamp(x: number, lower: number, upper: number): number {
  return Math.min(upper, Math.max(lower, x));
}
