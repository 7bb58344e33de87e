import { fsum } from "../../internal/fsum.js";

/** Arithmetic mean with a compensated sum (see `fsum`); null for an empty sample. */
export const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : fsum(xs) / xs.length;

/** Median (the mean of the two middle values for an even count); null for an empty sample. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = Float64Array.from(xs).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
