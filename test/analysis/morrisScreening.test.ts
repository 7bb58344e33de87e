import { describe, expect, it } from "vitest";
import { gFunction, ishigami } from "../../scripts/reference/sensitivityFunctions.js";
import { morrisScreening } from "../../src/analysis/morrisScreening.js";
import type { ParameterValues } from "../../src/analysis/sensitivityParameter.js";

describe("morrisScreening", () => {
  it("gives μ* = |c| · (max − min) and σ = 0 for a linear model", async () => {
    // f = 3a − 2b + 0.5c with a ∈ [0, 1], b ∈ [−5, 5], c ∈ [10, 30]: each step moves one input by
    // Δ of its range, so every elementary effect is c_i · (max − min): 3 · 1 = 3,
    // −2 · 10 = −20, 0.5 · 20 = 10, whatever the trajectory.
    const parameters = [
      { name: "a", min: 0, max: 1 },
      { name: "b", min: -5, max: 5 },
      { name: "c", min: 10, max: 30 },
    ];
    const fn = ({ a, b, c }: ParameterValues) => 3 * a! - 2 * b! + 0.5 * c!;
    for (const levels of [2, 4, 6]) {
      const result = await morrisScreening(fn, parameters, { seed: 7, levels, trajectories: 12 });
      const expected = [3, -20, 10];
      result.effects.forEach((e, i) => {
        expect(e.mu).toBeCloseTo(expected[i]!, 10);
        expect(e.muStar).toBeCloseTo(Math.abs(expected[i]!), 10);
        expect(e.sigma).toBeCloseTo(0, 10);
        expect(e.count).toBe(12);
      });
      expect(result.runs).toBe(12 * 4);
      expect(result.delta).toBe(levels / (2 * (levels - 1)));
    }
  });

  it("finds the Ishigami function's elementary effects on the grid of p = 4", async () => {
    // Levels of [−π, π] with p = 4: −π, −π/3, π/3, π; Δ = 4/6 = 2/3 of the range, so a step
    // goes −π ↔ π/3 or −π/3 ↔ π.
    // x2 enters as 7 sin² x2 only: sin²(−π) = sin²(π) = 0, sin²(±π/3) = 3/4, so every elementary
    //   effect is ±7 · (3/4) / (2/3) = ±7.875 and μ*(x2) = 7.875 exactly.
    // x1: sin(π/3) − sin(−π) = sin(π) − sin(−π/3) = √3/2 for an upward step, so
    //   EE = (√3/2)(1 + 0.1 x3⁴) / (2/3) with x3⁴ ∈ {π⁴, π⁴/81}: 13.953… or 1.4553… (x3 sets it:
    //   an interaction, hence σ(x1) > 0 although μ*(x1) = μ(x1)).
    // x3: x3⁴ changes by ±(80/81) π⁴, so EE = 0.1 sin(x1) · (±(80/81) π⁴) / (2/3) with
    //   sin(x1) ∈ {0, ±√3/2}: 0 or ±12.4976… (x1 sets it).
    const { fn, parameters } = ishigami();
    const result = await morrisScreening(fn, parameters, { seed: 3, trajectories: 40 });
    const [x1, x2, x3] = result.effects;
    const r3 = Math.sqrt(3) / 2;
    const pi4 = Math.PI ** 4;
    const x1Effects = [1 + 0.1 * pi4, 1 + (0.1 * pi4) / 81].map((m) => (r3 * m) / (2 / 3));
    const x3Effect = (0.1 * r3 * (80 / 81) * pi4) / (2 / 3);
    expect(x1Effects[0]).toBeCloseTo(13.953, 3);
    expect(x3Effect).toBeCloseTo(12.4976, 4);
    for (const ee of x1!.elementaryEffects)
      expect(x1Effects.some((v) => Math.abs(ee - v) < 1e-9)).toBe(true);
    for (const ee of x2!.elementaryEffects) expect(Math.abs(ee)).toBeCloseTo(7.875, 9);
    for (const ee of x3!.elementaryEffects)
      expect([0, x3Effect].some((v) => Math.abs(Math.abs(ee) - v) < 1e-9)).toBe(true);
    expect(x2!.muStar).toBeCloseTo(7.875, 9);
    expect(x1!.mu).toBeCloseTo(x1!.muStar, 12);
    // x1 and x3 act through their interaction: both effects vary from run to run.
    expect(x1!.sigma).toBeGreaterThan(3);
    expect(x3!.sigma).toBeGreaterThan(3);
    expect(Math.abs(x3!.mu)).toBeLessThan(x3!.muStar);
  });

  it("ranks the g-function's inputs by μ* as their total indices rank them", async () => {
    // a = [0, 1, 4.5, 9, 99, …]: ST ≈ 0.787, 0.242, 0.034, 0.011, 0.0001 (sobolIndices.test.ts).
    // Campolongo et al. (2007) §4: μ* is a proxy of ST. Between the levels of p = 4 (0 ↔ 2/3,
    // 1/3 ↔ 1) |4x − 2| changes by 4/3, so an elementary effect of input i is
    // ±(4/3) / (1 + a_i) / (2/3) times the product of the other factors: μ* of an a = 99 input is
    // (1 + 0) / (1 + 99) = 1/100 of x1's times the ratio of x1's factor (2 or 2/3) to x_i's
    // (1.01 or 0.997): the ratio of the μ* is near 1/100 and below about 2/100.
    const { fn, parameters } = gFunction();
    const result = await morrisScreening(fn, parameters, { seed: 1, trajectories: 30 });
    const muStar = result.effects.map((e) => e.muStar);
    for (let i = 0; i < 4; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]!);
    for (const m of muStar.slice(4)) expect(m / muStar[0]!).toBeLessThan(0.03);
  });

  it("gives the same result for the same seed and another for another seed", async () => {
    const { fn, parameters } = ishigami();
    const a = await morrisScreening(fn, parameters, { seed: 9 });
    expect(await morrisScreening(fn, parameters, { seed: 9 })).toEqual(a);
    expect(await morrisScreening(fn, parameters, { seed: 10 })).not.toEqual(a);
  });

  it("moves one parameter by Δ at each step of a trajectory, within its range", async () => {
    const calls: ParameterValues[] = [];
    const parameters = ["p", "q", "r", "s"].map((name) => ({ name, min: 0, max: 3 }));
    const record = (v: ParameterValues) => {
      calls.push(v);
      return 0;
    };
    await morrisScreening(record, parameters, {
      seed: 2,
      levels: 4,
      trajectories: 5,
    });
    expect(calls).toHaveLength(5 * 5);
    for (let t = 0; t < 5; t++) {
      const moved = new Set<string>();
      for (let m = 1; m <= 4; m++) {
        const [before, after] = [calls[t * 5 + m - 1]!, calls[t * 5 + m]!];
        const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
        expect(changed).toHaveLength(1);
        expect(Math.abs(after[changed[0]!]! - before[changed[0]!]!)).toBeCloseTo(2, 12); // 2/3 · 3
        moved.add(changed[0]!);
      }
      expect(moved.size).toBe(4);
    }
    // The grid of p = 4 on [0, 3]: 0, 1, 2, 3.
    for (const v of calls) for (const x of Object.values(v)) expect([0, 1, 2, 3]).toContain(x);
  });

  it("rejects an odd number of levels, one trajectory and a missing seed", async () => {
    const p = [{ name: "a", min: 0, max: 1 }];
    const f = ({ a }: ParameterValues) => a!;
    await expect(morrisScreening(f, p, { seed: 1, levels: 5 })).rejects.toThrow(
      "morrisScreening: options.levels must be an even integer from 2 to 1000 (got 5)",
    );
    await expect(morrisScreening(f, p, { seed: 1, trajectories: 1 })).rejects.toThrow(
      "morrisScreening: options.trajectories must be an integer from 2 to 100000 (got 1)",
    );
    await expect(morrisScreening(f, p, undefined as never)).rejects.toThrow(
      "morrisScreening: options.seed must be given: the seed, a safe integer (got nothing)",
    );
  });
});
