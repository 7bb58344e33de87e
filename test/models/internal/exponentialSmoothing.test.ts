import { describe, expect, it } from "vitest";
import {
  exponentialSmoothing,
  runSmoothing,
} from "../../../src/models/internal/exponentialSmoothing.js";

// Agreement with R's forecast::ets on real series is tested through holtModel and thetaModel
// (test/fixtures/reference/models.json); these tests pin the recursions and the search.
const noisy = [10, 12.1, 13.9, 16.2, 17.8, 20.3, 21.9, 24.2, 25.8, 28.1, 29.9, 32.2];
const sseOf = (errors: readonly number[]) => errors.reduce((sum, e) => sum + e * e, 0);

describe("runSmoothing", () => {
  it("runs the error-correction recursions (hand computation)", () => {
    // α 0.5, β 0.2, φ 1 from ℓ₀ = 1, b₀ = 1 on y = 1, 2, 4:
    // ŷ₁ = 2, e₁ = −1, ℓ₁ = 1.5, b₁ = 0.8; ŷ₂ = 2.3, e₂ = −0.3, ℓ₂ = 2.15, b₂ = 0.74;
    // ŷ₃ = 2.89, e₃ = 1.11, ℓ₃ = 3.445, b₃ = 0.962.
    const run = runSmoothing([1, 2, 4], 0.5, 0.2, 1, 1, 1);
    expect(run.errors.map((e) => Math.round(e * 1e12) / 1e12)).toEqual([-1, -0.3, 1.11]);
    expect(run.level).toBeCloseTo(3.445, 14);
    expect(run.trend).toBeCloseTo(0.962, 14);
  });

  it("damps the trend by φ at every step", () => {
    // φ 0.9, ℓ₀ = 0, b₀ = 1 on y = 1: ŷ₁ = 0.9, e₁ = 0.1, ℓ₁ = 0.95, b₁ = 0.9 + 0.1·0.1 = 0.91.
    const run = runSmoothing([1], 0.5, 0.1, 0.9, 0, 1);
    expect(run.errors[0]).toBeCloseTo(0.1, 14);
    expect(run.level).toBeCloseTo(0.95, 14);
    expect(run.trend).toBeCloseTo(0.91, 14);
  });
});

describe("exponentialSmoothing", () => {
  it("fits a constant series exactly with simple exponential smoothing", () => {
    const fit = exponentialSmoothing([5, 5, 5, 5, 5], { trend: false, damped: false });
    expect(fit.sse).toBeLessThan(1e-20);
    expect(fit.level).toBeCloseTo(5, 12);
    expect(fit.beta).toBe(0);
    expect(fit.phi).toBe(1);
    expect(fit.trend).toBe(0);
    expect(fit.parameterCount).toBe(2);
  });

  it("follows a noiseless line with Holt's method: the trend is its slope", () => {
    const line = [0, 1, 2, 3, 4, 5, 6, 7].map((t) => 3 * t + 7);
    const fit = exponentialSmoothing(line, { trend: true, damped: false });
    expect(fit.sse).toBeLessThan(1e-12);
    expect(fit.level).toBeCloseTo(28, 6);
    expect(fit.trend).toBeCloseTo(3, 6);
    expect(fit.parameterCount).toBe(4);
  });

  it("keeps the parameters inside R's ets bounds: α, β in [1e-4, 0.9999], β ≤ α, φ in [0.8, 0.98]", () => {
    for (const damped of [false, true]) {
      const fit = exponentialSmoothing(noisy, { trend: true, damped });
      expect(fit.alpha).toBeGreaterThanOrEqual(1e-4);
      expect(fit.alpha).toBeLessThanOrEqual(0.9999);
      expect(fit.beta).toBeGreaterThanOrEqual(1e-4);
      expect(fit.beta).toBeLessThanOrEqual(fit.alpha);
      if (damped) {
        expect(fit.phi).toBeGreaterThanOrEqual(0.8);
        expect(fit.phi).toBeLessThanOrEqual(0.98);
        expect(fit.parameterCount).toBe(5);
      } else expect(fit.phi).toBe(1);
    }
  });

  it("reports the SSE, level and trend of its own parameters and initial states", () => {
    const fit = exponentialSmoothing(noisy, { trend: true, damped: true });
    const run = runSmoothing(
      noisy,
      fit.alpha,
      fit.beta,
      fit.phi,
      fit.initialLevel,
      fit.initialTrend,
    );
    expect(fit.sse).toBe(sseOf(run.errors));
    expect(fit.level).toBeCloseTo(run.level, 9);
    expect(fit.trend).toBeCloseTo(run.trend, 9);
  });

  it("finds an SSE no other admissible (α, β) reaches from the same initial states", () => {
    const fit = exponentialSmoothing(noisy, { trend: true, damped: false });
    for (const alpha of [0.05, 0.2, 0.4, 0.6, 0.8, 0.9999])
      for (const share of [0.01, 0.25, 0.5, 1]) {
        const beta = Math.max(1e-4, share * alpha);
        const run = runSmoothing(noisy, alpha, beta, 1, fit.initialLevel, fit.initialTrend);
        expect(sseOf(run.errors)).toBeGreaterThanOrEqual(fit.sse * (1 - 1e-9));
      }
  });
});
