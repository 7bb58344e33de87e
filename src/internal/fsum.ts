/**
 * Sum of numbers with Neumaier's compensated summation (an improved Kahan–Babuška sum), so that
 * group totals do not depend on the order of their members beyond the last bit.
 * Reference: A. Neumaier (1974), ZAMM 54, 39–51; the same algorithm as d3-array's `fsum`.
 */
export function fsum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  return sum + compensation;
}
