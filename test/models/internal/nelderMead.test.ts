import { describe, expect, it } from "vitest";
import { nelderMead } from "../../../src/models/internal/nelderMead.js";

describe("nelderMead", () => {
  it("finds the minimum of Rosenbrock's function at (1, 1)", () => {
    const rosenbrock = (x: readonly number[]) =>
      100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1], {
      steps: [0.1, 0.1],
      fTolerance: 1e-14,
      maxIterations: 5000,
    });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.value).toBeLessThan(1e-8);
  });

  it("respects a region given by Infinity outside it", () => {
    // Minimum of (x − 2)² on x ≤ 1 is at the wall x = 1.
    const f = (x: readonly number[]) =>
      (x[0] as number) > 1 ? Number.POSITIVE_INFINITY : ((x[0] as number) - 2) ** 2;
    const r = nelderMead(f, [0], { steps: [0.1], fTolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 5);
  });

  it("is deterministic", () => {
    const f = (x: readonly number[]) =>
      Math.sin(3 * (x[0] as number)) + ((x[1] as number) - 0.3) ** 2;
    expect(nelderMead(f, [0.2, 0.1], { steps: [0.1, 0.1] })).toEqual(
      nelderMead(f, [0.2, 0.1], { steps: [0.1, 0.1] }),
    );
  });
});
