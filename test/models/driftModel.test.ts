import { fitModel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import { expectKind } from "./expectKind.js";
import { casesOf, differences } from "./referenceFixture.js";

// Closed-form model: our numbers and R's forecast::rwf(drift = TRUE) differ only by rounding.
const EXACT = 1e-9;

describe("driftModel", () => {
  it("continues the mean past change: (last − first)/(T − 1) a year", () => {
    // Values 10, 13, 19: drift (19 − 10)/2 = 4.5; forecasts 23.5, 28.
    const fitted = expectKind(
      "drift",
      fitModel(
        { kind: "drift" },
        { years: [2019, 2020, 2021], values: [10, 13, 19] },
        { scale: "linear" },
      ),
    );
    expect(fitted.params.drift).toBeCloseTo(4.5, 12);
    expect(projectModel(fitted, { toYear: 2023 }).values).toEqual([23.5, 28]);
  });

  it("has se_h = σ√(h(1 + h/(T − 1))) with σ the sd of the changes", () => {
    // Changes 3 and 6: b = 4.5, σ² = ((−1.5)² + 1.5²)/1 = 4.5, T − 1 = 2.
    const fitted = fitModel(
      { kind: "drift" },
      { years: [2019, 2020, 2021], values: [10, 13, 19] },
      { scale: "linear" },
    );
    const z = 1.6448536269514722; // qnorm(0.95) in R
    const p = projectModel(fitted, { toYear: 2022, level: 0.9 });
    const se1 = Math.sqrt(4.5 * 1 * (1 + 1 / 2));
    expect(p.upper?.[0]).toBeCloseTo(23.5 + z * se1, 10);
  });

  it("drops the change across a break: a +30% jump at the break leaves the drift unchanged", () => {
    const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = years.map((y) => 100 * 1.07 ** (y - 2014));
    const jumped = values.map((v, i) => ((years[i] as number) >= 2019 ? v * 1.3 : v));
    const fitted = expectKind(
      "drift",
      fitModel({ kind: "drift" }, { years, values: jumped, breaks: [2019] }),
    );
    expect(Math.expm1(fitted.params.drift as number)).toBeCloseTo(0.07, 12);
  });

  it("measures the drift per year across a gap in the years", () => {
    // 100 → 121 over 2019–2021 (a missing 2020): two years of 10% log-growth.
    const fitted = expectKind(
      "drift",
      fitModel({ kind: "drift" }, { years: [2019, 2021], values: [100, 121] }),
    );
    expect(fitted.params.drift).toBeCloseTo(Math.log(1.1), 12);
  });

  it("falls back to naive with one point", () => {
    const fitted = fitModel({ kind: "drift" }, { years: [2021], values: [7] });
    expect(fitted.kind).toBe("naive");
    expect(fitted.fallback?.from).toBe("drift");
  });

  for (const { c, s } of casesOf("drift")) {
    it(`matches R's rwf(drift = TRUE) on ${c.series} (mean and 80/95% intervals)`, () => {
      const fitted = expectKind(
        "drift",
        fitModel({ kind: "drift" }, { years: s.years, values: s.values }, { scale: c.scale }),
      );
      expect(fitted.params.drift).toBeCloseTo(c.params.drift as number, 12);
      expect(fitted.params.driftSe).toBeCloseTo(c.params.drift_se as number, 12);
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(EXACT);
      expect(d.bounds).toBeLessThan(EXACT);
    });
  }
});
