import { describe, expect, it } from "vitest";
import { AGGREGATION_RULES, aggregationOf } from "../../src/scenarios/aggregation.js";

const ratio = {
  id: "urbanization",
  aggregation: { rule: "ratio", numerator: "urban", denominator: "population", scale: 100 },
} as const;

describe("aggregationOf", () => {
  it("sums a level over members", () => {
    const a = aggregationOf({ id: "gdp", aggregation: { rule: "sum" } });
    expect(a.parts).toEqual(["gdp"]);
    expect(a.combine([[1, 2, 3.5]])).toBe(6.5);
    expect(a.comparisonWeight).toBeUndefined();
  });

  it("recomputes a ratio from summed parts, never averaging the rates", () => {
    const a = aggregationOf(ratio);
    expect(a.parts).toEqual(["urban", "population"]);
    expect(a.positiveParts).toEqual(["urban", "population"]);
    // Places at 50% of 100 and 20% of 400: 100 × (50 + 80) / 500 = 26%, not the mean 35%.
    expect(
      a.combine([
        [50, 80],
        [100, 400],
      ]),
    ).toBeCloseTo(26, 12);
    expect(a.combine([[1], [0]])).toBeUndefined();
    expect(a.comparisonWeight).toBe("population");
  });

  it("weights a mean by the weight indicator", () => {
    const a = aggregationOf({ id: "x", aggregation: { rule: "weighted-mean", weight: "pop" } });
    expect(a.parts).toEqual(["x", "pop"]);
    expect(a.positiveParts).toEqual(["pop"]);
    // (10·1 + 40·3) / 4 = 32.5
    expect(
      a.combine([
        [10, 40],
        [1, 3],
      ]),
    ).toBe(32.5);
    expect(a.combine([[10], [0]])).toBeUndefined();
  });

  it("gives a group no value for rule none", () => {
    const a = aggregationOf({ id: "x", aggregation: { rule: "none" } });
    expect(a.parts).toEqual([]);
    expect(a.combine([])).toBeUndefined();
  });

  it("has one definition for every rule of the schema", () => {
    expect(Object.keys(AGGREGATION_RULES).sort()).toEqual([
      "formula",
      "none",
      "ratio",
      "sum",
      "weighted-mean",
    ]);
  });
});
