import fc from "fast-check";
import { describe, it } from "vitest";
import { fitModel } from "../../src/models/fitModel.js";
import { projectModel } from "../../src/models/projectModel.js";
import { returnsOrThrowsOwnError } from "../internal/expectOwnError.js";

// Whatever a JavaScript caller passes to fitModel or projectModel, it returns or throws the
// library's own argument error naming the function and a parameter: never a TypeError from inside.

const anyValue = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, "2025", null, undefined),
);

/** Valid specs, and the same with one field replaced by any value. */
const validSpecs = [
  { kind: "cagr", rate: 0.05 },
  { kind: "drift" },
  { kind: "naive" },
  { kind: "holt", damped: true },
  { kind: "theta" },
  { kind: "trend", form: "loglinear" },
  { kind: "auto", candidates: ["drift", { kind: "holt", damped: true }] },
] as const;
const spec = fc.oneof(
  fc.constantFrom(...validSpecs),
  fc
    .tuple(
      fc.constantFrom(...validSpecs),
      fc.constantFrom("kind", "rate", "damped", "form", "candidates", "window"),
      anyValue,
    )
    .map(([s, key, v]) => ({ ...s, [key]: v })),
  anyValue,
);
const numbers = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), {
  minLength: 1,
  maxLength: 6,
});
const series = fc.oneof(
  numbers.map((values) => ({ years: values.map((_, i) => 2015 + i), values })),
  fc
    .tuple(numbers, fc.constantFrom("years", "values", "breaks"), anyValue)
    .map(([values, key, v]) => ({ years: values.map((_, i) => 2015 + i), values, [key]: v })),
  anyValue,
);
const fitOptions = fc.oneof(
  fc.constant(undefined),
  fc.record({
    scale: fc.constantFrom("log", "linear", "lgo"),
    kind: fc.constantFrom("level", "count"),
  }),
  anyValue,
);

describe("fitModel and projectModel on arbitrary arguments", () => {
  it("fitModel returns a fitted model or throws its own error naming spec, series or options", () => {
    fc.assert(
      fc.property(spec, series, fitOptions, (s, x, o) => {
        returnsOrThrowsOwnError("fitModel", ["spec", "series", "options"], () =>
          (fitModel as (...args: unknown[]) => unknown)(s, x, o),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("projectModel returns a projection or throws its own error naming fitted or options", () => {
    const fitted = fitModel(
      { kind: "holt" },
      { years: [2018, 2019, 2020, 2021], values: [1, 2, 3, 5] },
    );
    const anyFitted = fc.oneof(
      fc.constant(fitted),
      fc
        .tuple(fc.constantFrom("kind", "scale", "origin", "params", "bounds", "spec"), anyValue)
        .map(([key, v]) => ({ ...fitted, [key]: v })),
      anyValue.map((v) => ({ ...fitted, params: { ...fitted.params, alpha: v } })),
      anyValue,
    );
    const options = fc.oneof(
      fc.record({
        toYear: fc.integer({ min: 2000, max: 2400 }),
        level: fc.option(fc.double(), { nil: undefined }),
      }),
      fc.record({ toYear: anyValue }),
      fc.constant({ toYear: 1e9 }),
      anyValue,
    );
    fc.assert(
      fc.property(anyFitted, options, (f, o) => {
        returnsOrThrowsOwnError("projectModel", ["fitted", "options"], () =>
          (projectModel as (...args: unknown[]) => unknown)(f, o),
        );
      }),
      { numRuns: 200 },
    );
  });
});
