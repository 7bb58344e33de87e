/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Initial step along each coordinate, used to build the starting simplex. */
  readonly steps: readonly number[];
  /** Stop after this many iterations (default 2000, like R's `optim` for Nelder–Mead at 500·n). */
  readonly maxIterations?: number;
  /**
   * Stop when the spread of function values over the simplex is below this, relative to the best
   * value (default 1e-10; R's `optim` uses about 1.5e-8).
   */
  readonly fTolerance?: number;
  /** Absolute part of that test, for objectives evaluated with rounding noise (default 0). */
  readonly fAbsolute?: number;
  /** …and every vertex is within this of the best one in each coordinate (default ∞: f only). */
  readonly xTolerance?: number;
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
}

/**
 * Minimises `f` with the Nelder–Mead simplex method, with the standard coefficients (reflection 1,
 * expansion 2, contraction ½, shrink ½) as in J. C. Lagarias, J. A. Reeds, M. H. Wright and
 * P. E. Wright (1998), "Convergence properties of the Nelder–Mead simplex method in low
 * dimensions", SIAM J. Optim. 9(1), 112–147. Constraints are expressed by `f` returning
 * `Infinity` outside the feasible region; the starting point must be feasible. Deterministic.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions,
): NelderMeadResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 2000;
  const fTolerance = options.fTolerance ?? 1e-10;
  const xTolerance = options.xTolerance ?? Number.POSITIVE_INFINITY;
  const fAbsolute = options.fAbsolute ?? 0;
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = x0.slice();
    vertex[i] = (vertex[i] as number) + (options.steps[i] ?? 0.1);
    simplex.push(vertex);
  }
  const values = simplex.map((v) => f(v));
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    order.sort((a, b) => (values[a] as number) - (values[b] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const secondWorst = order[n - 1] as number;
    const fBest = values[best] as number;
    const fWorst = values[worst] as number;
    if (
      Number.isFinite(fWorst) &&
      Math.abs(fWorst - fBest) <= fTolerance * Math.abs(fBest) + fAbsolute
    ) {
      let small = true;
      for (const i of order) {
        for (let j = 0; j < n && small; j++)
          if (Math.abs((simplex[i] as number[])[j]! - (simplex[best] as number[])[j]!) > xTolerance)
            small = false;
      }
      if (small) break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (const i of order.slice(0, n))
      for (let j = 0; j < n; j++) centroid[j]! += (simplex[i] as number[])[j]! / n;
    const along = (t: number): number[] =>
      centroid.map((c, j) => c + t * ((simplex[worst] as number[])[j]! - c));
    const reflected = along(-1);
    const fReflected = f(reflected);
    if (fReflected < fBest) {
      const expanded = along(-2);
      const fExpanded = f(expanded);
      if (fExpanded < fReflected) replace(worst, expanded, fExpanded);
      else replace(worst, reflected, fReflected);
      continue;
    }
    if (fReflected < (values[secondWorst] as number)) {
      replace(worst, reflected, fReflected);
      continue;
    }
    const outside = fReflected < fWorst;
    const contracted = along(outside ? -0.5 : 0.5);
    const fContracted = f(contracted);
    if (outside ? fContracted <= fReflected : fContracted < fWorst) {
      replace(worst, contracted, fContracted);
      continue;
    }
    const bestVertex = simplex[best] as number[];
    for (const i of order.slice(1)) {
      const shrunk = (simplex[i] as number[]).map(
        (v, j) => bestVertex[j]! + 0.5 * (v - bestVertex[j]!),
      );
      replace(i, shrunk, f(shrunk));
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++)
    if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return { x: simplex[bestIndex] as number[], value: values[bestIndex] as number, iterations };

  function replace(i: number, vertex: number[], value: number): void {
    simplex[i] = vertex;
    values[i] = value;
  }
}
