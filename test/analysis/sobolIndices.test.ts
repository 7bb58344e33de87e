import { describe, expect, it } from "vitest";
import { gFunction, ishigami } from "../../scripts/reference/sensitivityFunctions.js";
import type { ParameterValues } from "../../src/analysis/sensitivityParameter.js";
import { sobolIndices } from "../../src/analysis/sobolIndices.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

const s1Of = (r: Awaited<ReturnType<typeof sobolIndices>>) => r.indices.map((i) => i.s1!);
const stOf = (r: Awaited<ReturnType<typeof sobolIndices>>) => r.indices.map((i) => i.st!);
const maxError = (a: readonly number[], b: readonly number[]) =>
  Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

describe("sobolIndices", () => {
  it("the analytic Ishigami indices are the published ones", () => {
    // Saltelli et al. 2008, The Primer, and SALib's documentation of the Ishigami test:
    // S1 = 0.314, 0.442, 0.000; ST = 0.558, 0.442, 0.244 (a = 7, b = 0.1).
    const { s1, st } = ishigami();
    expect(maxError(s1, [0.314, 0.442, 0])).toBeLessThan(5e-4);
    expect(maxError(st, [0.558, 0.442, 0.244])).toBeLessThan(5e-4);
  });

  it("estimates the Ishigami indices within 0.02 with N = 4096, for several seeds", async () => {
    const { fn, parameters, s1, st } = ishigami();
    for (const seed of [1, 2, 3]) {
      const result = await sobolIndices(fn, parameters, { seed, samples: 4096, bootstrap: 0 });
      expect(maxError(s1Of(result), s1)).toBeLessThan(0.02);
      expect(maxError(stOf(result), st)).toBeLessThan(0.02);
      expect(result.runs).toBe(4096 * (3 + 2));
    }
  });

  it("estimates the Ishigami indices within 0.03 with N = 1024, scrambled or not", async () => {
    const { fn, parameters, s1, st } = ishigami();
    for (const scramble of [true, false]) {
      const result = await sobolIndices(fn, parameters, { seed: 1, samples: 1024, scramble });
      expect(maxError(s1Of(result), s1)).toBeLessThan(0.03);
      expect(maxError(stOf(result), st)).toBeLessThan(0.03);
    }
  });

  it("estimates the g-function's indices within 0.02 with N = 1024", async () => {
    // a = [0, 1, 4.5, 9, 99, 99, 99, 99]: by the formula of gFunction, S1 ≈ 0.716, 0.179,
    // 0.0237, 0.0072, 0.0001 × 4 and ST ≈ 0.787, 0.242, 0.0343, 0.0105, 0.0001 × 4.
    const { fn, parameters, s1, st } = gFunction();
    expect(s1[0]).toBeCloseTo(0.716, 3);
    expect(st[0]).toBeCloseTo(0.787, 3);
    const result = await sobolIndices(fn, parameters, { seed: 1, samples: 1024 });
    expect(maxError(s1Of(result), s1)).toBeLessThan(0.02);
    expect(maxError(stOf(result), st)).toBeLessThan(0.02);
    // The four a = 99 factors are each estimated below 0.01.
    for (const i of [4, 5, 6, 7]) expect(Math.abs(result.indices[i]!.st!)).toBeLessThan(0.01);
  });

  it("gives confidence intervals that narrow about as 1/√N", async () => {
    const { fn, parameters } = ishigami();
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const width = async (samples: number) => {
      const r = await sobolIndices(fn, parameters, { seed: 3, samples });
      return mean(r.indices.flatMap((i) => [i.s1Conf!, i.stConf!]));
    };
    const ratio = (await width(1024)) / (await width(4096));
    expect(ratio).toBeGreaterThan(1.5); // √4 = 2
    expect(ratio).toBeLessThan(2.7);
  });

  it("gives the same result for the same seed and another for another seed", async () => {
    const { fn, parameters } = ishigami();
    const options = { seed: 42, samples: 256, bootstrap: 50 };
    const a = await sobolIndices(fn, parameters, options);
    expect(await sobolIndices(fn, parameters, options)).toEqual(a);
    expect(await sobolIndices(fn, parameters, { ...options, seed: 43 })).not.toEqual(a);
  });

  it("runs the design row by row as A, A_B^1 … A_B^k, B", async () => {
    const calls: ParameterValues[] = [];
    const parameters = ["p", "q", "r"].map((name) => ({ name, min: -1, max: 1 }));
    const record = (v: ParameterValues) => {
      calls.push(v);
      return v.p! + v.q! * v.r!;
    };
    await sobolIndices(record, parameters, {
      seed: 1,
      samples: 4,
    });
    expect(calls).toHaveLength(4 * 5);
    for (let row = 0; row < 4; row++) {
      const [a, ab1, ab2, ab3, b] = calls.slice(row * 5, row * 5 + 5) as ParameterValues[];
      expect(ab1).toEqual({ p: b!.p, q: a!.q, r: a!.r });
      expect(ab2).toEqual({ p: a!.p, q: b!.q, r: a!.r });
      expect(ab3).toEqual({ p: a!.p, q: a!.q, r: b!.r });
    }
  });

  it("gives the same result for a model that returns promises, with bounded concurrency", async () => {
    const { fn, parameters } = ishigami();
    let pending = 0;
    let most = 0;
    const slow = async (v: ParameterValues) => {
      pending++;
      most = Math.max(most, pending);
      await new Promise((resolve) => setTimeout(resolve, 0));
      pending--;
      return fn(v);
    };
    const options = { seed: 5, samples: 32, bootstrap: 20 };
    const sync = await sobolIndices(fn, parameters, options);
    expect(await sobolIndices(slow, parameters, { ...options, concurrency: 3 })).toEqual(sync);
    expect(most).toBe(3);
  });

  it("gives null indices and intervals when the output does not vary", async () => {
    const r = await sobolIndices(() => 5, [{ name: "a", min: 0, max: 1 }], { seed: 1, samples: 8 });
    expect(r.variance).toBe(0);
    expect(r.mean).toBe(5);
    expect(r.indices[0]).toEqual({ name: "a", s1: null, s1Conf: null, st: null, stConf: null });
  });

  it("rejects a sample size that is not a power of 2, naming the nearest ones", async () => {
    const p = [{ name: "a", min: 0, max: 1 }];
    await expect(sobolIndices(({ a }) => a!, p, { seed: 1, samples: 1000 })).rejects.toThrow(
      "sobolIndices: options.samples must be a power of 2 from 2 to 2^20 (e.g. 512, 1024, 4096); the nearest are 512 and 1024 (got 1000)",
    );
    await expect(sobolIndices(({ a }) => a!, p, { seed: 1, samples: 1 })).rejects.toThrow(
      ArgumentRangeError,
    );
  });

  it("rejects a missing seed, a bad confidence and an unknown option", async () => {
    const p = [{ name: "a", min: 0, max: 1 }];
    const f = ({ a }: ParameterValues) => a!;
    await expect(sobolIndices(f, p, {} as never)).rejects.toThrow(
      "sobolIndices: options.seed must be given: the seed, a safe integer (got nothing)",
    );
    await expect(sobolIndices(f, p, { seed: 1, confidence: 95 })).rejects.toThrow(
      "sobolIndices: options.confidence must be a fraction in (0, 1), e.g. 0.95 (got 95)",
    );
    await expect(sobolIndices(f, p, { seed: 1, sample: 8 } as never)).rejects.toThrow(
      /^sobolIndices: options\.sample is not an option; did you mean samples\?/,
    );
  });

  it("names the parameter values of a run whose output is not a finite number", async () => {
    const p = [{ name: "a", min: 0, max: 1 }];
    const nan = sobolIndices(({ a }) => (a! > 0.5 ? Number.NaN : a!), p, { seed: 1, samples: 8 });
    await expect(nan).rejects.toThrow(ArgumentRangeError);
    await expect(nan).rejects.toThrow(
      /^sobolIndices: fn must return a finite number \(got NaN at \{ "a": 0\.[5-9]\d*/,
    );
    const text = sobolIndices((() => "1") as never, p, { seed: 1, samples: 8 });
    await expect(text).rejects.toThrow(ArgumentTypeError);
    await expect(text).rejects.toThrow(/got the string "1" at \{ "a": [\d.]+ \}, run 1 of 24\)$/);
  });

  it("passes on an error the model throws or rejects with", async () => {
    const p = [{ name: "a", min: 0, max: 1 }];
    const boom = new Error("model failed");
    await expect(
      sobolIndices(
        () => {
          throw boom;
        },
        p,
        { seed: 1, samples: 8 },
      ),
    ).rejects.toBe(boom);
    await expect(sobolIndices(() => Promise.reject(boom), p, { seed: 1, samples: 8 })).rejects.toBe(
      boom,
    );
  });

  it("rejects more parameters than the embedded direction numbers allow", async () => {
    const p = Array.from({ length: 129 }, (_, i) => ({ name: `p${i}`, min: 0, max: 1 }));
    await expect(sobolIndices(() => 1, p, { seed: 1, samples: 2 })).rejects.toThrow(
      "sobolIndices: parameters must be at most 128 (got 129)",
    );
  });
});
