import { fitModel, projectModel, TrendSpecSchema } from "regionsim";
import { describe, expect, it } from "vitest";
import { casesOf, differences } from "./referenceFixture.js";

// Closed-form least squares and Student-t quantiles (studentTQuantile agrees with R's qt to about
// 1e-13): our numbers and R's lm/predict.lm differ only by floating-point rounding.
const EXACT = 1e-9;

describe("trendModel", () => {
  it("fits the least-squares line and projects along it", () => {
    // y = 2t + c exactly: forecasts continue the line.
    const fitted = fitModel(
      { kind: "trend" },
      { years: [2018, 2019, 2020, 2021], values: [10, 12, 14, 16] },
      { scale: "linear" },
    );
    expect(projectModel(fitted, { toYear: 2023 }).values).toEqual([18, 20]);
  });

  it("recovers the growth rate of an exponential series with form loglinear, whatever the indicator's scale", () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020];
    const values = years.map((y) => 50 * 1.065 ** (y - 2015));
    const fitted = fitModel(
      { kind: "trend", form: "loglinear" },
      { years, values },
      { scale: "linear" },
    );
    expect(fitted.scale).toBe("log");
    expect(Math.expm1(fitted.params.slope as number)).toBeCloseTo(0.065, 12);
  });

  it("form linear fits on the linear scale even for a log-scale indicator", () => {
    const fitted = fitModel(
      { kind: "trend", form: "linear" },
      { years: [2019, 2020, 2021], values: [1, 2, 4] },
      { scale: "log" },
    );
    expect(fitted.scale).toBe("linear");
    expect(fitted.params.slope).toBeCloseTo(1.5, 12);
  });

  it("uses only the last `window` points", () => {
    // Flat, then rising by 1 a year: the last three points give slope 1 exactly.
    const fitted = fitModel(
      { kind: "trend", window: 3 },
      { years: [2016, 2017, 2018, 2019, 2020], values: [5, 5, 5, 6, 7] },
      { scale: "linear" },
    );
    expect(fitted.params.slope).toBeCloseTo(1, 12);
    expect(fitted.params.points).toBe(3);
  });

  it("gives a series with a +30% jump at a break the same slope as without the jump", () => {
    const years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const noise = [0.01, -0.02, 0.015, 0, -0.01, 0.02, -0.005, 0.01, -0.015, 0.005];
    const values = years.map((y, i) => 100 * Math.exp(0.08 * (y - 2012) + (noise[i] as number)));
    const jumped = values.map((v, i) => ((years[i] as number) >= 2019 ? v * 1.3 : v));
    const plain = fitModel({ kind: "trend" }, { years, values, breaks: [2019] });
    const broken = fitModel({ kind: "trend" }, { years, values: jumped, breaks: [2019] });
    expect(broken.params.slope).toBeCloseTo(plain.params.slope as number, 12);
    // Without a declared break the jump would inflate the slope.
    const unflagged = fitModel({ kind: "trend" }, { years, values: jumped });
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
    ).toThrow(/^fitModel: invalid spec for "trend": window/);
  });

  for (const { c, s } of casesOf("trend")) {
    it(`matches R's lm on ${c.series} (slope, t-based 80/95% prediction intervals)`, () => {
      const fitted = fitModel(
        { kind: "trend" },
        { years: s.years, values: s.values },
        { scale: c.scale },
      );
      expect(fitted.params.slope).toBeCloseTo(c.params.slope as number, 12);
      expect(fitted.params.sigma).toBeCloseTo(c.params.sigma as number, 12);
      expect(fitted.params.df).toBe(c.params.df);
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(EXACT);
      expect(d.bounds).toBeLessThan(EXACT);
    });
  }

  for (const { c, s } of casesOf("trend-escap")) {
    it(`weighting escap matches R's weighted lm (weights year − first + 1, mean 1) on ${c.series}`, () => {
      const fitted = fitModel(
        { kind: "trend", weighting: "escap" },
        { years: s.years, values: s.values },
        { scale: c.scale },
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
      const fitted = fitModel(
        { kind: "trend" },
        { years: s.years, values: s.values, breaks: c.breaks ?? [] },
        { scale: c.scale },
      );
      expect(fitted.params.slope).toBeCloseTo(c.params.slope as number, 12);
      expect(fitted.params.df).toBe(c.params.df);
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(EXACT);
      expect(d.bounds).toBeLessThan(EXACT);
    });
  }
});
