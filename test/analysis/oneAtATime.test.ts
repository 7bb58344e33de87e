import { describe, expect, it } from "vitest";
import { oneAtATime } from "../../src/analysis/oneAtATime.js";
import type { ParameterValues } from "../../src/analysis/sensitivityParameter.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

const parameters = [
  { name: "a", min: 0, max: 1 },
  { name: "b", min: -5, max: 5 },
  { name: "c", min: 10, max: 30 },
];
// f = 3a − 2b + 0.5c; mid-range base a = 0.5, b = 0, c = 20: f = 1.5 − 0 + 10 = 11.5.
const linear = ({ a, b, c }: ParameterValues) => 3 * a! - 2 * b! + 0.5 * c!;

describe("oneAtATime", () => {
  it("gives a linear model's swings |c_i| · (max − min), largest first", async () => {
    const result = await oneAtATime(linear, parameters);
    expect(result.baseOutput).toBe(11.5);
    expect(result.base).toEqual({ a: 0.5, b: 0, c: 20 });
    // b: f(b = −5) = 1.5 + 10 + 10 = 21.5, f(b = 5) = 1.5 − 10 + 10 = 1.5, swing 20;
    // c: f(c = 10) = 1.5 + 5 = 6.5, f(c = 30) = 1.5 + 15 = 16.5, swing 10;
    // a: f(a = 0) = 10, f(a = 1) = 13, swing 3.
    expect(result.effects.map((e) => [e.name, e.atMin, e.atMax, e.low, e.high, e.swing])).toEqual([
      ["b", 21.5, 1.5, 1.5, 21.5, 20],
      ["c", 6.5, 16.5, 6.5, 16.5, 10],
      ["a", 10, 13, 10, 13, 3],
    ]);
    // steps = 4 by default: b at −5, −2.5, 0, 2.5, 5.
    expect(result.effects[0]!.points.map((p) => p.value)).toEqual([-5, -2.5, 0, 2.5, 5]);
    expect(result.runs).toBe(1 + 3 * 5);
  });

  it("keeps the others at the given base and finds the extremes of a non-monotone response", async () => {
    // f = (a − 0.5)² + b with a base b = 2: a's sweep 0, 0.5, 1 gives 2.25, 2, 2.25.
    const result = await oneAtATime(({ a, b }) => (a! - 0.5) ** 2 + b!, parameters.slice(0, 2), {
      base: { b: 2 },
      steps: 2,
    });
    const a = result.effects.find((e) => e.name === "a")!;
    expect([a.atMin, a.atMax, a.low, a.high, a.swing]).toEqual([2.25, 2.25, 2, 2.25, 0.25]);
    expect(result.base).toEqual({ a: 0.5, b: 2 });
    expect(result.runs).toBe(1 + 2 * 3);
  });

  it("keeps the parameters' order among equal swings", async () => {
    const result = await oneAtATime(
      ({ a, b }) => a! + b!,
      [
        { name: "b", min: 0, max: 1 },
        { name: "a", min: 0, max: 1 },
      ],
    );
    expect(result.effects.map((e) => e.name)).toEqual(["b", "a"]);
  });

  it("rejects a base for an unknown parameter, naming the nearest", async () => {
    await expect(oneAtATime(linear, parameters, { base: { d: 1 } })).rejects.toThrow(
      'oneAtATime: options.base.d must name a parameter; did you mean "a"? (got "d", not among "a", "b", "c")',
    );
  });

  it("rejects parameters that are empty, repeated, inverted or not finite", async () => {
    const check = (p: unknown) => oneAtATime(linear, p as never);
    await expect(check([])).rejects.toThrow(
      "oneAtATime: parameters must be a non-empty array of { name, min, max } (got an empty array)",
    );
    await expect(
      check([
        { name: "a", min: 0, max: 1 },
        { name: "a", min: 0, max: 2 },
      ]),
    ).rejects.toThrow(
      'oneAtATime: parameters[1].name must be unique (got "a", the name of parameters[0], again)',
    );
    await expect(check([{ name: "a", min: 1, max: 1 }])).rejects.toThrow(
      "oneAtATime: parameters[0].max must be a finite number above min (1) (got 1)",
    );
    await expect(check([{ name: "a", min: 0, max: Number.POSITIVE_INFINITY }])).rejects.toThrow(
      ArgumentRangeError,
    );
    await expect(check([{ name: "a", min: "0", max: 1 }])).rejects.toThrow(
      'oneAtATime: parameters[0].min must be a finite number (got the string "0")',
    );
    await expect(check([{ name: "a", min: 0, max: 1, dist: "normal" }])).rejects.toThrow(
      /^oneAtATime: parameters\[0\]\.dist is not an option/,
    );
  });

  it("rejects a model that is not a function", async () => {
    await expect(oneAtATime(undefined as never, parameters)).rejects.toThrow(ArgumentTypeError);
    await expect(oneAtATime("x" as never, parameters)).rejects.toThrow(
      `oneAtATime: fn must be a function of the parameters' values returning a number (got the string "x")`,
    );
  });

  it("does not change its inputs", async () => {
    const params = structuredClone(parameters);
    const base = { a: 0.2 };
    await oneAtATime(linear, params, { base });
    expect(params).toEqual(parameters);
    expect(base).toEqual({ a: 0.2 });
  });
});
