import { describe, expect, it } from "vitest";
import { fitLineTrend, forecastLineTrend } from "../../../src/models/internal/lineTrend.js";

// Expected numbers: NumPy 2.4 least squares (np.linalg.lstsq) and SciPy 1.17
// (stats.t.ppf(0.975, 2) = 4.302652729749462), the prediction interval of a new observation
// ŷ ± t·σ·√(1 + x₀ᵀ(XᵀX)⁻¹x₀) as R's predict.lm(interval = "prediction") defines it.
const years = [2018, 2019, 2020, 2021];
const y = [1, 3, 2, 4];

describe("fitLineTrend", () => {
  it("stores the slope, the line at the last year and the residual spread", () => {
    // t̄ = 2019.5, ȳ = 2.5, Sxx = 5, Sxy = 4: slope 0.8, line at 2021 = 2.5 + 0.8·1.5 = 3.7;
    // residuals −0.3, 0.9, −0.9, 0.3: SSE 1.8, df 2, σ² 0.9.
    const { params, notes } = fitLineTrend(years, y, []);
    expect(params.slope).toBeCloseTo(0.8, 14);
    expect(params.level).toBeCloseTo(3.7, 14);
    expect(params.sigma).toBeCloseTo(Math.sqrt(0.9), 14);
    expect(params.df).toBe(2);
    expect(params.sxx).toBeCloseTo(5, 14);
    expect(params.lastSegmentWeight).toBe(4);
    expect(params.lastSegmentMeanOffset).toBeCloseTo(-1.5, 14);
    expect(params.points).toBe(4);
    expect(notes).toEqual([]);
  });

  it("gives each segment its own intercept and says so", () => {
    // The same points with the last two raised by 10 after a break at 2020: same slope
    // within segments (2 and 2: slope 2), the level follows the last segment.
    const { params, notes } = fitLineTrend(years, [1, 3, 12, 14], [2020]);
    expect(params.slope).toBeCloseTo(2, 14);
    expect(params.level).toBeCloseTo(14, 14);
    expect(params.df).toBe(1);
    expect(params.lastSegmentWeight).toBe(2);
    expect(params.lastSegmentMeanOffset).toBeCloseTo(-0.5, 14);
    expect(notes.join(" ")).toContain("one intercept per segment (breaks at 2020)");
  });

  it("has no spread without residual degrees of freedom and no slope without two points in a segment", () => {
    const two = fitLineTrend([2020, 2021], [1, 2], []);
    expect(two.params.sigma).toBeNull();
    expect(two.notes).toContain("no residual degrees of freedom: no interval");
    const split = fitLineTrend([2020, 2021], [1, 2], [2021]);
    expect(split.params.slope).toBe(0);
    expect(split.params.sxx).toBeNull();
    expect(split.notes).toContain("no segment has two points: slope set to 0");
  });
});

describe("forecastLineTrend", () => {
  it("continues the line with the t-based prediction interval of a new observation", () => {
    const { params } = fitLineTrend(years, y, []);
    const forecast = forecastLineTrend(params, 2);
    expect(forecast.mean[0]).toBeCloseTo(4.5, 14);
    expect(forecast.mean[1]).toBeCloseTo(5.3, 14);
    // se₁² = 0.9·(1 + 1/4 + (1 + 1.5)²/5) = 2.25.
    expect(forecast.se?.[0]).toBeCloseTo(1.5, 14);
    const interval = forecast.interval?.(0.95);
    expect(interval?.upper[0]).toBeCloseTo(10.953979094624195, 9);
    expect(interval?.lower[0]).toBeCloseTo(4.5 - (10.953979094624195 - 4.5), 9);
  });

  it("gives only the mean when the fit has no spread", () => {
    const { params } = fitLineTrend([2020, 2021], [1, 2], []);
    const forecast = forecastLineTrend(params, 3);
    expect(forecast.mean).toEqual([3, 4, 5]);
    expect(forecast.se).toBeUndefined();
    expect(forecast.interval).toBeUndefined();
  });
});
