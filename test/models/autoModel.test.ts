import { AutoSpecSchema, fitModel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import { expectKind } from "./expectKind.js";

describe("autoModel", () => {
  it("scores candidates by rolling-origin one-step errors (hand computation)", () => {
    // Linear scale, values 1, 2, 3, 4, 6; origins k = 2, 3, 4 (drift needs 2 points).
    // naive errors |3−2|, |4−3|, |6−4| → MAE 4/3; drift errors 0, 0, |6−5| → MAE 1/3.
    const fitted = fitModel(
      { kind: "auto", candidates: ["naive", "drift"], metric: "mae" },
      { years: [2017, 2018, 2019, 2020, 2021], values: [1, 2, 3, 4, 6] },
      { scale: "linear" },
    );
    expect(fitted.kind).toBe("drift");
    expect(fitted.spec.kind).toBe("auto");
    expect(fitted.params.autoSelected).toBe(1);
    expect(fitted.params.autoOrigins).toBe(3);
    expect(fitted.params.autoScore0).toBeCloseTo(4 / 3, 12);
    expect(fitted.params.autoScore1).toBeCloseTo(1 / 3, 12);
    expect(fitted.notes[0]).toMatch(
      /^auto: selected drift by MAE of one-step forecasts from 3 rolling origins/,
    );
  });

  it("scales errors by the mean absolute one-step change of each training window (MASE)", () => {
    // Same series; the training windows' mean |change| are 1, 1, 1, so MASE equals MAE here.
    const fitted = fitModel(
      { kind: "auto", candidates: ["naive", "drift"] },
      { years: [2017, 2018, 2019, 2020, 2021], values: [1, 2, 3, 4, 6] },
      { scale: "linear" },
    );
    expect(fitted.params.autoScore0).toBeCloseTo(4 / 3, 12);
  });

  it("projects with the selected model and keeps its own parameters", () => {
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = years.map((y) => 100 * 1.06 ** (y - 2010));
    const fitted = expectKind("drift", fitModel({ kind: "auto" }, { years, values }));
    // Every trend model forecasts this noiselessly; ties go to the first listed, drift.
    expect(fitted.kind).toBe("drift");
    expect(Math.expm1(fitted.params.drift as number)).toBeCloseTo(0.06, 12);
    const p = projectModel(fitted, { toYear: 2022 });
    expect(p.values[0]).toBeCloseTo(100 * 1.06 ** 12, 8);
  });

  it("takes the simplest candidate that fits when the series is too short to compare", () => {
    for (const n of [1, 2, 3]) {
      const years = Array.from({ length: n }, (_, i) => 2019 + i);
      const fitted = fitModel({ kind: "auto" }, { years, values: years.map((y) => y - 2000) });
      expect(fitted.kind).toBe("naive");
      expect(fitted.notes[0]).toContain("too few to compare");
    }
    const short = fitModel(
      { kind: "auto", candidates: ["trend", "drift"] },
      { years: [2020, 2021], values: [3, 4] },
    );
    expect(short.kind).toBe("drift");
    expect(short.params.autoSelected).toBe(1);
  });

  it("falls back to naive when no candidate fits the series", () => {
    const fitted = fitModel(
      { kind: "auto", candidates: ["holt"] },
      { years: [2020, 2021], values: [3, 4] },
    );
    expect(fitted.kind).toBe("naive");
    expect(fitted.params.autoSelected).toBe(-1);
  });

  it("accepts spec objects as candidates and records a score per candidate", () => {
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = [10, 11.5, 12.4, 14.1, 15.0, 16.8, 17.5, 19.6, 20.2, 22.3, 23.1, 25.0];
    const fitted = fitModel(
      {
        kind: "auto",
        candidates: [{ kind: "holt", damped: true }, "naive", { kind: "trend", window: 5 }],
      },
      { years, values },
    );
    expect(
      [fitted.params.autoScore0, fitted.params.autoScore1, fitted.params.autoScore2].every(
        (s) => typeof s === "number",
      ),
    ).toBe(true);
    expect(fitted.kind).not.toBe("naive");
  });

  it("leaves out a candidate that cannot fit the values, with a note", () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = [150, 160, 171, 183, 196, 209, 224];
    const fitted = fitModel(
      { kind: "auto", candidates: ["logistic", "drift", "naive"] },
      { years, values },
    );
    expect(fitted.kind).toBe("drift");
    expect(fitted.params.autoScore0).toBeNull();
    expect(fitted.notes.join(" ")).toContain(
      "logistic left out: fitModel: series.values[0] must be a number inside (0, 100) on the logit scale (got 150 in 2015)",
    );
  });

  it("never fails on a series of one point or more: a candidate that cannot fit is passed over", () => {
    const fitted = fitModel(
      { kind: "auto", candidates: ["logistic"] },
      { years: [2020, 2021], values: [100, 100] },
    );
    expect(fitted.kind).toBe("naive");
    expect(fitted.params.autoSelected).toBe(-1);
    expect(fitted.notes.join(" ")).toContain("logistic left out");
  });

  it("leaves out a candidate whose forecast falls outside the modelling scale's domain", () => {
    // A linear trend through a collapsing series forecasts negative values; errors are measured
    // on the log scale, where those have no place.
    const fitted = fitModel(
      { kind: "auto", candidates: [{ kind: "trend", form: "linear" }, "naive"] },
      { years: [2015, 2016, 2017, 2018, 2019, 2020, 2021], values: [100, 60, 30, 12, 5, 2, 1] },
    );
    expect(fitted.kind).toBe("naive");
    expect(fitted.params.autoScore0).toBeNull();
    expect(fitted.notes.join(" ")).toContain("outside the log scale's domain");
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });

  it("does not score a forecast across a break", () => {
    // Origins 2019 (target 2020, across the break) and 2020 (target 2021) for naive and drift
    // (need 2): only the second is scored.
    const fitted = fitModel(
      { kind: "auto", candidates: ["naive", "drift"], metric: "mae" },
      { years: [2017, 2018, 2019, 2020, 2021], values: [1, 2, 3, 10, 11], breaks: [2020] },
      { scale: "linear" },
    );
    expect(fitted.params.autoOrigins).toBe(2);
    // Origin 2018 (train 1, 2; target 3): naive 1, drift 0. Origin 2020 (train 1, 2, 3 | 10;
    // target 11): naive |11 − 10| = 1, drift 10 + 1 = 11 → 0. Scores naive 1, drift 0.
    expect(fitted.params.autoScore0).toBeCloseTo(1, 12);
    expect(fitted.params.autoScore1).toBeCloseTo(0, 12);
  });

  it("rejects auto as its own candidate and an unknown candidate kind", () => {
    expect(AutoSpecSchema.safeParse({ kind: "auto", candidates: ["auto"] }).success).toBe(false);
    expect(() =>
      fitModel({ kind: "auto", candidates: ["nope"] }, { years: [2020, 2021], values: [1, 2] }),
    ).toThrow(
      'fitModel: spec.candidates[0] must be "cagr", "path", "naive", "drift", "trend", "theil-sen", "holt", "theta", "logistic", "urgd", "combination" or "auto"; did you mean "holt"? (got the string "nope")',
    );
  });
});

describe("auto on a series flat up to rounding", () => {
  it("does not rank candidates by rounding noise: rescaling the segment before a break changes nothing", () => {
    // fast-check's counterexample: ten up to rounding (9.999999999999998 is one ulp below), one
    // bump of 1.3e-6, a break in 2001. The training steps are rounding noise (about 2e-16 on the
    // log scale); scaled by them the scores were about 1.5e9 and the choice flipped with the
    // rounding of the rescaled values. Now the scale is the whole series' steps in both cases.
    const years = [1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002];
    const values = [10, 10, 10, 9.999999999999998, 10, 10.00001309092421, 10, 10];
    const shifted = values.map((v, i) => ((years[i] as number) < 2001 ? v * 0.5 : v));
    const spec = { kind: "auto", candidates: ["naive", "drift", "trend"] } as const;
    const a = fitModel(spec, { years, values, breaks: [2001] }, { scale: "log" });
    const b = fitModel(spec, { years, values: shifted, breaks: [2001] }, { scale: "log" });
    expect(a.params.autoSelected).toBe(b.params.autoSelected);
    const pa = projectModel(a, { toYear: 2007 }).values;
    const pb = projectModel(b, { toYear: 2007 }).values;
    pa.forEach((v, i) => {
      expect(Math.abs((pb[i] as number) / v - 1)).toBeLessThan(1e-12);
    });
  });
});
