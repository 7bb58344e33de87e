import { fitModel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import { holtModel } from "../../src/models/holtModel.js";
import { runSmoothing } from "../../src/models/internal/exponentialSmoothing.js";
import type { FittedModel } from "../../src/models/types.js";
import { expectKind } from "./expectKind.js";
import {
  casesOf,
  differences,
  type ReferenceCase,
  type ReferenceSeries,
} from "./referenceFixture.js";

// Tolerances against R's forecast::ets (see docs/models.md):
// - REPLAY: with R's own parameters and initial states, our recursion, point forecasts and
//   Table 6.1 interval variances must reproduce R's numbers up to rounding.
const REPLAY = 1e-9;
// - Our optimum must be at least as good as R's (we minimise the same SSE; initial states are
//   solved exactly, so we usually end lower): SSE_ours ≤ SSE_R · (1 + SSE_SLACK).
const SSE_SLACK = 1e-9;
// - Where both optimisers end at the same optimum (SSEs within 0.5%), the likelihood is flat
//   around it and R's Nelder–Mead stops at a slightly different point: point forecasts within
//   1% (0.01 on the log scale) and 80/95% bounds within 0.1 on the log scale over five years.
//   Where our SSE is lower by more than 0.5%, R stopped at a worse optimum and only the SSE
//   check applies.
const SAME_OPTIMUM = 0.005;
const MEAN_TOLERANCE = 0.01;
const BOUNDS_TOLERANCE = 0.1;

function replay(c: ReferenceCase, s: ReferenceSeries, damped: boolean): FittedModel<"holt"> {
  const y = s.values.map(Math.log);
  const p = c.params as Record<string, number>;
  const phi = damped ? (p.phi as number) : 1;
  const run = runSmoothing(
    y,
    p.alpha as number,
    p.beta as number,
    phi,
    p.l as number,
    p.b as number,
  );
  const sse = run.errors.reduce((a, e) => a + e * e, 0);
  expect(Math.abs(sse / (p.sse as number) - 1)).toBeLessThan(REPLAY);
  return {
    kind: "holt",
    spec: { kind: "holt", damped },
    scale: "log",
    origin: {
      year: s.years[s.years.length - 1] as number,
      value: s.values[s.values.length - 1] as number,
    },
    n: y.length,
    params: {
      alpha: p.alpha as number,
      beta: p.beta as number,
      phi,
      initialLevel: p.l as number,
      initialTrend: p.b as number,
      level: run.level,
      trend: run.trend,
      sse,
      sigma: Math.sqrt(p.sigma2 as number),
      parameters: damped ? 5 : 4,
    },
    notes: [],
  };
}

describe("holtModel", () => {
  it("continues a noiseless linear series exactly", () => {
    const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const fitted = fitModel(
      { kind: "holt" },
      { years, values: years.map((y) => 3 * (y - 2000) + 7) },
      { scale: "linear" },
    );
    const p = projectModel(fitted, { toYear: 2023 }).values;
    expect(p[0]).toBeCloseTo(3 * 22 + 7, 6);
    expect(p[1]).toBeCloseTo(3 * 23 + 7, 6);
  });

  it("damps the trend: the damped forecast grows less than the undamped one", () => {
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = [10, 12.1, 13.9, 16.2, 17.8, 20.3, 21.9, 24.2, 25.8, 28.1, 29.9, 32.2];
    const plain = fitModel({ kind: "holt" }, { years, values }, { scale: "linear" });
    const damped = expectKind(
      "holt",
      fitModel({ kind: "holt", damped: true }, { years, values }, { scale: "linear" }),
    );
    expect(damped.params.phi as number).toBeLessThanOrEqual(0.98);
    const far = (f: FittedModel) => projectModel(f, { toYear: 2040 }).values[18] as number;
    expect(far(damped)).toBeLessThan(far(plain));
  });

  it("re-levels segments before a break: a +30% jump changes nothing", () => {
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = [
      1005.6, 1209.9, 1400.2, 1583.9, 1548.5, 1630.3, 1768.4, 1941.1, 2013.4, 2214.7, 2436.2,
      2679.8,
    ];
    const jumped = values.map((v, i) => ((years[i] as number) >= 2019 ? v * 1.3 : v));
    const a = expectKind("holt", fitModel({ kind: "holt" }, { years, values, breaks: [2019] }));
    const b = expectKind(
      "holt",
      fitModel({ kind: "holt" }, { years, values: jumped, breaks: [2019] }),
    );
    expect(b.params.trend).toBeCloseTo(a.params.trend as number, 9);
    expect(b.params.alpha).toBeCloseTo(a.params.alpha as number, 9);
    expect(b.notes.join(" ")).toContain("re-levelled");
  });

  it("recovers the growth of a noiseless exponential series with a +30% jump at a break", () => {
    const years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const values = years.map((y) => 100 * 1.08 ** (y - 2012) * (y >= 2019 ? 1.3 : 1));
    const fitted = expectKind(
      "holt",
      fitModel({ kind: "holt" }, { years, values, breaks: [2019] }),
    );
    expect(Math.expm1(fitted.params.trend as number)).toBeCloseTo(0.08, 6);
  });

  it("needs 4 points (5 damped) and falls back to trend", () => {
    const s = { years: [2018, 2019, 2020, 2021], values: [1, 2, 3, 4.5] };
    expect(fitModel({ kind: "holt" }, s).kind).toBe("holt");
    const damped = fitModel({ kind: "holt", damped: true }, s);
    expect(damped.kind).toBe("trend");
    expect(damped.fallback?.reason).toBe('"holt" needs at least 5 points, the series has 4');
  });

  for (const damped of [false, true]) {
    const model = damped ? "holt-damped" : "holt";
    for (const { c, s } of casesOf(model)) {
      it(`${model}: R's parameters replayed give R's SSE, forecasts and intervals on ${c.series}`, () => {
        const fitted = replay(c, s, damped);
        const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
        expect(d.mean).toBeLessThan(REPLAY);
        expect(d.bounds).toBeLessThan(REPLAY);
        expect(holtModel.forecast(fitted, 0, 1).mean[0]).toBeCloseTo(c.mean[0] as number, 9);
      });

      it(`${model}: our maximum-likelihood fit is at least as good as R's on ${c.series}`, () => {
        const fitted = expectKind(
          "holt",
          fitModel({ kind: "holt", damped }, { years: s.years, values: s.values }),
        );
        const rSse = c.params.sse as number;
        const ours = fitted.params.sse as number;
        expect(ours).toBeLessThanOrEqual(rSse * (1 + SSE_SLACK));
        if (ours > rSse * (1 - SAME_OPTIMUM)) {
          const d = differences((toYear, level) => projectModel(fitted, { toYear, level }), c, s);
          expect(d.mean).toBeLessThan(MEAN_TOLERANCE);
          expect(d.bounds).toBeLessThan(BOUNDS_TOLERANCE);
        }
      });
    }
  }
});
