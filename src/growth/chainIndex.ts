import { checkArrayOf, checkNumber, checkObject } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";

/** A volume index by year, each value on the previous year = 100 (108.1: 8.1% real growth). */
export interface PreviousYearIndex {
  readonly years: readonly number[];
  readonly values: readonly number[];
}

/** Levels at constant prices of a reference year, one a year, years increasing. */
export interface ChainedLevels {
  readonly years: number[];
  readonly values: number[];
}

const FN = "chainIndex";

/** `index.years` as increasing integers and `index.values` as positive numbers, of one length. */
function checkIndex(index: unknown): { years: number[]; values: number[] } {
  const i = checkObject(FN, "index", index, "an object { years, values }");
  const years = checkArrayOf(
    FN,
    "index.years",
    i.years,
    (at, v) => checkNumber(FN, at, v, { integer: true }),
    "an array of years",
  );
  const values = checkArrayOf(
    FN,
    "index.values",
    i.values,
    (at, v) =>
      checkNumber(FN, at, v, {
        positive: true,
        expected: "a positive finite number (previous year = 100)",
      }),
    "an array of index values",
  );
  for (let k = 1; k < years.length; k++) {
    const [before, year] = [years[k - 1] as number, years[k] as number];
    if (year <= before)
      throw new ArgumentRangeError(
        `${FN}: index.years must be increasing (got ${year} after ${before} at index.years[${k}])`,
        { code: "out-of-range", path: `index.years[${k}]` },
      );
  }
  if (years.length !== values.length)
    throw new ArgumentRangeError(
      `${FN}: index.years and index.values differ in length (${years.length} years, ${values.length} values)`,
      { code: "out-of-range", path: "index.values" },
    );
  return { years, values };
}

/**
 * Chains a volume index (previous year = 100) into levels at constant prices of a reference
 * year, as statistical offices derive constant-price GDP from the published GDP index (可比价
 * 指数): the reference year keeps its level (at current prices, which are that year's
 * prices), each later year is the year before times its index / 100, and each earlier year
 * `t − 1` is year `t` divided by year `t`'s index / 100:
 *
 * `real(ref) = value`, `real(t) = real(t − 1) · index(t) / 100` for `t > ref`,
 * `real(t − 1) = real(t) / (index(t) / 100)` for `t ≤ ref`.
 *
 * The chain runs outwards from the reference year and stops at the first year whose index is
 * missing on each side (a gap cannot be bridged: the growth across it is unknown). Real growth
 * between two chained years does not depend on the reference year; only the level does. Method:
 * OECD, *Understanding National Accounts* (2nd ed., 2014), ch. 2 §6 ("volumes and prices",
 * chain-linking); NBS, 《中国统计年鉴》 notes on 地区生产总值指数 (上年 = 100).
 *
 * @param index - the index by year, `{ years, values }`: integer years, increasing; values
 *   positive (previous year = 100). The reference year's own index is used only to step back
 *   from it.
 * @param referenceYear - the year whose prices the levels are in (an integer).
 * @param referenceValue - the level in the reference year at current prices (> 0).
 * @returns the chained levels, from the earliest to the latest year the chain reaches (the
 *   reference year always among them).
 * @throws {ArgumentTypeError} a missing or non-numeric argument, e.g. `chainIndex: index.values[2]
 *   must be a positive finite number (previous year = 100) (got the string "108.1")`.
 * @throws {ArgumentRangeError} `chainIndex: index.years must be increasing (got 2021 after 2022 at
 *   index.years[1])`; `chainIndex: referenceValue must be a positive finite number (got 0)`; an
 *   index of 0 or less; years and values of different lengths.
 * @example
 * // Qujing's GDP was 2959.35 (100M yuan) in 2020; its index was 112.0 in 2021, 108.1 in 2022
 * // and 106.6 in 2020: 2959.35 × 1.12 = 3314.472 and 2959.35 / 1.066 = 2776.12570…
 * const real = chainIndex({ years: [2020, 2021, 2022], values: [106.6, 112.0, 108.1] }, 2020, 2959.35);
 * real.years; // [2019, 2020, 2021, 2022]
 * real.values.map((v) => Number(v.toFixed(4))); // [2776.1257, 2959.35, 3314.472, 3582.9442]
 */
export function chainIndex(
  index: PreviousYearIndex,
  referenceYear: number,
  referenceValue: number,
): ChainedLevels {
  const { years, values } = checkIndex(index);
  checkNumber(FN, "referenceYear", referenceYear, { integer: true });
  checkNumber(FN, "referenceValue", referenceValue, { positive: true });
  const at = new Map(years.map((y, k) => [y, values[k] as number]));
  const later: number[] = [];
  let level = referenceValue;
  for (let year = referenceYear + 1; at.has(year); year++) {
    level *= (at.get(year) as number) / 100;
    later.push(level);
  }
  const earlier: number[] = [];
  level = referenceValue;
  for (let year = referenceYear; at.has(year); year--) {
    level /= (at.get(year) as number) / 100;
    earlier.push(level);
  }
  const first = referenceYear - earlier.length;
  const chained = [...earlier.reverse(), referenceValue, ...later];
  return { years: chained.map((_, k) => first + k), values: chained };
}
