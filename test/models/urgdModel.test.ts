import { fitModel, projectModel, UrgdSpecSchema } from "regionsim";
import { describe, expect, it } from "vitest";
import { expectKind } from "./expectKind.js";

const logit = (percent: number) => Math.log(percent / (100 - percent));
const fromLogit = (y: number) => 100 / (1 + Math.exp(-y));

describe("urgdModel", () => {
  it("takes the URGD as the yearly change of logit(p) over the last interval", () => {
    const fitted = expectKind(
      "urgd",
      fitModel({ kind: "urgd" }, { years: [2019, 2020, 2021], values: [38, 40, 42] }),
    );
    expect(fitted.scale).toBe("logit");
    expect(fitted.params.urgd).toBeCloseTo(logit(42) - logit(40), 14);
  });

  it("moves the URGD linearly to the norm over convergenceYears (hand computation)", () => {
    // 40% → 42%; norm 0.03 − 0.02·p; convergence over 2 years.
    const spec = { kind: "urgd", convergenceYears: 2, norm: { intercept: 0.03, slope: -0.02 } };
    const fitted = expectKind("urgd", fitModel(spec, { years: [2020, 2021], values: [40, 42] }));
    const p = projectModel(fitted, { toYear: 2024 }).values;
    const observed = logit(42) - logit(40);
    let y = logit(42);
    const expected: number[] = [];
    for (const weight of [0.5, 1, 1]) {
      const norm = 0.03 - 0.02 * (fromLogit(y) / 100);
      y += (1 - weight) * observed + weight * norm;
      expected.push(fromLogit(y));
    }
    expect(p[0]).toBeCloseTo(expected[0] as number, 10);
    expect(p[1]).toBeCloseTo(expected[1] as number, 10);
    expect(p[2]).toBeCloseTo(expected[2] as number, 10);
  });

  it("grows logit(p) by the norm a year once converged", () => {
    const fitted = expectKind(
      "urgd",
      fitModel(
        { kind: "urgd", convergenceYears: 5, norm: { intercept: 0.025, slope: 0 } },
        { years: [2020, 2021], values: [55, 54] },
      ),
    );
    const p = projectModel(fitted, { toYear: 2030 }).values;
    expect(logit(p[8] as number) - logit(p[7] as number)).toBeCloseTo(0.025, 12);
  });

  it("uses the default norm of 0.0275 a year and 25 years, and says the norm is unverified", () => {
    const fitted = expectKind(
      "urgd",
      fitModel({ kind: "urgd" }, { years: [2020, 2021], values: [50, 51] }),
    );
    expect(fitted.params.normIntercept).toBe(0.0275);
    expect(fitted.params.normSlope).toBe(0);
    expect(fitted.params.normQuadratic).toBe(0);
    expect(fitted.params.convergenceYears).toBe(25);
    expect(fitted.notes.join(" ")).toContain("not checked against the WUP methodology");
    const given = expectKind(
      "urgd",
      fitModel(
        { kind: "urgd", norm: { intercept: 0.0275, slope: 0 } },
        { years: [2020, 2021], values: [50, 51] },
      ),
    );
    expect(given.notes.join(" ")).not.toContain("not checked");
  });

  it("follows a quadratic norm in the proportion urban (Python 3 float arithmetic)", () => {
    // Python 3, same recursion written independently: obs = logit(32%) − logit(30%)
    // = 0.09352605801082348; λ_h = min(1, h/3); p = sigmoid(y);
    // norm = 0.04 − 0.02·p − 0.01·p²; y += (1 − λ)·obs + λ·norm → percent urban 2022–2025:
    // 33.613578552698485, 34.79742732061078, 35.52305452760256, 36.25086633031257.
    const fitted = expectKind(
      "urgd",
      fitModel(
        {
          kind: "urgd",
          convergenceYears: 3,
          norm: { intercept: 0.04, slope: -0.02, quadratic: -0.01 },
        },
        { years: [2020, 2021], values: [30, 32] },
      ),
    );
    expect(fitted.params.urgd).toBeCloseTo(0.09352605801082348, 14);
    const p = projectModel(fitted, { toYear: 2025 }).values;
    const expected = [33.613578552698485, 34.79742732061078, 35.52305452760256, 36.25086633031257];
    for (const [i, v] of expected.entries()) expect(p[i]).toBeCloseTo(v, 10);
  });

  it("reads a norm published in percent of the percentage urban as { a/100, b, 100·c }", () => {
    // URGD% = 2.5 − 0.01·PU − 0.0002·PU² at PU = 40: 2.5 − 0.4 − 0.32 = 1.78% = 0.0178 a year
    // (hand arithmetic); with convergence over 1 year the first step is the norm itself:
    // 100 / (1 + exp(−(logit(40%) + 0.0178))) = 40.42795045254675 (Python 3).
    const fitted = expectKind(
      "urgd",
      fitModel(
        {
          kind: "urgd",
          convergenceYears: 1,
          norm: { intercept: 0.025, slope: -0.01, quadratic: -0.02 },
        },
        { years: [2020, 2021], values: [39, 40] },
      ),
    );
    const p = projectModel(fitted, { toYear: 2022 }).values;
    expect(logit(p[0] as number) - logit(40)).toBeCloseTo(0.0178, 12);
    expect(p[0]).toBeCloseTo(40.42795045254675, 10);
  });

  it("projects a fitted model stored without normQuadratic as a linear norm", () => {
    const spec = { kind: "urgd", convergenceYears: 4, norm: { intercept: 0.03, slope: -0.02 } };
    const fitted = expectKind("urgd", fitModel(spec, { years: [2020, 2021], values: [40, 42] }));
    const { normQuadratic: _dropped, ...older } = fitted.params;
    const before = projectModel({ ...fitted, params: older }, { toYear: 2030 }).values;
    expect(before).toEqual(projectModel(fitted, { toYear: 2030 }).values);
  });

  it("uses the last interval inside a segment when the last one crosses a break", () => {
    const fitted = expectKind(
      "urgd",
      fitModel(
        { kind: "urgd" },
        { years: [2018, 2019, 2020, 2021], values: [40, 41, 42, 50], breaks: [2021] },
      ),
    );
    expect(fitted.params.urgd).toBeCloseTo(logit(42) - logit(41), 14);
    expect(fitted.notes.join(" ")).toContain("crosses a break");
  });

  it("measures the URGD per year across a gap", () => {
    const fitted = expectKind(
      "urgd",
      fitModel({ kind: "urgd" }, { years: [2018, 2021], values: [40, 46] }),
    );
    expect(fitted.params.urgd).toBeCloseTo((logit(46) - logit(40)) / 3, 14);
  });

  it("stays inside the bounds and falls back to naive with one point", () => {
    const fitted = expectKind(
      "urgd",
      fitModel({ kind: "urgd" }, { years: [2020, 2021], values: [97, 98.5] }),
    );
    for (const v of projectModel(fitted, { toYear: 2080 }).values)
      expect(v).toBeLessThanOrEqual(100);
    expect(fitModel({ kind: "urgd" }, { years: [2021], values: [40] }).kind).toBe("naive");
  });

  it("rejects a non-positive convergence period and a quadratic term outside (−1, 1)", () => {
    expect(UrgdSpecSchema.safeParse({ kind: "urgd", convergenceYears: 0 }).success).toBe(false);
    const norm = { intercept: 0.02, slope: 0, quadratic: 1 };
    expect(UrgdSpecSchema.safeParse({ kind: "urgd", norm }).success).toBe(false);
  });
});
