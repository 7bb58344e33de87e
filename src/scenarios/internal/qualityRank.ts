import type { Quality } from "../../schemas/observation.js";

/** Order of the quality grades, best first: A (0) before B (1) before C (2). */
export const QUALITY_RANK: Readonly<Record<Quality, number>> = { A: 0, B: 1, C: 2 };

/** The worse of two quality grades. */
export function worseQuality(a: Quality, b: Quality): Quality {
  return QUALITY_RANK[b] > QUALITY_RANK[a] ? b : a;
}
