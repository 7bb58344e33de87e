import { describe, expect, it } from "vitest";
import { fitModel } from "../../src/models/fitModel.js";
import { projectModel } from "../../src/models/projectModel.js";
import { expectKind } from "./expectKind.js";

const series = { years: [2018, 2019, 2020, 2021], values: [40, 42, 45, 47] };

describe("fitModel", () => {
  it("fitModel defaults the modelling scale from the indicator kind", () => {
    expect(fitModel({ kind: "drift" }, series).scale).toBe("log");
    expect(fitModel({ kind: "drift" }, series, { kind: "level" }).scale).toBe("log");
    expect(fitModel({ kind: "drift" }, series, { kind: "rate" }).scale).toBe("logit");
    expect(fitModel({ kind: "drift" }, series, { kind: "count" }).scale).toBe("linear");
    expect(fitModel({ kind: "drift" }, series, { kind: "count", scale: "log" }).scale).toBe("log");
  });

  it("fitModel on the logit scale keeps a rate's drift inside its bounds", () => {
    const fitted = expectKind("drift", fitModel({ kind: "drift" }, series, { kind: "rate" }));
    // logit steps: ln(42/58) − ln(40/60) … mean = (logit(47) − logit(40)) / 3
    const logit = (p: number) => Math.log(p / (100 - p));
    expect(fitted.params.drift).toBeCloseTo((logit(47) - logit(40)) / 3, 12);
    const far = projectModel(fitted, { toYear: 2200 });
    expect(Math.max(...far.values)).toBeLessThan(100);
  });

  it("fitModel takes the declared fallback and says so when the series is too short", () => {
    const fitted = fitModel({ kind: "holt" }, { years: [2020, 2021], values: [10, 11] });
    expect(fitted.kind).toBe("drift");
    expect(fitted.fallback?.from).toBe("holt");
    expect(fitted.spec.kind).toBe("drift");
  });

  it("fitModel rejects unknown kinds and invalid specs with RangeErrors naming them", () => {
    expect(() => fitModel({ kind: "arima" }, series)).toThrow(
      'fitModel: spec.kind must be "cagr", "path", "naive", "drift", "trend", "theil-sen", "holt", "theta", "logistic", "urgd", "combination" or "auto"; did you mean "drift"? (got the string "arima")',
    );
    expect(() => fitModel({ kind: "cagr", rate: -1.5 }, series)).toThrow(
      "fitModel: spec.rate must be a number > -1 (got -1.5)",
    );
  });

  it("fitModel rejects malformed series with RangeErrors showing the value", () => {
    expect(() => fitModel({ kind: "naive" }, { years: [], values: [] })).toThrow(
      "fitModel: series.years must be a non-empty array of integer years (got an empty array)",
    );
    expect(() => fitModel({ kind: "naive" }, { years: [1, 2], values: [1] })).toThrow(
      "fitModel: series.values must have one value per year, 2 (got 1 values)",
    );
    expect(() => fitModel({ kind: "naive" }, { years: [2020, 2020], values: [1, 2] })).toThrow(
      "fitModel: series.years[1] must be a year after 2020, years strictly increasing (got 2020)",
    );
    expect(() =>
      fitModel({ kind: "naive" }, { years: [2020, 2021], values: [1, Number.NaN] }),
    ).toThrow("fitModel: series.values[1] must be a finite number (got NaN)");
    expect(() => fitModel({ kind: "naive" }, { years: [2020, 2021], values: [1, -2] })).toThrow(
      "fitModel: series.values[1] must be a positive number on the log scale (got -2 in 2021)",
    );
    expect(() =>
      fitModel({ kind: "naive" }, { years: [2020], values: [100] }, { kind: "rate" }),
    ).toThrow(
      "fitModel: series.values[0] must be a number inside (0, 100) on the logit scale (got 100 in 2020)",
    );
  });

  it("fitModel does not mutate its inputs", () => {
    const input = { years: [2018, 2019, 2020, 2021], values: [40, 42, 45, 47], breaks: [2020] };
    const copy = structuredClone(input);
    const spec = { kind: "trend" as const, form: "loglinear" as const };
    fitModel(spec, input);
    expect(input).toEqual(copy);
    expect(spec).toEqual({ kind: "trend", form: "loglinear" });
  });
});

describe("projectModel", () => {
  it("projectModel rejects a horizon that does not move forward and a bad level", () => {
    const fitted = fitModel({ kind: "drift" }, series);
    expect(() => projectModel(fitted, { toYear: 2021 })).toThrow(
      "projectModel: options.toYear must be an integer year from 2022 to 2221 (after the last observed year 2021, at most 200 years on) (got 2021)",
    );
    expect(() => projectModel(fitted, { toYear: 2025, level: 1 })).toThrow(
      "projectModel: options.level must be a fraction between 0 and 1, exclusive (0.8 = 80%) (got 1)",
    );
  });

  it("projectModel maps a log-scale interval back asymmetrically around the point forecast", () => {
    const fitted = fitModel({ kind: "drift" }, series);
    const p = projectModel(fitted, { toYear: 2024, level: 0.8 });
    expect(p.level).toBe(0.8);
    p.values.forEach((v, k) => {
      const lo = p.lower?.[k] as number;
      const hi = p.upper?.[k] as number;
      expect(lo).toBeLessThan(v);
      expect(hi).toBeGreaterThan(v);
      // symmetric on the log scale: v / lo = hi / v
      expect(v / lo).toBeCloseTo(hi / v, 12);
    });
  });
});
