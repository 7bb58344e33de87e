import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cagr } from "../../src/growth/cagr.js";
import { crossingYear } from "../../src/growth/crossingYear.js";
import { requiredGrowth } from "../../src/growth/requiredGrowth.js";
import { returnsOrThrowsOwnError } from "../internal/expectOwnError.js";

// Whatever a JavaScript caller passes, a growth function returns a number (or undefined for no
// crossing) or throws the library's own argument error naming the function and the parameter:
// never a TypeError from inside, never a NaN.

/** Any value, numbers of every kind made likely. */
const anyValue = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.double(),
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, "3802", null, undefined),
);

describe("the growth functions on arbitrary arguments", () => {
  it("cagr and requiredGrowth return a finite number or throw their own error", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (a, b, c) => {
        for (const [name, f] of [
          ["cagr", cagr],
          ["requiredGrowth", requiredGrowth],
        ] as const) {
          let result: unknown;
          const params =
            name === "cagr" ? ["start", "end", "years"] : ["latest", "target", "years"];
          const threw = returnsOrThrowsOwnError(name, params, () => {
            result = (f as (...args: unknown[]) => unknown)(a, b, c);
          });
          if (!threw) expect(Number.isNaN(result)).toBe(false);
        }
      }),
    );
  });

  it("crossingYear returns a year of the path or undefined, or throws its own error", () => {
    const values = fc.oneof(
      fc.array(anyValue, { maxLength: 5 }),
      fc.array(fc.double(), { maxLength: 5 }),
      anyValue,
    );
    const path = fc.oneof(fc.record({ years: values, values }), anyValue);
    const threshold = fc.oneof(anyValue, fc.func(anyValue));
    const options = fc.oneof(
      fc.record({ direction: fc.oneof(fc.constantFrom("atLeast", "atMost", "atleast"), anyValue) }),
      anyValue,
    );
    fc.assert(
      fc.property(path, threshold, options, (p, t, o) => {
        let result: unknown;
        const threw = returnsOrThrowsOwnError(
          "crossingYear",
          ["path", "threshold", "options"],
          () => {
            result = (crossingYear as (...args: unknown[]) => unknown)(p, t, o);
          },
        );
        if (!threw && result !== undefined)
          expect((p as { years: unknown[] }).years).toContain(result);
      }),
    );
  });

  it("crossingYear on ordered finite paths with a valid direction never throws", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 10 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom("atLeast" as const, "atMost" as const),
        (values, threshold, direction) => {
          const years = values.map((_, k) => 2020 + k);
          crossingYear({ years, values }, threshold, { direction });
        },
      ),
    );
  });
});
