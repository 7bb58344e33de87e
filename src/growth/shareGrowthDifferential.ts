import { checkNumber } from "../internal/checkArgs.js";

const SHARE = {
  min: Number.MIN_VALUE,
  max: 1 - Number.EPSILON / 2,
  expected: "a share strictly between 0 and 1 (a fraction: 0.44 = 44%)",
} as const;

/**
 * The growth differential a year that takes a part's share of a whole from `share` to `target`
 * in `years` years: how much faster the part must grow than the rest of the whole, in the sense
 * `(1 + g_part) / (1 + g_rest) = 1 + d`. The closed form is
 *
 *     d = (r* / r₀)^(1 / years) − 1,   r = s / (1 − s),
 *
 * computed in log space as `expm1((logit s* − logit s₀) / years)`.
 *
 * Derivation: with the part P and the rest R of the whole W = P + R, the share is s = P / W and
 * the odds r = s / (1 − s) = P / R. If the part grows at g_part and the rest at g_rest a year,
 * after n years r_n = P₀(1 + g_part)ⁿ / (R₀(1 + g_rest)ⁿ) = r₀ ((1 + g_part) / (1 + g_rest))ⁿ.
 * Setting r_n = r* gives (1 + g_part) / (1 + g_rest) = (r* / r₀)^(1/n). Only the ratio of the
 * two growths is determined: any pair with that ratio lands on the target share (with the rest
 * growing 5% a year and d = 24%, the part grows 1.05 × 1.24 − 1 = 30.2% a year). The whole's
 * growth follows and is not fixed by the share. (The share is then the logistic function of
 * ln r, so d is the yearly step of the log-odds: see e.g. the UN's urban–rural growth
 * difference, United Nations, World Urbanization Prospects: Methodology, which applies the same
 * identity to the urban share of a population.)
 *
 * Meaningful only for a part of a whole (0 < s < 1): the central city's share of the city's GDP,
 * an industry's share of GDP.
 *
 * @param share - the part's share of the whole now (a fraction in (0, 1): 0.44 = 44%).
 * @param target - the target share (a fraction in (0, 1)).
 * @param years - years until the target year (> 0; fractions allowed).
 * @returns d as a fraction a year (0.24 = the part grows 24% a year faster than the rest); 0
 *   when the shares are equal, negative when the target share is below the current one.
 * @throws {ArgumentRangeError} `shareGrowthDifferential: share must be a share strictly between
 *   0 and 1 (a fraction: 0.44 = 44%) (got 44)` (the same for `target`);
 *   `shareGrowthDifferential: years must be positive (got 0)`.
 * @throws {ArgumentTypeError} the same messages for a value that is not a number, e.g.
 *   `shareGrowthDifferential: share must be … (got the string "0.44")`, or is missing
 *   (`(got nothing)`).
 * @example
 * shareGrowthDifferential(0.44, 0.65, 4); // 0.2399242838059165 (44% → 65% in 4 years: the part grows 24% a year faster than the rest)
 * shareGrowthDifferential(0.5, 0.5, 3); // 0
 */
export function shareGrowthDifferential(share: number, target: number, years: number): number {
  checkNumber(FN, "share", share, SHARE);
  checkNumber(FN, "target", target, SHARE);
  checkNumber(FN, "years", years, { positive: true, expected: "positive" });
  // logit s = ln s − ln(1 − s), with log1p for accuracy near 0 and near 1.
  const logit = (s: number) => Math.log(s) - Math.log1p(-s);
  return Math.expm1((logit(target) - logit(share)) / years);
}

const FN = "shareGrowthDifferential";
