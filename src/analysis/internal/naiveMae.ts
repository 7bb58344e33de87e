import { fsum } from "../../internal/fsum.js";

/**
 * In-sample mean absolute error of the one-step naive forecast (`ŷ_t = y_{t−1}`) over a series:
 * the denominator of the mean absolute scaled error (MASE; Hyndman & Koehler 2006, "Another look
 * at measures of forecast accuracy", IJF 22(4), eq. for non-seasonal series).
 *
 * Only pairs of consecutive years count (a gap is not a one-step change) and a pair whose second
 * year is a series break is skipped (levels before and after a break are on different bases).
 * Returns `null` when no pair is left or every change is 0 (the scaled error would be infinite).
 */
export function naiveMae(
  years: readonly number[],
  values: readonly number[],
  breaks: readonly number[],
): number | null {
  const changes: number[] = [];
  for (let i = 1; i < years.length; i++) {
    const year = years[i] as number;
    if (year !== (years[i - 1] as number) + 1 || breaks.includes(year)) continue;
    changes.push(Math.abs((values[i] as number) - (values[i - 1] as number)));
  }
  if (changes.length === 0) return null;
  const mae = fsum(changes) / changes.length;
  return mae > 0 ? mae : null;
}
