import { describe, expect, it } from "vitest";
import { findMonotoneRoot } from "../../src/internal/monotoneRoot.js";

const options = {
  start: 0,
  step: 0.1,
  lower: -10,
  upper: 10,
  tolerance: 1e-6,
  xTolerance: 1e-12,
  maxEvaluations: 100,
};

describe("findMonotoneRoot", () => {
  it("finds the cube root of 2 from above, within the window", async () => {
    // x³ = 2 at x = 2^(1/3) = 1.2599210498948732; the window is [2, 2 + 1e-6].
    const root = await findMonotoneRoot((x) => x ** 3, 2, options);
    expect(root.converged).toBe(true);
    expect(root.fx).toBeGreaterThanOrEqual(2);
    expect(root.fx).toBeLessThanOrEqual(2 + 1e-6);
    expect(root.x).toBeCloseTo(1.2599210498948732, 6);
  });

  it("walks down when the start is above the target", async () => {
    // e^x = 0.5 at x = ln 0.5 = −0.6931471805599453.
    const root = await findMonotoneRoot(Math.exp, 0.5, { ...options, start: 3 });
    expect(root.converged).toBe(true);
    expect(root.x).toBeCloseTo(-Math.LN2, 5);
  });

  it("needs few evaluations on a nearly linear function (secant steps, then Illinois)", async () => {
    // log(1 + x) · 15 = log 2 at x = 2^(1/15) − 1 = 0.04729412282063;
    const f = (x: number) => 15 * Math.log1p(x);
    const root = await findMonotoneRoot(f, Math.log(2), { ...options, step: 0.01, lower: -0.9 });
    expect(root.x).toBeCloseTo(2 ** (1 / 15) - 1, 6);
    expect(root.evaluations).toBeLessThanOrEqual(8);
  });

  it("returns the upper end of the bracket of a step function, which meets the target", async () => {
    // A probability over 100 paths with common random numbers: the share of thresholds
    // k/100 (k = 1…100) at or below x; reaching 0.8 needs x ≥ 0.8, and no x gives 0.8 + 1e-6
    // without giving exactly 0.8.
    const f = (x: number) => Math.min(100, Math.max(0, Math.floor(x * 100 + 1e-9))) / 100;
    const root = await findMonotoneRoot(f, 0.805, {
      ...options,
      lower: 0,
      upper: 1,
      xTolerance: 1e-9,
    });
    expect(root.fx).toBeGreaterThanOrEqual(0.805);
    expect(root.x).toBeGreaterThanOrEqual(0.81 - 1e-9);
    expect(root.x).toBeLessThan(0.81 + 1e-6);
  });

  it("says when the target is out of reach within the domain, with the end nearest it", async () => {
    const root = await findMonotoneRoot((x) => x, 20, options);
    expect(root.bracketed).toBe(false);
    expect(root.converged).toBe(false);
    expect(root.x).toBe(10);
  });

  it("stops at the first point evaluated when it is already in the window", async () => {
    let calls = 0;
    const root = await findMonotoneRoot(
      (x) => {
        calls++;
        return x;
      },
      0,
      { ...options, tolerance: 0.1 },
    );
    expect(root.x).toBe(0);
    expect(calls).toBe(1);
  });

  it("awaits an asynchronous function", async () => {
    const root = await findMonotoneRoot(async (x) => 2 * x, 1, options);
    expect(root.x).toBeCloseTo(0.5, 6);
  });
});
