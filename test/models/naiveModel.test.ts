import { fitModel, NaiveSpecSchema, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import { expectKind } from "./expectKind.js";
import { casesOf, maxAbsDiff, toModellingScale } from "./referenceFixture.js";

// Closed-form model: our numbers and R's forecast::naive differ only by floating-point rounding.
const EXACT = 1e-9;

describe("naiveModel", () => {
  it("carries the last value forward", () => {
    const fitted = fitModel(
      { kind: "naive" },
      { years: [2019, 2020, 2021], values: [100, 110, 121] },
      { scale: "linear" },
    );
    expect(projectModel(fitted, { toYear: 2024 }).values).toEqual([121, 121, 121]);
  });

  it("has σ² = mean of the squared one-step changes and se_h = σ√h", () => {
    // Changes 10 and −4: σ² = (100 + 16) / 2 = 58 (R: sqrt(mean(res^2)) in forecast:::lagwalk).
    const fitted = expectKind(
      "naive",
      fitModel(
        { kind: "naive" },
        { years: [2019, 2020, 2021], values: [50, 60, 56] },
        { scale: "linear" },
      ),
    );
    expect(fitted.params.sigma).toBeCloseTo(Math.sqrt(58), 12);
    const z90 = 1.2815515655446004; // qnorm(0.9) in R
    const p = projectModel(fitted, { toYear: 2023, level: 0.8 });
    expect(p.upper?.[1]).toBeCloseTo(56 + z90 * Math.sqrt(58) * Math.sqrt(2), 10);
  });

  it("leaves the change across a break out of σ", () => {
    // Within-segment changes 1 and 1 (the +10 jump at 2020 is a new basis): σ = 1.
    const fitted = expectKind(
      "naive",
      fitModel(
        { kind: "naive" },
        { years: [2018, 2019, 2020, 2021], values: [1, 2, 12, 13], breaks: [2020] },
        { scale: "linear" },
      ),
    );
    expect(fitted.params.sigma).toBe(1);
    expect(fitted.notes.join(" ")).toContain("break at 2020");
  });

  it("gives no interval for a single point", () => {
    const fitted = fitModel({ kind: "naive" }, { years: [2021], values: [5] });
    const p = projectModel(fitted, { toYear: 2022, level: 0.9 });
    expect(p.lower).toBeUndefined();
    expect(p.values[0]).toBeCloseTo(5, 12);
  });

  it("NaiveSpecSchema accepts kind naive and nothing else", () => {
    expect(NaiveSpecSchema.safeParse({ kind: "naive" }).success).toBe(true);
    expect(NaiveSpecSchema.safeParse({ kind: "drift" }).success).toBe(false);
  });

  for (const { c, s } of casesOf("naive")) {
    it(`matches R's naive() on ${c.series} (mean and 80/95% intervals, log scale)`, () => {
      const fitted = expectKind(
        "naive",
        fitModel({ kind: "naive" }, { years: s.years, values: s.values }, { scale: c.scale }),
      );
      expect((fitted.params.sigma as number) ** 2).toBeCloseTo(c.params.sigma2 as number, 12);
      const toYear = (s.years[s.years.length - 1] as number) + c.mean.length;
      const p80 = projectModel(fitted, { toYear, level: 0.8 });
      const p95 = projectModel(fitted, { toYear, level: 0.95 });
      const log = (v: number) => toModellingScale(c.scale, v);
      expect(maxAbsDiff(p80.values.map(log), c.mean)).toBeLessThan(EXACT);
      expect(maxAbsDiff((p80.lower ?? []).map(log), c.lower80)).toBeLessThan(EXACT);
      expect(maxAbsDiff((p80.upper ?? []).map(log), c.upper80)).toBeLessThan(EXACT);
      expect(maxAbsDiff((p95.lower ?? []).map(log), c.lower95)).toBeLessThan(EXACT);
      expect(maxAbsDiff((p95.upper ?? []).map(log), c.upper95)).toBeLessThan(EXACT);
    });
  }
});
