import { fitModel, projectModel, TrendSpecSchema } from "regionsim";
import { describe, expect, it } from "vitest";
import { expectKind } from "./expectKind.js";
import { casesOf, differences } from "./referenceFixture.js";

// Closed-form least squares and Student-t quantiles (studentTQuantile agrees with R's qt to about
// 1e-13): our numbers and R's lm/predict.lm differ only by floating-point rounding.
const EXACT = 1e-9;

describe("trendModel", () => {
  it("fits the least-squares line and projects along it", () => {
    // y = 2t + c exactly: forecasts continue the line.
    const fitted = expectKind(
      "trend",
      fitModel(
        { kind: "trend" },
        { years: [2018, 2019, 2020, 2021], values: [10, 12, 14, 16] },
        { scale: "linear" },
      ),
    );
    expect(projectModel(fitted, { toYear: 2023 }).values).toEqual([18, 20]);
  });

  it("recovers the growth rate of an exponential series with form loglinear, whatever the indicator's scale", () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020];
    const values = years.map((y) => 50 * 1.065 ** (y - 2015));
    const fitted = expectKind(
      "trend",
      fitModel({ kind: "trend", form: "loglinear" }, { years, values }, { scale: "linear" }),
    );
    expect(fitted.scale).toBe("log");
    expect(Math.expm1(fitted.params.slope as number)).toBeCloseTo(0.065, 12);
  });

  it("form linear fits on the linear scale even for a log-scale indicator", () => {
    const fitted = expectKind(
      "trend",
      fitModel(
        { kind: "trend", form: "linear" },
        { years: [2019, 2020, 2021], values: [1, 2, 4] },
        { scale: "log" },
      ),
    );
    expect(fitted.scale).toBe("linear");
    expect(fitted.params.slope).toBeCloseTo(1.5, 12);
  });

  it("uses only the last `window` points", () => {
    // Flat, then rising by 1 a year: the last three points give slope 1 exactly.
    const fitted = expectKind(
      "trend",
      fitModel(
        { kind: "trend", window: 3 },
        { years: [2016, 2017, 2018, 2019, 2020], values: [5, 5, 5, 6, 7] },
        { scale: "linear" },
      ),
    );
    expect(fitted.params.slope).toBeCloseTo(1, 12);
    expect(fitted.params.points).toBe(3);
  });

  it("gives a series with a +30% jump at a break the same slope as without the jump", () => {
    const years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const noise = [0.01, -0.02, 0.015, 0, -0.01, 0.02, -0.005, 0.01, -0.015, 0.005];
    const values = years.map((y, i) => 100 * Math.exp(0.08 * (y - 2012) + (noise[i] as number)));
    const jumped = values.map((v, i) => ((years[i] as number) >= 2019 ? v * 1.3 : v));
    const plain = expectKind(
      "trend",
      fitModel({ kind: "trend" }, { years, values, breaks: [2019] }),
    );
    const broken = expectKind(
      "trend",
      fitModel({ kind: "trend" }, { years, values: jumped, breaks: [2019] }),
    );
    expect(broken.params.slope).toBeCloseTo(plain.params.slope as number, 12);
    // Without a declared break the jump would inflate the slope.
    const unflagged = expectKind("trend", fitModel({ kind: "trend" }, { years, values: jumped }));
    expect(unflagged.params.slope as number).toBeGreaterThan((plain.params.slope as number) + 0.01);
  });

  it("falls back to drift below three points", () => {
    const fitted = fitModel({ kind: "trend" }, { years: [2020, 2021], values: [1, 2] });
    expect(fitted.kind).toBe("drift");
  });

  it("rejects a window below three points", () => {
    expect(TrendSpecSchema.safeParse({ kind: "trend", window: 2 }).success).toBe(false);
    expect(() =>
      fitModel({ kind: "trend", window: 2 }, { years: [2020, 2021, 2022], values: [1, 2, 3] }),
    ).toThrow("fitModel: spec.window must be a number ≥ 3 (got 2)");
  });

  for (const { c, s } of casesOf("trend")) {
    it(`matches R's lm on ${c.series} (slope, t-based 80/95% prediction intervals)`, () => {
      const fitted = expectKind(
        "trend",
        fitModel({ kind: "trend" }, { years: s.years, values: s.values }, { scale: c.scale }),
      );
      expect(fitted.params.slope).toBeCloseTo(c.params.slope as number, 12);
      expect(fitted.params.sigma).toBeCloseTo(c.params.sigma as number, 12);
      expect(fitted.params.df).toBe(c.params.df);
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(EXACT);
      expect(d.bounds).toBeLessThan(EXACT);
    });
  }

  it("weighting escap is the weighted least-squares line with weights year − first + 1, scaled to mean 1 (exact fractions)", () => {
    // Python 3 `fractions` on t = 0…4, y = [10, 11, 13, 14, 17], w = [1, 2, 3, 4, 5] / 3:
    // W = 5, t̄_w = 8/3, Sxx = 70/9, slope = 64/35, line at 2020 = 116/7, σ² = Σw·r²/(n − 2) = 26/63,
    // 2022: 116/7 + 2·64/35 = 708/35; se² = σ²(1 + 1/W + (2 + 4/3)²/Sxx) = (26/63)(92/35);
    // scipy.stats.t.ppf(0.975, 3) = 3.1824463052837078 → 95% bounds 16.913923730047998, 23.543219127094858.
    const fitted = expectKind(
      "trend",
      fitModel(
        { kind: "trend", weighting: "escap" },
        { years: [2016, 2017, 2018, 2019, 2020], values: [10, 11, 13, 14, 17] },
        { scale: "linear" },
      ),
    );
    expect(fitted.params.slope).toBeCloseTo(64 / 35, 12);
    expect(fitted.params.level).toBeCloseTo(116 / 7, 12);
    expect(fitted.params.sigma).toBeCloseTo(Math.sqrt(26 / 63), 12);
    const p = projectModel(fitted, { toYear: 2022, level: 0.95 });
    expect(p.values[1]).toBeCloseTo(708 / 35, 12);
    expect(p.lower?.[1]).toBeCloseTo(16.913923730047998, 9);
    expect(p.upper?.[1]).toBeCloseTo(23.543219127094858, 9);
    // The weighting is this library's assumption, not ESCAP's checked formula: the notes say so.
    expect(fitted.notes.join(" ")).toContain("ESCAP's own weighting formula is not checked");
  });

  it("weighting escap differs from equal weighting when recent growth is faster", () => {
    // OLS slope on the same series (NumPy polyfit, unweighted): 1.7; the weighted slope 64/35 ≈ 1.83
    // is larger because the steeper last years weigh more.
    const series = { years: [2016, 2017, 2018, 2019, 2020], values: [10, 11, 13, 14, 17] };
    const equal = expectKind("trend", fitModel({ kind: "trend" }, series, { scale: "linear" }));
    expect(equal.params.slope).toBeCloseTo(1.7, 12);
    expect(equal.notes.join(" ")).not.toContain("ESCAP");
  });

  for (const { c, s } of casesOf("trend-escap")) {
    it(`weighting escap matches R's weighted lm (weights year − first + 1, mean 1) on ${c.series}`, () => {
      const fitted = expectKind(
        "trend",
        fitModel(
          { kind: "trend", weighting: "escap" },
          { years: s.years, values: s.values },
          { scale: c.scale },
        ),
      );
      expect(fitted.params.slope).toBeCloseTo(c.params.slope as number, 12);
      expect(fitted.params.sigma).toBeCloseTo(c.params.sigma as number, 12);
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(EXACT);
      expect(d.bounds).toBeLessThan(EXACT);
    });
  }

  for (const { c, s } of casesOf("trend-breaks")) {
    it(`with a break matches R's lm(y ~ 0 + segment + t) on ${c.series}`, () => {
      const fitted = expectKind(
        "trend",
        fitModel(
          { kind: "trend" },
          { years: s.years, values: s.values, breaks: c.breaks ?? [] },
          { scale: c.scale },
        ),
      );
      expect(fitted.params.slope).toBeCloseTo(c.params.slope as number, 12);
      expect(fitted.params.df).toBe(c.params.df);
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(EXACT);
      expect(d.bounds).toBeLessThan(EXACT);
    });
  }
});
