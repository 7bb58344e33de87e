import { describe, expect, it } from "vitest";
import { betaConvergence } from "../../src/analysis/betaConvergence.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

// The seven places with GDP and population in 2000 and 2018 (data/qujing/panel-observations.csv:
// CSMAR_CNT_GDP in 100M yuan, CSMAR_CNT_POP in 10k persons; fixed-asset investment CSMAR_CNT_FAI
// in 100M yuan, 2000).
const SEVEN = [
  { place: "qilin", gdp0: 75.1299, pop0: 60.6, fai0: 17.74, gdp1: 651.86, pop1: 78.1 },
  { place: "xuanwei", gdp0: 29.493, pop0: 130, fai0: 11.96, gdp1: 280.76, pop1: 137.47 },
  { place: "huize", gdp0: 19.4517, pop0: 88.7, fai0: 2.21, gdp1: 190.02, pop1: 96.02 },
  { place: "luliang", gdp0: 20.4209, pop0: 58.4, fai0: 0.97, gdp1: 175.68, pop1: 64.69 },
  { place: "shizong", gdp0: 10.1878, pop0: 34.7, fai0: 0.44, gdp1: 119.08, pop1: 41.09 },
  { place: "luoping", gdp0: 19.1797, pop0: 52.3, fai0: 1.36, gdp1: 178.63, pop1: 57.88 },
  { place: "fuyuan", gdp0: 20.23, pop0: 65.4, fai0: 1.56, gdp1: 155.35, pop1: 75.14 },
];
const T = 18;
const places = SEVEN.map((p) => ({
  place: p.place,
  initial: (1e4 * p.gdp0) / p.pop0,
  final: (1e4 * p.gdp1) / p.pop1,
}));

const rel = (got: number | null | undefined, want: number, tol: number) =>
  expect(Math.abs((got ?? Number.NaN) - want) / Math.abs(want)).toBeLessThan(tol);

describe("betaConvergence", () => {
  it("betaConvergence on Qujing's seven places, 2000–2018, equals the closed form β = Sxy/Sxx", () => {
    // Independent arithmetic in the test: x = ln y₀, g = ln(y₁/y₀)/18 (the values above, e.g.
    // qilin y₀ = 12397.67, y₁ = 83464.79, x = 9.425264, g = 0.105940); x̄ = 8.176256,
    // ḡ = 0.116456, Sxx = 2.052701, Sxy = −0.018881; β = Sxy/Sxx = −0.0091983320449531 (Python).
    const x = places.map((p) => Math.log(p.initial));
    const g = places.map((p) => Math.log(p.final / p.initial) / T);
    const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
    const mx = mean(x);
    const mg = mean(g);
    const sxx = x.reduce((s, a) => s + (a - mx) ** 2, 0);
    const sxy = x.reduce((s, a, i) => s + (a - mx) * ((g[i] as number) - mg), 0);
    const beta = sxy / sxx;
    const alpha = mg - beta * mx;
    const rss = x.reduce((s, a, i) => s + ((g[i] as number) - alpha - beta * a) ** 2, 0);
    const tss = g.reduce((s, a) => s + (a - mg) ** 2, 0);
    const se = Math.sqrt(rss / (7 - 2) / sxx);
    const b = betaConvergence(places, T);
    rel(b.beta.estimate, beta, 1e-12);
    rel(b.beta.estimate, -0.009198332044953066, 1e-12); // Python, the same formula
    rel(b.alpha.estimate, alpha, 1e-12);
    rel(b.beta.standardError, se, 1e-12);
    rel(b.beta.t, beta / se, 1e-12);
    rel(b.beta.pValue, 0.11937406222038197, 1e-10); // SciPy 1.17: 2 * t.sf(1.87675, 5)
    rel(b.rSquared, 1 - rss / tss, 1e-12);
    // λ = −ln(1 + βT)/T = −ln(1 − 0.165570)/18 = 0.0100559…, half-life ln 2/λ = 68.93 years.
    rel(b.speed, -Math.log(1 + beta * T) / T, 1e-12);
    rel(b.halfLife, Math.LN2 / (-Math.log(1 + beta * T) / T), 1e-12);
    expect(b.halfLife).toBeCloseTo(68.93, 2);
    expect(b.n).toBe(7);
    expect(b.residualDf).toBe(5);
    expect(b.converging).toBe(true);
    expect(b.controls).toEqual([]);
  });

  it("betaConvergence conditional on the initial investment share equals NumPy's lstsq", () => {
    // NumPy 2.4: A = [1, ln y₀, FAI₀/GDP₀], b = lstsq(A, g), se = √diag(s² (AᵀA)⁻¹), s² = r·r/4.
    const withShare = places.map((p, i) => ({
      ...p,
      controls: { share: (SEVEN[i]?.fai0 as number) / (SEVEN[i]?.gdp0 as number) },
    }));
    const b = betaConvergence(withShare, T);
    rel(b.alpha.estimate, 0.1917418650753826, 1e-12);
    rel(b.beta.estimate, -0.009282342282047896, 1e-12);
    rel(b.controlCoefficients[0]?.estimate, 0.004288482857427987, 1e-11);
    rel(b.beta.standardError, 0.005478139444808763, 1e-12);
    rel(b.controlCoefficients[0]?.standardError, 0.023986679624753992, 1e-12);
    rel(b.alpha.standardError, 0.044725486816294235, 1e-12);
    rel(b.rSquared, 0.4179474107794673, 1e-12);
    expect(b.controls).toEqual(["share"]);
    expect(b.controlCoefficients[0]?.control).toBe("share");
    expect(b.residualDf).toBe(4);
  });

  it("betaConvergence reads divergence as a negative speed and no half-life", () => {
    // Richer places grow faster: y_T = y₀² / 10 → g = (ln y₀ − ln 10)/10, β = 0.1.
    const diverging = [10, 20, 40, 80].map((y0, i) => ({
      place: `p${i}`,
      initial: y0,
      final: (y0 * y0) / 10,
    }));
    const b = betaConvergence(diverging, 10);
    expect(b.beta.estimate).toBeCloseTo(0.1, 12);
    expect(b.speed).toBeCloseTo(-Math.log(2) / 10, 12);
    expect(b.halfLife).toBeNull();
    expect(b.converging).toBe(false);
    // β below −1/T: no constant speed gives it.
    const overshoot = [10, 20, 40, 80].map((y0, i) => ({
      place: `p${i}`,
      initial: y0,
      final: 1e4 / y0 ** 2,
    }));
    const o = betaConvergence(overshoot, 1);
    expect(o.beta.estimate).toBeCloseTo(-3, 12);
    expect(o.speed).toBeNull();
    expect(o.halfLife).toBeNull();
  });

  it("betaConvergence refuses too few places, collinear controls and ill-formed places", () => {
    expect(() => betaConvergence(places.slice(0, 2), T)).toThrow(
      new ArgumentRangeError(
        "betaConvergence: needs at least 3 places for 2 coefficients (got 2)",
        {
          code: "out-of-range",
          path: "places",
        },
      ),
    );
    const collinear = places.map((p) => ({ ...p, controls: { lnY: 2 * Math.log(p.initial) } }));
    expect(() => betaConvergence(collinear, T)).toThrow(/the regressors are collinear/);
    const mixed = places.map((p, i) => (i === 1 ? { ...p, controls: { a: 1 } } : p));
    expect(() => betaConvergence(mixed, T)).toThrow(
      "betaConvergence: places[1].controls must name the controls of places[0] (none)",
    );
    expect(() => betaConvergence([...places, places[0] as (typeof places)[number]], T)).toThrow(
      'betaConvergence: places[7].place "qilin" is given twice',
    );
    expect(() => betaConvergence(places, 0)).toThrow(
      "betaConvergence: years must be a positive finite number (got 0)",
    );
    expect(() => betaConvergence([{ place: "a", initial: "3", final: 4 }] as never, T)).toThrow(
      ArgumentTypeError,
    );
  });
});
