import { describe, expect, it } from "vitest";
import { disparity } from "../../src/assessment/disparity.js";

describe("disparity", () => {
  it("disparity matches a NumPy computation of the weighted measures", () => {
    // Made-up per-capita GDP (yuan) and populations (10k); expected values from NumPy:
    //   y=np.array([51244.,42772.,20000.,65000.]); w=np.array([99.6,40.5,118.98,19.3]); p=w/w.sum()
    //   m=(p*y).sum(); y.std()/y.mean(); np.sqrt((p*(y-m)**2).sum())/m
    //   s=p*y/m; (s*np.log(y/m)).sum(); (p[:,None]*p[None,:]*abs(y[:,None]-y[None,:])).sum()/(2*m)
    const d = disparity([51244, 42772, 20000, 65000], [99.6, 40.5, 118.98, 19.3]);
    expect(d.n).toBe(4);
    expect(d.mean).toBeCloseTo(37611.42467131259, 8);
    expect(d.cv).toBeCloseTo(0.3652312863122816, 13);
    expect(d.weightedCv).toBeCloseTo(0.4245193749143038, 13);
    expect(d.theil).toBeCloseTo(0.0940502059440706, 13);
    expect(d.gini).toBeCloseTo(0.22688723306383335, 13);
    expect(d.maxMinRatio).toBe(3.25);
  });

  it("disparity of equal values is zero on every measure", () => {
    const d = disparity([5, 5, 5], [1, 2, 3]);
    expect([d.cv, d.weightedCv, d.theil, d.gini]).toEqual([0, 0, 0, 0]);
    expect(d.maxMinRatio).toBe(1);
  });

  it("disparity of two equally weighted values 1 and 3 has Gini 0.25 (the @example)", () => {
    // mean 2; Σ pᵢpⱼ|yᵢ−yⱼ| = 2 · ¼ · 2 = 1; 1 / (2·2) = 0.25
    expect(disparity([1, 3]).gini).toBe(0.25);
  });

  it("disparity rejects too few places, bad values and bad weights with clear messages", () => {
    expect(() => disparity([1])).toThrow("disparity: needs at least 2 places (got 1)");
    expect(() => disparity([1, 2, 0])).toThrow(
      "disparity: values must be positive finite numbers (got 0 at index 2)",
    );
    expect(() => disparity([1, 2, 3], [1, 2])).toThrow(
      "disparity: values and weights differ in length (3 values, 2 weights)",
    );
    expect(() => disparity([1, 2], [0, 0])).toThrow(
      "disparity: weights must be non-negative finite numbers, not all zero",
    );
  });
});
