// The Theil–Sen robust trend: the median of pairwise slopes, checked by hand and against
// ml-regression's independent TheilSenRegression on series without breaks.
import fc from "fast-check";
import { TheilSenRegression } from "ml-regression";
import { describe, expect, it } from "vitest";
import { fitModel } from "../../src/models/fitModel.js";
import { projectModel } from "../../src/models/projectModel.js";

describe("theil-sen", () => {
  it("ignores one outlying year (hand computation)", () => {
    // Pairwise slopes of (2018…2022; 10, 12, 30, 16, 18): 2, 10, 2, 2, 18, 2, 2, −14, −6, 2;
    // sorted −14, −6, 2, 2, 2, 2, 2, 2, 10, 18, median 2. y − 2t: −4026 four times and −4010:
    // median −4026, so the line is 18 at 2022, and 20, 22 in 2023, 2024.
    const fitted = fitModel(
      { kind: "theil-sen", form: "linear" },
      { years: [2018, 2019, 2020, 2021, 2022], values: [10, 12, 30, 16, 18] },
    );
    if (fitted.kind !== "theil-sen") throw new Error(`fitted ${fitted.kind}`);
    expect(fitted.params.slope).toBe(2);
    expect(fitted.params.level).toBe(18);
    expect(fitted.params.pairs).toBe(10);
    expect(projectModel(fitted, { toYear: 2024 }).values).toEqual([20, 22]);
    // Residuals 0, 0, 16, 0, 0 around the line: σ = √(256 / (5 − 1 − 1)) = 9.2376.
    expect(fitted.params.sigma).toBeCloseTo(Math.sqrt(256 / 3), 12);
  });

  it("takes pairs within a segment only, so a break's level jump is not growth", () => {
    // Segments 2016–2018 (1, 2, 3) and 2019–2021 (11, 12, 13): every within-segment slope is 1;
    // across the break slopes would be up to 12. The last segment's line is 13 at 2021.
    const fitted = fitModel(
      { kind: "theil-sen", form: "linear" },
      {
        years: [2016, 2017, 2018, 2019, 2020, 2021],
        values: [1, 2, 3, 11, 12, 13],
        breaks: [2019],
      },
    );
    if (fitted.kind !== "theil-sen") throw new Error(`fitted ${fitted.kind}`);
    expect(fitted.params.slope).toBe(1);
    expect(fitted.params.pairs).toBe(6);
    expect(projectModel(fitted, { toYear: 2023 }).values).toEqual([14, 15]);
  });

  it("falls back to drift below three points", () => {
    const fitted = fitModel({ kind: "theil-sen" }, { years: [2020, 2021], values: [100, 110] });
    expect(fitted.kind).toBe("drift");
    expect(fitted.fallback?.from).toBe("theil-sen");
  });

  it("agrees with ml-regression's TheilSenRegression where both medians are one middle value", () => {
    // ml-regression takes the lower middle value of an even count (ml-array-median), Sen (1968)
    // and R's mblm the mean of the two: they agree when the points (n, for the intercept) and
    // the pairs (n(n − 1)/2, for the slope) are both odd in number, i.e. n ≡ 3 (mod 4).
    const lengths = fc.constantFrom(3, 7, 11, 15, 19, 23);
    fc.assert(
      fc.property(
        lengths.chain((n) =>
          fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
        ),
        (values) => {
          const years = values.map((_, i) => 2000 + i);
          const fitted = fitModel({ kind: "theil-sen", form: "linear" }, { years, values });
          if (fitted.kind !== "theil-sen") throw new Error(`fitted ${fitted.kind}`);
          const reference = new TheilSenRegression(years, values);
          const tolerance = 1e-9 * (1 + Math.max(...values.map(Math.abs)));
          expect(Math.abs(fitted.params.slope - reference.slope)).toBeLessThanOrEqual(tolerance);
          const last = years.length - 1;
          expect(
            Math.abs(fitted.params.level - reference.predict(years[last] as number)),
          ).toBeLessThanOrEqual(tolerance * 1e4);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("takes the mean of the two middle slopes of an even count, as Sen (1968) and R's mblm do", () => {
    // (2020…2023; 0, 1, 3, 6): slopes 1, 1.5, 2, 2, 2.5, 3, median (2 + 2) / 2 = 2 — and on
    // (0, 1, 3, 7): 1, 1.5, 7/3, 2, 3, 4, median (2 + 7/3) / 2 = 13/6, where ml-regression
    // gives the lower middle value, 2.
    const years = [2020, 2021, 2022, 2023];
    const fitted = fitModel({ kind: "theil-sen", form: "linear" }, { years, values: [0, 1, 3, 7] });
    if (fitted.kind !== "theil-sen") throw new Error(`fitted ${fitted.kind}`);
    expect(fitted.params.slope).toBeCloseTo(13 / 6, 14);
    expect(new TheilSenRegression(years, [0, 1, 3, 7]).slope).toBe(2);
  });

  it("on the log scale, a robust growth rate", () => {
    // 100 × 1.05^t with 2019 multiplied by 1.5: the median of the log slopes is ln 1.05.
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = years.map((y, i) => 100 * 1.05 ** i * (y === 2019 ? 1.5 : 1));
    const fitted = fitModel({ kind: "theil-sen" }, { years, values });
    if (fitted.kind !== "theil-sen") throw new Error(`fitted ${fitted.kind}`);
    expect(fitted.scale).toBe("log");
    expect(fitted.params.slope).toBeCloseTo(Math.log(1.05), 12);
    const next = projectModel(fitted, { toYear: 2022 }).values[0] as number;
    expect(next).toBeCloseTo(100 * 1.05 ** 7, 8);
  });
});
