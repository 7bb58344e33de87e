import { describe, expect, it } from "vitest";
import { segmentedLine } from "../../../src/models/internal/segmentedLine.js";

describe("segmentedLine", () => {
  it("matches R's lm(y ~ 0 + segment + t) slope for two segments", () => {
    // R: lm(c(1, 2.1, 2.9, 10, 11.2, 11.9) ~ 0 + factor(c(1,1,1,2,2,2)) + c(1:6)) slope 0.95 (R 4.2.2).
    const line = segmentedLine([1, 2, 3, 4, 5, 6], [1, 2.1, 2.9, 10, 11.2, 11.9], [4]);
    expect(line.slope).toBeCloseTo(0.95, 12);
    expect(line.df).toBe(3);
  });
});

describe("segmentedLine with weights", () => {
  it("matches R's weighted lm: lm(y ~ t, weights = w) slope and residual sigma", () => {
    // y = (1, 3, 2, 5), t = 1…4, w = 1…4. NumPy 2.4, weighted normal equations
    // np.linalg.solve(X.T @ W @ X, X.T @ W @ y): slope 1.2; Σ w r² / (n − 2) = 3.85, which is
    // summary(lm(y ~ t, weights = w))$sigma^2 (by hand: t̄_w = 3, ȳ_w = 3.3, Sxx = 10, Sxy = 12).
    const line = segmentedLine([1, 2, 3, 4], [1, 3, 2, 5], [], [1, 2, 3, 4]);
    expect(line.slope).toBeCloseTo(1.2, 12);
    expect(line.sigma2).toBeCloseTo(3.85, 12);
  });

  it("sets the slope to 0 when no segment has two points", () => {
    const line = segmentedLine([2019, 2020], [1, 5], [2020]);
    expect(line.slopeDefined).toBe(false);
    expect(line.slope).toBe(0);
    expect(line.sigma2).toBeUndefined();
  });
});
