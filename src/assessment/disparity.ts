import { mean as ssMean, standardDeviation } from "simple-statistics";
import { checkArrayOf, checkNumber } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { fsum } from "../internal/fsum.js";

/** The range error of {@link disparity}, at `path`. */
function rangeError(message: string, path: string): ArgumentRangeError {
  return new ArgumentRangeError(`disparity: ${message}`, { code: "out-of-range", path });
}

/** A list of numbers, else the type error naming `path[i]`. */
function numbers(path: string, value: unknown): number[] {
  return checkArrayOf("disparity", path, value, (at, v) =>
    checkNumber("disparity", at, v, { infinite: true, expected: "a number" }),
  );
}

/** Measures of how unequal a per-capita indicator is across places. */
export interface DisparityMeasures {
  /** Number of places. */
  readonly n: number;
  /** Population-weighted mean, Σ pᵢ yᵢ with pᵢ the weight shares (unweighted mean without weights). */
  readonly mean: number;
  /** Coefficient of variation, unweighted: population standard deviation / mean. */
  readonly cv: number;
  /** Williamson's weighted coefficient of variation: √(Σ pᵢ (yᵢ − ȳ)²) / ȳ. */
  readonly weightedCv: number;
  /** Theil's T index with weights: Σ sᵢ ln(yᵢ / ȳ), sᵢ = pᵢ yᵢ / ȳ the shares of the total. 0 = equal. */
  readonly theil: number;
  /** Weighted Gini coefficient: Σᵢ Σⱼ pᵢ pⱼ |yᵢ − yⱼ| / (2 ȳ). 0 = equal. */
  readonly gini: number;
  /** Largest value over the smallest. */
  readonly maxMinRatio: number;
}

/**
 * Regional disparity of a per-capita indicator (GDP per capita, an urbanization rate) across
 * places, weighted by population when weights are given (equal weights otherwise).
 *
 * Methods: J. G. Williamson (1965), "Regional inequality and the process of national
 * development", Economic Development and Cultural Change 13(4) — the weighted coefficient of
 * variation; H. Theil (1967), Economics and Information Theory — the T index; the Gini
 * coefficient in its mean-difference form for grouped data (weights as population shares).
 * With population weights a place counts as its people: the measures equal the unweighted ones
 * over every person (each with the place's value), the weighted mean is the aggregate (total GDP
 * over total population for GDP per capita), and Theil's T is the grouped form
 * Σ (Yᵢ/Y)·ln((Yᵢ/Y)/(Nᵢ/N)). Without weights, Gini and Theil are those of R's `ineq` package
 * (`Gini(x)`, `Theil(x, parameter = 0)`).
 *
 * @param values - the indicator per place (> 0, e.g. yuan per person).
 * @param weights - population per place (≥ 0, not all 0); equal weights when omitted.
 * @throws {ArgumentTypeError} `disparity: values must be an array (got …)`,
 *   `disparity: values[1] must be a number (got the string "3")` (the same for `weights`).
 * @throws {ArgumentRangeError} `disparity: needs at least 2 places (got 1)`;
 *   `disparity: values and weights differ in length (3 values, 2 weights)`;
 *   `disparity: values must be positive finite numbers (got 0 at index 2)`;
 *   `disparity: weights must be non-negative finite numbers, not all zero`.
 * @example
 * disparity([1, 3]).maxMinRatio; // 3
 * disparity([1, 3]).gini; // 0.25
 */
export function disparity(
  values: readonly number[],
  weights?: readonly number[],
): DisparityMeasures {
  numbers("values", values);
  if (weights !== undefined) numbers("weights", weights);
  const n = values.length;
  if (n < 2) throw rangeError(`needs at least 2 places (got ${n})`, "values");
  if (weights !== undefined && weights.length !== n)
    throw rangeError(
      `values and weights differ in length (${n} values, ${weights.length} weights)`,
      "weights",
    );
  values.forEach((v, i) => {
    if (!(v > 0 && Number.isFinite(v)))
      throw rangeError(`values must be positive finite numbers (got ${v} at index ${i})`, "values");
  });
  const w = weights ?? values.map(() => 1);
  const totalWeight = fsum(w);
  if (w.some((x) => !(x >= 0 && Number.isFinite(x))) || !(totalWeight > 0))
    throw rangeError("weights must be non-negative finite numbers, not all zero", "weights");
  const p = w.map((x) => x / totalWeight);
  const mean = fsum(values.map((v, i) => (p[i] as number) * v));
  // The unweighted moments from simple-statistics (population standard deviation, divisor n);
  // the weighted measures have no counterpart there and are written out.
  const plainMean = ssMean(values as number[]);
  const plainSd = standardDeviation(values as number[]);
  const weightedSd = Math.sqrt(fsum(values.map((v, i) => (p[i] as number) * (v - mean) ** 2)));
  const theil = fsum(
    values.map((v, i) => {
      const share = ((p[i] as number) * v) / mean;
      return share === 0 ? 0 : share * Math.log(v / mean);
    }),
  );
  const pairs: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      pairs.push(
        (p[i] as number) *
          (p[j] as number) *
          Math.abs((values[i] as number) - (values[j] as number)),
      );
  return {
    n,
    mean,
    cv: plainSd / plainMean,
    weightedCv: weightedSd / mean,
    theil,
    gini: fsum(pairs) / (2 * mean),
    maxMinRatio: Math.max(...values) / Math.min(...values),
  };
}
