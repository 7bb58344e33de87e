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

  it("fitModel rejects unknown kinds and invalid specs with TypeErrors naming them", () => {
    expect(() => fitModel({ kind: "arima" }, series)).toThrow(
      'fitModel: unknown model kind "arima"',
    );
    expect(() => fitModel({ kind: "cagr", rate: -1.5 }, series)).toThrow(
      /^fitModel: invalid spec for "cagr": rate /,
    );
  });

  it("fitModel rejects malformed series with RangeErrors showing the value", () => {
    expect(() => fitModel({ kind: "naive" }, { years: [], values: [] })).toThrow(
      "fitModel: series is empty",
    );
    expect(() => fitModel({ kind: "naive" }, { years: [1, 2], values: [1] })).toThrow(
      "fitModel: years and values differ in length (2 years, 1 values)",
    );
    expect(() => fitModel({ kind: "naive" }, { years: [2020, 2020], values: [1, 2] })).toThrow(
      "fitModel: years must be strictly increasing integers (2020 at index 1)",
    );
    expect(() =>
      fitModel({ kind: "naive" }, { years: [2020, 2021], values: [1, Number.NaN] }),
    ).toThrow("fitModel: value at year 2021 is not finite (NaN)");
    expect(() => fitModel({ kind: "naive" }, { years: [2020, 2021], values: [1, -2] })).toThrow(
      "fitModel: log scale needs positive values (got -2 at year 2021)",
    );
    expect(() =>
      fitModel({ kind: "naive" }, { years: [2020], values: [100] }, { kind: "rate" }),
    ).toThrow("fitModel: logit scale needs values inside (0, 100) (got 100 at year 2020)");
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
      "projectModel: toYear must be after the last observed year 2021 (got 2021)",
    );
    expect(() => projectModel(fitted, { toYear: 2025, level: 1 })).toThrow(
      "projectModel: level must be in (0, 1) (got 1)",
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
