import { regularizedBeta } from "./regularizedBeta.js";

/**
 * Distribution function of Student's t with `df` degrees of freedom (df > 0, not necessarily an
 * integer): P(T ≤ t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0, and symmetric for t < 0
 * (Abramowitz & Stegun 26.7.1 with 26.5.27).
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTCdf: df must be positive (got ${df})`);
  if (Number.isNaN(t)) throw new RangeError(`studentTCdf: t must be a number (got ${t})`);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
