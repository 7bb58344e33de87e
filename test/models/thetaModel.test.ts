import { fitModel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import type { FittedModel } from "../../src/models/types.js";
import { expectKind } from "./expectKind.js";
import { casesOf, differences } from "./referenceFixture.js";

// Tolerances against R's forecast::thetaf:
// - the drift is half the OLS slope: exact up to rounding;
const EXACT = 1e-9;
// - SES's α sits at R's upper bound 0.9999 on these series and both optimisers stop within
//   about 1e-5 of it, which moves forecasts and bounds by at most about 1e-4 on the log scale.
const OPTIMISER = 1e-4;

describe("thetaModel", () => {
  it("forecasts SES level plus half the OLS slope: ℓ_T + (b/2)((h − 1) + (1 − (1 − α)^n)/α)", () => {
    // A straight line y = t: SES with α → 1 tracks it (ℓ_T ≈ last value); b = 1, drift 0.5.
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const fitted = expectKind(
      "theta",
      fitModel(
        { kind: "theta" },
        { years, values: years.map((y) => y - 2000) },
        { scale: "linear" },
      ),
    );
    expect(fitted.params.drift).toBeCloseTo(0.5, 12);
    const { alpha, level, n } = fitted.params as Record<string, number>;
    const a = alpha as number;
    const expected = (level as number) + 0.5 * (1 + (1 - (1 - a) ** (n as number)) / a);
    expect(projectModel(fitted, { toYear: 2023 }).values[1]).toBeCloseTo(expected, 12);
  });

  it("gives a series with a +30% jump at a break the same forecast growth as without it", () => {
    const years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const noise = [0.01, -0.02, 0.015, 0, -0.01, 0.02, -0.005, 0.01, -0.015, 0.005];
    const values = years.map((y, i) => 100 * Math.exp(0.08 * (y - 2012) + (noise[i] as number)));
    const jumped = values.map((v, i) => ((years[i] as number) >= 2019 ? v * 1.3 : v));
    const a = expectKind("theta", fitModel({ kind: "theta" }, { years, values, breaks: [2019] }));
    const b = expectKind(
      "theta",
      fitModel({ kind: "theta" }, { years, values: jumped, breaks: [2019] }),
    );
    expect(b.params.drift).toBeCloseTo(a.params.drift as number, 12);
    expect(b.params.alpha).toBeCloseTo(a.params.alpha as number, 9);
    const growth = (f: FittedModel) => {
      const p = projectModel(f, { toYear: 2023 }).values;
      return Math.log((p[1] as number) / (p[0] as number));
    };
    expect(growth(b)).toBeCloseTo(growth(a), 9);
  });

  it("falls back to drift below three points", () => {
    expect(fitModel({ kind: "theta" }, { years: [2020, 2021], values: [1, 2] }).kind).toBe("drift");
  });

  for (const { c, s } of casesOf("theta")) {
    it(`matches R's thetaf on ${c.series}`, () => {
      const fitted = expectKind(
        "theta",
        fitModel({ kind: "theta" }, { years: s.years, values: s.values }, { scale: c.scale }),
      );
      expect(Math.abs((fitted.params.drift as number) - (c.params.drift as number))).toBeLessThan(
        EXACT,
      );
      // Least squares: our σ² can only be lower than or equal to R's.
      expect((fitted.params.sigma as number) ** 2).toBeLessThanOrEqual(
        (c.params.sigma2 as number) * (1 + 1e-9),
      );
      expect(Math.abs((fitted.params.alpha as number) - (c.params.alpha as number))).toBeLessThan(
        1e-3,
      );
      const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
      expect(d.mean).toBeLessThan(OPTIMISER);
      expect(d.bounds).toBeLessThan(OPTIMISER);
    });
  }
});
