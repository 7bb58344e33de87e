import { describe, expect, it } from "vitest";
import { fullRank, olsFit } from "../../src/analysis/internal/olsFit.js";

// ml-regression's MultivariateLinearRegression behind the adapter, checked against closed forms
// and NumPy (not against ml-regression itself).

const rel = (got: number | null | undefined, want: number, tol: number) =>
  expect(Math.abs((got ?? Number.NaN) - want) / Math.abs(want)).toBeLessThan(tol);

describe("olsFit", () => {
  it("olsFit's simple regression equals the closed form β = Sxy/Sxx, α = ȳ − β x̄ with SE √(s²/Sxx)", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1];
    // x̄ = 3, ȳ = 6.02, Sxx = 10, Sxy = (−2)(−3.92) + (−1)(−2.12) + 0 + (1)(1.78) + (2)(4.08) = 19.9
    // β = 1.99, α = 6.02 − 5.97 = 0.05; fitted 2.04, 4.03, 6.02, 8.01, 10.00;
    // residuals 0.06, −0.13, 0.18, −0.21, 0.10: RSS = 0.0036 + 0.0169 + 0.0324 + 0.0441 + 0.01
    // = 0.107, s² = 0.107/3, SE(β) = √(0.107/30) = 0.059721576…, SE(α) = √(s²(1/5 + 9/10))
    // = √(0.107/3 · 1.1) = 0.198074060…; TSS = 39.708, R² = 1 − 0.107/39.708.
    const fit = olsFit(
      x.map((v) => [v]),
      y,
    );
    rel(fit.coefficients[1]?.estimate, 1.99, 1e-14);
    rel(fit.coefficients[0]?.estimate, 0.05, 1e-13);
    rel(fit.coefficients[1]?.standardError, Math.sqrt(0.107 / 30), 1e-12);
    rel(fit.coefficients[0]?.standardError, Math.sqrt((0.107 / 3) * 1.1), 1e-12);
    rel(fit.rSquared, 1 - 0.107 / 39.708, 1e-13);
    expect(fit.n).toBe(5);
    expect(fit.residualDf).toBe(3);
  });

  it("olsFit with two regressors equals NumPy's lstsq, and its p-values SciPy's t", () => {
    // NumPy 2.4: A = [1, x1, x2]; b = lstsq(A, y); s² = r·r/3; se = √diag(s² (AᵀA)⁻¹);
    // SciPy 1.17: p = 2 t.sf(|t|, 3).
    const fit = olsFit(
      [
        [1, 3],
        [2, 1],
        [3, 4],
        [4, 1],
        [5, 5],
        [6, 2],
      ],
      [2.1, 3.9, 6.2, 7.8, 10.1, 11],
    );
    const want = [0.03357558139534527, 1.8311046511627906, 0.15283430232558207];
    const se = [0.33508459830063464, 0.07201542303964874, 0.08250403182086428];
    fit.coefficients.forEach((c, i) => {
      rel(c.estimate, want[i] as number, 1e-12);
      rel(c.standardError, se[i] as number, 1e-12);
    });
    rel(fit.coefficients[2]?.pValue, 0.16103283200283305, 1e-10);
    rel(fit.rSquared, 0.9955675526024363, 1e-14);
    expect(fit.residualDf).toBe(3);
  });

  it("olsFit gives no standard error without residual degrees of freedom", () => {
    const fit = olsFit([[1], [2]], [1, 3]);
    expect(fit.coefficients[1]?.estimate).toBeCloseTo(2, 12);
    expect(fit.coefficients[1]?.standardError).toBeNull();
    expect(fit.coefficients[1]?.t).toBeNull();
    expect(fit.adjustedRSquared).toBeNull();
  });

  it("fullRank tells independent columns from constant or collinear ones", () => {
    expect(fullRank([[1], [2], [3]])).toBe(true);
    expect(fullRank([[1], [1], [1]])).toBe(false);
    expect(
      fullRank([
        [1, 2],
        [2, 4],
        [3, 6],
      ]),
    ).toBe(false);
    expect(
      fullRank([
        [1, 2],
        [2, 1],
        [3, 5],
      ]),
    ).toBe(true);
  });
});
