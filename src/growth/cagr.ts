/**
 * Compound annual growth rate from `start` to `end` over `years` years, as a fraction a year:
 * `(end / start)^(1 / years) − 1`, computed in log space as
 * `expm1(ln(end / start) / years)` for accuracy when growth is small.
 *
 * @param start - value at the start (> 0).
 * @param end - value at the end (> 0).
 * @param years - length of the period in years (> 0; fractions allowed).
 * @throws {RangeError} `cagr: start must be a positive finite number (got …)`, the same for
 *   `end`, and `cagr: years must be positive (got …)`.
 * @example
 * cagr(100, 121, 2); // 0.09999999999999999 (10% a year)
 */
export function cagr(start: number, end: number, years: number): number {
  if (!(start > 0 && Number.isFinite(start)))
    throw new RangeError(`cagr: start must be a positive finite number (got ${start})`);
  if (!(end > 0 && Number.isFinite(end)))
    throw new RangeError(`cagr: end must be a positive finite number (got ${end})`);
  if (!(years > 0 && Number.isFinite(years)))
    throw new RangeError(`cagr: years must be positive (got ${years})`);
  return Math.expm1(Math.log(end / start) / years);
}
