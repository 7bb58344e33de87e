import { disparity } from "../assessment/disparity.js";
import { checkArrayOf, checkNumber, checkString } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { fsum } from "../internal/fsum.js";

/** One group's part of a {@link TheilDecomposition}. */
export interface TheilGroup {
  /** The group's label, as given. */
  readonly group: string;
  /** Number of places in the group. */
  readonly n: number;
  /** The group's share of the weights (of the population, Nᵍ/N). */
  readonly weightShare: number;
  /** The group's share of the total (weight × value: of GDP for GDP per capita, Yᵍ/Y). */
  readonly valueShare: number;
  /** The group's weighted mean value (its GDP per capita, Yᵍ/Nᵍ). */
  readonly mean: number;
  /** Theil's T within the group, with the group's own weights (0 for a group of one place). */
  readonly theil: number;
}

/** Theil's T split into the inequality between groups and the inequality within them. */
export interface TheilDecomposition {
  /** Theil's T over all places (`disparity(values, weights).theil`). */
  readonly total: number;
  /** Between groups: Σ_g (Yᵍ/Y) ln((Yᵍ/Y)/(Nᵍ/N)), the T of every place set to its group's mean. */
  readonly between: number;
  /** Within groups: Σ_g (Yᵍ/Y) Tᵍ. total = between + within, up to rounding. */
  readonly within: number;
  /** The groups, in the order of their first place. */
  readonly groups: readonly TheilGroup[];
}

const FN = "theilDecomposition";

/**
 * Decomposes the population-weighted Theil T of a per-capita indicator across places into the
 * part between groups of places and the part within them:
 * T = Σ_g (Yᵍ/Y) ln((Yᵍ/Y)/(Nᵍ/N)) + Σ_g (Yᵍ/Y) Tᵍ, with Yᵍ/Y a group's share of the total
 * (weight × value: GDP for GDP per capita), Nᵍ/N its share of the weights (population) and Tᵍ
 * Theil's T within it. For two groups, the central city and the rest, the first term is the gap
 * between the centre and the periphery, the second the gaps inside each.
 *
 * Methods: H. Theil (1967), Economics and Information Theory (Amsterdam: North-Holland), ch. 4 —
 * the T index and its decomposition by groups; A. F. Shorrocks (1980), "The class of additively
 * decomposable inequality measures", Econometrica 48(3): 613–625 — T as the member of the
 * generalized entropy class (c = 1) whose within-group weights are the groups' shares of the
 * total. The total is the T of `disparity` (its grouped form Σ (Yᵢ/Y) ln((Yᵢ/Y)/(Nᵢ/N))).
 *
 * @param values - the indicator per place (> 0, e.g. yuan per person).
 * @param weights - population per place (> 0), in the order of `values`.
 * @param groups - the group of each place (a label: `"central-city"`, `"rest"`), in the order
 *   of `values`.
 * @throws {ArgumentTypeError} `theilDecomposition: values must be an array (got …)`,
 *   `theilDecomposition: groups[1] must be a non-empty string (got 3)` (the same for weights).
 * @throws {ArgumentRangeError} `theilDecomposition: needs at least 2 places (got 1)`;
 *   `theilDecomposition: values, weights and groups differ in length (3, 3, 2)`;
 *   `theilDecomposition: values[2] must be a positive finite number (got 0)` (the same for weights).
 * @example
 * const d = theilDecomposition([1, 1, 3, 3], [1, 1, 1, 1], ["a", "a", "b", "b"]);
 * d.within; // 0
 * d.between.toFixed(6) === d.total.toFixed(6); // true
 * d.groups.map((g) => g.mean); // [1, 3]
 */
export function theilDecomposition(
  values: readonly number[],
  weights: readonly number[],
  groups: readonly string[],
): TheilDecomposition {
  const positive = (path: string, value: unknown) =>
    checkArrayOf(FN, path, value, (at, v) => checkNumber(FN, at, v, { positive: true }));
  positive("values", values);
  positive("weights", weights);
  checkArrayOf(FN, "groups", groups, (at, g) => checkString(FN, at, g, { nonEmpty: true }));
  const n = values.length;
  if (weights.length !== n || groups.length !== n)
    throw new ArgumentRangeError(
      `${FN}: values, weights and groups differ in length (${n}, ${weights.length}, ${groups.length})`,
      { code: "out-of-range", path: weights.length !== n ? "weights" : "groups" },
    );
  if (n < 2)
    throw new ArgumentRangeError(`${FN}: needs at least 2 places (got ${n})`, {
      code: "out-of-range",
      path: "values",
    });
  return decomposeTheil(values, weights, groups);
}

/** {@link theilDecomposition} without its argument checks, for the library's own callers. */
export function decomposeTheil(
  values: readonly number[],
  weights: readonly number[],
  groups: readonly string[],
): TheilDecomposition {
  const total = disparity(values, weights).theil;
  const totalWeight = fsum(weights);
  const totalValue = fsum(values.map((v, i) => v * (weights[i] as number)));
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = members.get(g) ?? [];
    list.push(i);
    members.set(g, list);
  });
  const parts = [...members].map(([group, idx]): TheilGroup => {
    const v = idx.map((i) => values[i] as number);
    const w = idx.map((i) => weights[i] as number);
    const groupWeight = fsum(w);
    const groupValue = fsum(v.map((x, k) => x * (w[k] as number)));
    return {
      group,
      n: idx.length,
      weightShare: groupWeight / totalWeight,
      valueShare: groupValue / totalValue,
      mean: groupValue / groupWeight,
      theil: idx.length < 2 ? 0 : disparity(v, w).theil,
    };
  });
  return {
    total,
    between: fsum(parts.map((g) => g.valueShare * Math.log(g.valueShare / g.weightShare))),
    within: fsum(parts.map((g) => g.valueShare * g.theil)),
    groups: parts,
  };
}
