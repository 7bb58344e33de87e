import {
  ArgumentRangeError,
  ArgumentTypeError,
  comparableUnits,
  fitModel,
  preparePanel,
  projectModel,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { digamma, trigamma, trigammaInverse } from "../../src/internal/polygamma.js";
import { expectKind } from "./expectKind.js";

const EULER = 0.5772156649015329; // γ = −ψ(1)
const Z80 = 1.2815515655446004; // Φ⁻¹(0.9), qnorm(0.9)

/** A linear-scale series from 2018 with the given yearly changes, starting at 100. */
function fromSteps(steps: readonly number[]): { years: number[]; values: number[] } {
  const values = [100];
  for (const s of steps) values.push((values[values.length - 1] as number) + s);
  return { years: values.map((_, i) => 2018 + i), values };
}

describe("polygamma functions", () => {
  it("match the closed forms at 1/2 and 1 (Abramowitz & Stegun 6.3.2, 6.3.3, 6.4.2, 6.4.4)", () => {
    expect(digamma(1)).toBeCloseTo(-EULER, 13); // ψ(1) = −γ
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.LN2, 13); // ψ(½) = −γ − 2 ln 2
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 12); // ψ′(1) = π²/6
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12); // ψ′(½) = π²/2
    expect(trigammaInverse(Math.PI ** 2 / 2)).toBeCloseTo(0.5, 7);
  });
});

describe("preparePanel", () => {
  // Three units on the linear scale, three yearly changes each (d = 2): g ± a, g.
  // Growth g = 1, 2, 6; the step variance (divisor d = 2) is (a² + 0 + a²)/2 = a².
  // a² = e^−c, 1, e^c with c² = 2π²/3, so that for e_i = ln a_i² − ψ(1) + ln 1 = ln a_i² + γ:
  // mean e = γ, var e = (c² + 0 + c²)/2 = c² = 2π²/3, and Smyth's moment equation
  // ψ′(ν0/2) = var e − ψ′(1) = 2π²/3 − π²/6 = π²/2 = ψ′(1/2) gives ν0 = 1, then
  // s0² = exp(mean e + ψ(1/2) − ln(1/2)) = exp(γ − γ − 2 ln 2 + ln 2) = 1/2.
  const c = Math.sqrt((2 * Math.PI ** 2) / 3);
  const a2 = [Math.exp(-c), 1, Math.exp(c)];
  const growth = [1, 2, 6];
  const panel = growth.map((g, i) => {
    const a = Math.sqrt(a2[i] as number);
    return fromSteps([g - a, g, g + a]);
  });
  // Growth: μ = (1 + 2 + 6)/3 = 3; var g = (4 + 1 + 9)/2 = 7. Moderated variances
  // s̃_i² = (ν0·s0² + d·a_i²)/(ν0 + d) = (0.5 + 2a_i²)/3, sampling variances v_i = s̃_i²/T, T = 3:
  // mean v = (1.5 + 2(e^−c + 1 + e^c))/27 = (3.5 + 4 cosh c)/27; τ² = 7 − mean v.
  const tau2 = 7 - (3.5 + 4 * Math.cosh(c)) / 27;

  it("estimates ν0, s0², μ and τ² by the method of moments (hand computation)", () => {
    const summary = preparePanel(panel, { scale: "linear" });
    expect(summary.kind).toBe("panel-summary");
    expect(summary.scale).toBe("linear");
    expect(summary.volatility.priorDf).toBeCloseTo(1, 6);
    expect(summary.volatility.priorVariance).toBeCloseTo(0.5, 6);
    expect(summary.volatility.units).toBe(3);
    expect(summary.growth.mean).toBeCloseTo(3, 12);
    expect(summary.growth.betweenVariance).toBeCloseTo(tau2, 6);
    expect(summary.growth.units).toBe(3);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("sets ν0 = ∞ (10,000) and s0² = exp(mean e) when variances vary less than sampling explains", () => {
    // Step variances a² = 1, 2, 4 with d = 2: var(ln a²) = (ln 2)² = 0.48 < ψ′(1) = 1.64, so the
    // excess is negative; s0² = exp(mean ln a² + γ) = 2·e^γ.
    const units = [1, 2, 4].map((v) => fromSteps([5 - Math.sqrt(v), 5, 5 + Math.sqrt(v)]));
    const summary = preparePanel(units, { scale: "linear" });
    expect(summary.volatility.priorDf).toBe(10000);
    expect(summary.volatility.priorVariance).toBeCloseTo(2 * Math.exp(EULER), 10);
  });

  it("never counts a change across a break as growth", () => {
    const units = [
      {
        years: [2016, 2017, 2018, 2019, 2020, 2021],
        values: [10, 11, 12, 100, 101, 103],
        breaks: [2019],
      },
      fromSteps([1, 2, 1, 3, 1]),
      fromSteps([2, 1, 2, 1, 3]),
    ];
    const summary = preparePanel(units, { scale: "linear" });
    // Unit 1: changes 1, 1 | 1, 2 → g = 5/4; units 2 and 3: 8/5 and 9/5. μ = (1.25 + 1.6 + 1.8)/3.
    expect(summary.growth.mean).toBeCloseTo((1.25 + 1.6 + 1.8) / 3, 12);
  });

  it("refuses bad arguments with named errors", () => {
    expect(() => preparePanel(undefined as never)).toThrow(ArgumentTypeError);
    expect(() => preparePanel(undefined as never)).toThrow(
      /^preparePanel: series must be an array of series/,
    );
    expect(() => preparePanel([{ years: [2020], values: ["1"] }] as never)).toThrow(
      /^preparePanel: series\[0\]\.values\[0\] must be a finite number \(got the string "1"\)/,
    );
    expect(() => preparePanel(panel, { scale: "lg" } as never)).toThrow(
      /^preparePanel: options\.scale must be "log", "logit" or "linear"/,
    );
    expect(() => preparePanel(panel, { panel } as never)).toThrow(
      /options\.panel is not an option/,
    );
    expect(() => preparePanel([fromSteps([-200, 1])], { scale: "log" })).toThrow(
      /^preparePanel: series\[0\]\.values\[1\] must be a positive number on the log scale \(got -100 in 2019\)/,
    );
    expect(() => preparePanel(panel.slice(0, 2), { scale: "linear" })).toThrow(ArgumentRangeError);
    expect(() => preparePanel(panel.slice(0, 2), { scale: "linear" })).toThrow(
      /^preparePanel: series must hold at least 3 units with two or more changes within a segment and a positive variance \(got 2\)/,
    );
  });
});

describe("fitModel with a panel: drift shrunk toward the panel", () => {
  const c = Math.sqrt((2 * Math.PI ** 2) / 3);
  const panel = [1, 2, 6].map((g, i) => {
    const a = Math.sqrt([Math.exp(-c), 1, Math.exp(c)][i] as number);
    return fromSteps([g - a, g, g + a]);
  });
  const tau2 = 7 - (3.5 + 4 * Math.cosh(c)) / 27; // as above: μ = 3, ν0 = 1, s0² = 1/2

  it("weighs the own growth by τ²/(τ² + s̃²/T) (hand computation)", () => {
    // Own series 10, 12: one change (g = 2, T = 1, d = 0), so s̃² = s0² = 0.5 and the sampling
    // variance of g is 0.5/1; w = τ²/(τ² + 0.5), drift = 2w + 3(1 − w), var(drift) = w·0.5.
    const w = tau2 / (tau2 + 0.5);
    const fitted = expectKind(
      "drift",
      fitModel(
        { kind: "drift" },
        { years: [2020, 2021], values: [10, 12] },
        { scale: "linear", panel },
      ),
    );
    expect(fitted.params.panelWeight).toBeCloseTo(w, 6);
    expect(fitted.params.drift).toBeCloseTo(2 * w + 3 * (1 - w), 6);
    const p = projectModel(fitted, { toYear: 2022, level: 0.8 });
    expect(p.values[0]).toBeCloseTo(12 + 2 * w + 3 * (1 - w), 6);
    // se₁² = s̃²·1 + 1²·var(drift) = 0.5 + 0.5w.
    expect(p.upper?.[0]).toBeCloseTo(12 + 2 * w + 3 * (1 - w) + Z80 * Math.sqrt(0.5 + 0.5 * w), 6);
  });

  it("forecasts a single point with the panel's growth and its spread", () => {
    // No change of its own: drift = μ = 3, var(drift) = τ², se₂² = 2·s0² + 2²·τ².
    const fitted = fitModel(
      { kind: "drift" },
      { years: [2021], values: [50] },
      { scale: "linear", panel },
    );
    expect(fitted.kind).toBe("drift");
    expect(fitted.fallback).toBeUndefined();
    const p = projectModel(fitted, { toYear: 2023, level: 0.8 });
    expect(p.values).toEqual([53, 56]);
    expect(p.lower?.[1]).toBeCloseTo(56 - Z80 * Math.sqrt(2 * 0.5 + 4 * tau2), 6);
  });

  it("takes a prepared summary as well as the series, and refuses one on another scale", () => {
    const summary = preparePanel(panel, { scale: "linear" });
    const series = { years: [2020, 2021], values: [10, 12] };
    const fromSeries = fitModel({ kind: "drift" }, series, { scale: "linear", panel });
    const fromSummary = fitModel({ kind: "drift" }, series, { scale: "linear", panel: summary });
    expect(fromSummary.params).toEqual(fromSeries.params);
    expect(() => fitModel({ kind: "drift" }, series, { scale: "log", panel: summary })).toThrow(
      /^fitModel: options\.panel\.scale must be the fit's scale, "log" \(got "linear"\)/,
    );
    expect(() =>
      fitModel({ kind: "drift" }, series, { panel: { kind: "panel" } as never }),
    ).toThrow(/^fitModel: options\.panel\.kind must be "panel-summary"/);
    expect(() => fitModel({ kind: "drift" }, series, { panel: 3 as never })).toThrow(
      ArgumentTypeError,
    );
  });
});

describe("comparableUnits", () => {
  const unit = (id: string, province: string, size: number, level = "county") => ({
    id,
    level,
    province,
    size,
    series: { years: [2020, 2021], values: [size, size * 1.1] },
  });
  const units = [
    unit("a", "53", 100),
    unit("b", "53", 150),
    unit("c", "53", 1000),
    unit("g", "53", 120),
    unit("h", "53", 5000),
    unit("d", "52", 90),
    unit("e", "52", 110),
    unit("i", "52", 200),
    unit("f", "52", 120, "prefecture"),
  ];

  it("takes the same level, the same province and similar size first, then widens", () => {
    const target = { id: "a", level: "county", province: "53", size: 100 };
    // Province 53 within ×4 of 100: b, g (c is ×10, h ×50) — 2 < 3; province 53: b, c, g, h.
    const province = comparableUnits(target, units, { minUnits: 3 });
    expect([province.scope, province.sized]).toEqual(["province", false]);
    expect(province.units.map((u) => u.id)).toEqual(["b", "c", "g", "h"]);
    // minUnits 5: the nation within ×4 — b, g, d, e, i (f is a prefecture, a the target).
    const nation = comparableUnits(target, units, { minUnits: 5 });
    expect([nation.scope, nation.sized]).toEqual(["nation", true]);
    expect(nation.units.map((u) => u.id)).toEqual(["b", "g", "d", "e", "i"]);
    // minUnits 7: every county but the target.
    const all = comparableUnits(target, units, { minUnits: 7 });
    expect([all.scope, all.sized, all.units.length]).toEqual(["nation", false, 7]);
  });

  it("refuses bad arguments with named errors", () => {
    expect(() => comparableUnits({ id: "a" }, units, { sizeRatio: 1 })).toThrow(
      /^comparableUnits: options\.sizeRatio must be a finite number > 1 \(got 1\)/,
    );
    expect(() => comparableUnits({ id: "a" }, units, { minUnits: 100 })).toThrow(
      ArgumentRangeError,
    );
    expect(() => comparableUnits(null as never, units)).toThrow(/^comparableUnits: target must be/);
    expect(() => comparableUnits({ id: "a" }, units, { minUnit: 3 } as never)).toThrow(
      /did you mean minUnits\?/,
    );
  });
});

describe("combination", () => {
  it("averages its members' forecasts and interval bounds on the modelling scale", () => {
    // Linear 1, 2, 4: naive 4 (σ² = (1² + 2²)/2 = 2.5, se₁ = √2.5); drift 4 + 1.5 = 5.5
    // (σ² = (0.5² + 0.5²)/1 = 0.5, m = 2, se₁ = √(0.5·(1 + 1/2))). Equal weights.
    const fitted = fitModel(
      { kind: "combination", members: ["naive", "drift"] },
      { years: [2019, 2020, 2021], values: [1, 2, 4] },
      { scale: "linear" },
    );
    const p = projectModel(JSON.parse(JSON.stringify(fitted)), { toYear: 2022, level: 0.8 });
    expect(p.values[0]).toBeCloseTo(4.75, 12);
    const lower = 0.5 * (4 - Z80 * Math.sqrt(2.5)) + 0.5 * (5.5 - Z80 * Math.sqrt(0.75));
    expect(p.lower?.[0]).toBeCloseTo(lower, 10);
  });

  it("leaves out members the series is too short for", () => {
    const fitted = fitModel(
      { kind: "combination", members: ["theta", { kind: "holt", damped: true }, "drift"] },
      { years: [2020, 2021], values: [10, 11] },
      { scale: "log" },
    );
    expect(fitted.notes[0]).toBe("combination of drift 1.000");
  });

  it("refuses auto or combination as a member, and weights of the wrong length", () => {
    expect(() =>
      fitModel({ kind: "combination", members: ["auto"] }, { years: [2021], values: [1] }),
    ).toThrow(/a member cannot be auto or combination/);
    expect(() =>
      fitModel(
        { kind: "combination", members: ["naive"], weights: [1, 2] },
        { years: [2021], values: [1] },
      ),
    ).toThrow(/weights must have one weight per member/);
  });
});

describe("auto with a panel", () => {
  const panel = [
    { years: [2018, 2019, 2020, 2021], values: [100, 110, 118, 130] },
    { years: [2018, 2019, 2020, 2021], values: [50, 52, 55, 57] },
    { years: [2018, 2019, 2020, 2021], values: [80, 90, 97, 110] },
  ];

  it("combines theta, damped Holt and the shrunk drift instead of selecting", () => {
    const series = { years: [2019, 2020, 2021], values: [40, 48, 50] };
    const fitted = fitModel({ kind: "auto" }, series, { panel });
    expect(fitted.kind).toBe("combination");
    expect(fitted.notes[1]).toBe("combination of theta 0.500, drift 0.500");
    // The forecast is the mean, on the log scale, of theta's and the shrunk drift's.
    const theta = projectModel(fitModel({ kind: "theta" }, series), { toYear: 2022 }).values[0];
    const drift = projectModel(fitModel({ kind: "drift" }, series, { panel }), { toYear: 2022 })
      .values[0];
    const mean = Math.sqrt((theta as number) * (drift as number));
    expect(projectModel(fitted, { toYear: 2022 }).values[0]).toBeCloseTo(mean, 9);
  });

  it("forecasts one point with the panel's growth, and without a panel falls back to naive", () => {
    const one = { years: [2021], values: [40] };
    expect(fitModel({ kind: "auto" }, one, { panel }).notes[1]).toBe("combination of drift 1.000");
    const alone = fitModel({ kind: "auto", method: "combine" }, one);
    expect(alone.kind).toBe("naive");
    expect(alone.fallback).toEqual({
      from: "auto",
      reason: '"auto" combines models that need at least 2 points, the series has 1',
    });
  });
});
