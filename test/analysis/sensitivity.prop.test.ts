import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { morrisScreening } from "../../src/analysis/morrisScreening.js";
import { oneAtATime } from "../../src/analysis/oneAtATime.js";
import type {
  ParameterValues,
  SensitivityParameter,
} from "../../src/analysis/sensitivityParameter.js";
import { sobolIndices } from "../../src/analysis/sobolIndices.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

/** Ranges of moderate size anywhere on [−50, 50]. */
const range = fc
  .record({
    min: fc.double({ min: -50, max: 50, noNaN: true }),
    width: fc.double({ min: 0.1, max: 20, noNaN: true }),
  })
  .map(({ min, width }) => ({ min, max: min + width }));

const parametersOf = (ranges: { min: number; max: number }[]): SensitivityParameter[] =>
  ranges.map((r, i) => ({ name: `p${i}`, ...r }));

/** A coefficient away from 0. */
const coefficient = fc
  .tuple(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.boolean())
  .map(([c, negative]) => (negative ? -c : c));

describe("sensitivity analyses, as properties", () => {
  it("a model of one parameter: that one has S1 ≈ ST ≈ 1, every other exactly 0", async () => {
    // For a parameter the model ignores, f(A_B^i) = f(A) row by row, so both estimators' sums
    // are exactly 0.
    const shapes = [
      (x: number) => x,
      (x: number) => x * x,
      (x: number) => Math.sin(x),
      (x: number) => Math.exp(x / 20),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(range, { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.integer({ min: 0, max: shapes.length - 1 }),
        fc.integer({ min: -1000, max: 1000 }),
        async (ranges, pick, shape, seed) => {
          const parameters = parametersOf(ranges);
          const which = pick % parameters.length;
          const name = parameters[which]!.name;
          const f = (v: ParameterValues) => shapes[shape]!(v[name]!);
          const result = await sobolIndices(f, parameters, { seed, samples: 512, bootstrap: 0 });
          result.indices.forEach((index, i) => {
            if (i === which) {
              expect(Math.abs(index.s1! - 1)).toBeLessThan(0.05);
              expect(Math.abs(index.st! - 1)).toBeLessThan(0.05);
            } else {
              expect(index.s1).toBe(0);
              expect(index.st).toBe(0);
            }
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it("a linear model: S1 and ST near c_i² w_i² / Σ c_j² w_j², μ* = |c_i| w_i, swing = |c_i| w_i", async () => {
    // X_i ~ U(min_i, min_i + w_i) has variance w_i²/12, so Var(Σ c_i X_i) = Σ c_i² w_i² / 12 and
    // each input's share is c_i² w_i² / Σ c_j² w_j², alone and in total (no interaction).
    // Morris: every elementary effect is c_i · w_i (Δ of the range times c_i, divided by Δ).
    // One at a time: the output moves by c_i · w_i from min to max.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(range, coefficient), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        async (terms, seed) => {
          const parameters = parametersOf(terms.map(([r]) => r));
          const c = terms.map(([, ci]) => ci);
          const f = (v: ParameterValues) =>
            parameters.reduce((s, p, i) => s + c[i]! * v[p.name]!, 0);
          const weight = parameters.map((p, i) => (c[i]! * (p.max - p.min)) ** 2);
          const total = weight.reduce((s, w) => s + w, 0);
          const sobol = await sobolIndices(f, parameters, { seed, samples: 512, bootstrap: 0 });
          sobol.indices.forEach((index, i) => {
            expect(Math.abs(index.s1! - weight[i]! / total)).toBeLessThan(0.03);
            expect(Math.abs(index.st! - weight[i]! / total)).toBeLessThan(0.03);
          });
          const morris = await morrisScreening(f, parameters, { seed, trajectories: 3 });
          const oat = await oneAtATime(f, parameters, { steps: 1 });
          parameters.forEach((p, i) => {
            const effect = Math.abs(c[i]!) * (p.max - p.min);
            expect(morris.effects[i]!.muStar).toBeCloseTo(effect, 6);
            expect(oat.effects.find((e) => e.name === p.name)!.swing).toBeCloseTo(effect, 6);
          });
          const swings = oat.effects.map((e) => e.swing);
          expect(swings).toEqual([...swings].sort((a, b) => b - a));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("returns or throws its own errors, whatever a JavaScript caller passes", async () => {
    const anyValue = fc.oneof(
      fc.anything(),
      fc.constantFrom(0, -1, 1.5, 1000, Number.NaN, Number.POSITIVE_INFINITY, "8", null, undefined),
    );
    const goodParameters = [
      { name: "a", min: 0, max: 1 },
      { name: "b", min: -1, max: 1 },
    ];
    const parameters = fc.oneof(
      fc.constant(goodParameters),
      fc
        .tuple(fc.constantFrom("name", "min", "max", "dist"), anyValue)
        .map(([key, v]) => [{ ...goodParameters[0], [key]: v }]),
      fc.constant([goodParameters[0], goodParameters[0]]),
      anyValue,
    );
    const models = fc.constantFrom<unknown>(
      (v: ParameterValues) => v.a! + v.b!,
      async (v: ParameterValues) => v.a! * v.b!,
      () => Number.NaN,
      () => "1",
      () => undefined,
      () => Promise.resolve(Number.POSITIVE_INFINITY),
      undefined,
      "fn",
    );
    const base = { seed: 1, samples: 4, trajectories: 2, bootstrap: 3 };
    const options = fc.oneof(
      fc.constant(base),
      fc
        .tuple(
          fc.constantFrom(
            "seed",
            "samples",
            "trajectories",
            "levels",
            "bootstrap",
            "confidence",
            "scramble",
            "concurrency",
            "base",
            "steps",
            "sead",
          ),
          anyValue,
        )
        .map(([key, v]) => ({ ...base, [key]: v })),
      anyValue,
    );
    const functions = [
      ["oneAtATime", oneAtATime, ["base", "steps", "concurrency"]],
      ["morrisScreening", morrisScreening, ["seed", "trajectories", "levels", "concurrency"]],
      [
        "sobolIndices",
        sobolIndices,
        ["seed", "samples", "bootstrap", "confidence", "scramble", "concurrency"],
      ],
    ] as const;
    await fc.assert(
      fc.asyncProperty(models, parameters, options, async (m, p, o) => {
        for (const [name, f, known] of functions) {
          // Keep only the options the function knows, plus the misspelt one, so calls can succeed.
          const opts =
            typeof o === "object" && o !== null && !Array.isArray(o)
              ? Object.fromEntries(
                  Object.entries(o).filter(
                    ([k]) => k === "sead" || (known as readonly string[]).includes(k),
                  ),
                )
              : o;
          try {
            await (f as (...a: unknown[]) => Promise<unknown>)(m, p, opts);
          } catch (e) {
            expect(
              e instanceof ArgumentTypeError || e instanceof ArgumentRangeError,
              String(e),
            ).toBe(true);
            const error = e as ArgumentTypeError;
            expect(error.message.startsWith(`${name}: `), error.message).toBe(true);
            expect(["fn", "parameters", "options"]).toContain(/^[^.[]*/.exec(error.path)?.[0]);
            expect(error.message).toContain(error.path);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
