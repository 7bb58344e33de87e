import { fitModel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import { expectKind } from "./expectKind.js";
import { casesOf, differences } from "./referenceFixture.js";

// Closed-form least squares on the logit scale; R's lm gives the same numbers up to rounding.
const EXACT = 1e-9;

describe("logisticModel", () => {
  it("fits a line on the logit scale whatever scale the caller asks for", () => {
    const fitted = expectKind(
      "logistic",
      fitModel({ kind: "logistic" }, { years: [2020, 2021], values: [50, 60] }, { scale: "log" }),
    );
    expect(fitted.scale).toBe("logit");
    // logit(60%) − logit(50%) = ln 1.5.
    expect(fitted.params.slope).toBeCloseTo(Math.log(1.5), 12);
  });

  it("uses the indicator's bounds", () => {
    // Position inside (0, 50): 25 and 30 → logits 0 and ln 1.5; next logit 2·ln 1.5 → 50·2.25/3.25.
    const fitted = fitModel(
      { kind: "logistic" },
      { years: [2020, 2021], values: [25, 30] },
      { bounds: [0, 50] },
    );
    const next = projectModel(fitted, { toYear: 2022 }).values[0] as number;
    expect(next).toBeCloseTo((50 * 2.25) / 3.25, 10);
  });

  it("stays inside the bounds far ahead", () => {
    const fitted = fitModel(
      { kind: "logistic" },
      { years: [2019, 2020, 2021], values: [80, 88, 93] },
    );
    const p = projectModel(fitted, { toYear: 2100, level: 0.95 });
    for (const v of [...p.values, ...(p.lower ?? []), ...(p.upper ?? [])]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(100);
    }
  });

  it("has no interval on two points and falls back to naive on one", () => {
    const two = fitModel({ kind: "logistic" }, { years: [2020, 2021], values: [40, 42] });
    expect(projectModel(two, { toYear: 2022, level: 0.8 }).lower).toBeUndefined();
    const one = fitModel({ kind: "logistic" }, { years: [2021], values: [42] });
    expect(one.kind).toBe("naive");
  });

  it("throws the fitModel message for a value outside the bounds", () => {
    expect(() =>
      fitModel({ kind: "logistic" }, { years: [2020, 2021], values: [50, 120] }),
    ).toThrow(
      "fitModel: series.values[1] must be a number inside (0, 100) on the logit scale (got 120 in 2021)",
    );
  });

  for (const { c, s } of casesOf("logistic")) {
    it(`matches R's lm on the logit scale of ${c.series}`, () => {
      const fitted = expectKind(
        "logistic",
        fitModel({ kind: "logistic" }, { years: s.years, values: s.values }),
      );
      expect(fitted.params.slope).toBeCloseTo(c.params.slope as number, 12);
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(EXACT);
      expect(d.bounds).toBeLessThan(EXACT);
    });
  }
});
