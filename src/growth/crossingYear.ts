/** Options of {@link crossingYear}. */
export interface CrossingOptions {
  /** `atLeast`: first year with value ≥ threshold; `atMost`: first year with value ≤ threshold. */
  readonly direction: "atLeast" | "atMost";
}

/**
 * The first year in which a path meets a threshold, or `undefined` if it never does within the
 * path. The path is read year by year; no interpolation between years (plan targets are annual).
 *
 * @param path - `{ years, values }` of the same length, years increasing.
 * @param threshold - a number, or a function of the year (e.g. a reference series that moves).
 * @throws {RangeError} `crossingYear: years and values differ in length (3 years, 2 values)`.
 * @example
 * crossingYear({ years: [2023, 2024, 2025], values: [55, 58.5, 60.2] }, 58, { direction: "atLeast" }); // 2024
 */
export function crossingYear(
  path: { readonly years: readonly number[]; readonly values: readonly number[] },
  threshold: number | ((year: number) => number | undefined),
  options: CrossingOptions,
): number | undefined {
  const { years, values } = path;
  if (years.length !== values.length)
    throw new RangeError(
      `crossingYear: years and values differ in length (${years.length} years, ${values.length} values)`,
    );
  for (let k = 0; k < years.length; k++) {
    const year = years[k] as number;
    const value = values[k] as number;
    const bar = typeof threshold === "number" ? threshold : threshold(year);
    if (bar === undefined) continue;
    if (options.direction === "atLeast" ? value >= bar : value <= bar) return year;
  }
  return undefined;
}
