import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOGIT_BOUNDS,
  fromScale,
  inverseLogit,
  toScale,
} from "../../src/models/modelScale.js";

describe("inverseLogit", () => {
  it("inverseLogit is the logistic function 1 / (1 + e^−y)", () => {
    for (const y of [-30, -5, -1, -0.25, 0, 0.25, 1, 5, 30])
      expect(inverseLogit(y)).toBeCloseTo(1 / (1 + Math.exp(-y)), 15);
    expect(inverseLogit(0)).toBe(0.5);
  });

  it("inverseLogit is symmetric: inverseLogit(−y) = 1 − inverseLogit(y)", () => {
    for (const y of [0.1, 1, 3, 10]) expect(inverseLogit(-y)).toBeCloseTo(1 - inverseLogit(y), 15);
  });

  it("inverseLogit stays finite and inside [0, 1] for large |y|", () => {
    for (const y of [-1e308, -800, -710, 710, 800, 1e308]) {
      const p = inverseLogit(y);
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(inverseLogit(-800)).toBe(0);
    expect(inverseLogit(800)).toBe(1);
    // e^−745 is the smallest subnormal: the e^y / (1 + e^y) branch keeps it, relative error 0.
    expect(inverseLogit(-745)).toBe(Math.exp(-745));
  });
});

describe("toScale and fromScale", () => {
  it("toScale defaults logit bounds to a percentage [0, 100]", () => {
    expect(DEFAULT_LOGIT_BOUNDS).toEqual([0, 100]);
    expect(toScale(75, "logit")).toBeCloseTo(Math.log(3), 15);
    expect(toScale(0.75, "logit", [0, 1])).toBeCloseTo(Math.log(3), 15);
  });

  it("fromScale inverts toScale on every scale", () => {
    const bounds: readonly [number, number] = [-20, 180];
    for (const value of [-19.5, -1, 0.5, 50, 179.9]) {
      const y = toScale(value, "logit", bounds);
      expect(fromScale(y, "logit", bounds)).toBeCloseTo(value, 10);
    }
    for (const value of [1e-6, 0.5, 3394, 1e9]) {
      expect(fromScale(toScale(value, "log"), "log") / value).toBeCloseTo(1, 14);
      expect(fromScale(toScale(-value, "linear"), "linear")).toBe(-value);
    }
  });

  it("fromScale never leaves the logit bounds, however far the scaled value", () => {
    for (const y of [-1e6, -50, 50, 1e6]) {
      const v = fromScale(y, "logit", [10, 20]);
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(20);
    }
  });

  it("toScale refuses values outside the scale's domain, showing the value", () => {
    expect(() => toScale(0, "log")).toThrow("toScale: log scale needs a positive value (got 0)");
    expect(() => toScale(100, "logit")).toThrow(
      "toScale: logit scale needs a value inside (0, 100) (got 100)",
    );
    expect(() => toScale(-3, "logit", [-3, 3])).toThrow(
      "toScale: logit scale needs a value inside (-3, 3) (got -3)",
    );
  });
});
