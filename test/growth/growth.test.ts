import { describe, expect, it } from "vitest";
import { cagr } from "../../src/growth/cagr.js";
import { crossingYear } from "../../src/growth/crossingYear.js";
import { requiredGrowth } from "../../src/growth/requiredGrowth.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

/** What `run` throws: class, message, code and path. */
function thrown(run: () => unknown): {
  type: string;
  message: string;
  code: string;
  path: string;
} {
  try {
    run();
  } catch (e) {
    if (e instanceof ArgumentTypeError || e instanceof ArgumentRangeError)
      return { type: e.name, message: e.message, code: e.code, path: e.path };
    throw e;
  }
  throw new Error("nothing was thrown");
}
/** A value of the wrong type, as JavaScript callers may pass it. */
const loose = <T>(value: unknown): T => value as T;

describe("cagr", () => {
  it("cagr of 100 → 121 over 2 years is 10% (the @example)", () => {
    expect(cagr(100, 121, 2)).toBe(0.09999999999999999);
  });
  it("cagr of Qujing's GDP 2019→2021 is 13.43% a year", () => {
    // python3: (3393.91/2637.59)**0.5 - 1 = 0.13434854140414187
    expect(cagr(2637.59, 3393.91, 2)).toBeCloseTo(0.13434854140414187, 14);
  });
  it("cagr rejects a non-positive start, end or period with the value in the message", () => {
    expect(() => cagr(0, 1, 1)).toThrow("cagr: start must be a positive finite number (got 0)");
    expect(() => cagr(1, Number.NaN, 1)).toThrow(
      "cagr: end must be a positive finite number (got NaN)",
    );
    expect(() => cagr(1, 2, 0)).toThrow("cagr: years must be positive (got 0)");
  });
  it("cagr refuses a value that is not a number with an ArgumentTypeError showing its type", () => {
    expect(thrown(() => cagr(loose("100"), 121, 2))).toEqual({
      type: "ArgumentTypeError",
      message: 'cagr: start must be a positive finite number (got the string "100")',
      code: "invalid-type",
      path: "start",
    });
    expect(thrown(() => cagr(100, 121, loose(undefined)))).toEqual({
      type: "ArgumentTypeError",
      message: "cagr: years must be positive (got nothing)",
      code: "missing-argument",
      path: "years",
    });
  });
  it("cagr's range errors are ArgumentRangeErrors with code and path", () => {
    expect(thrown(() => cagr(1, -1, 1))).toEqual({
      type: "ArgumentRangeError",
      message: "cagr: end must be a positive finite number (got -1)",
      code: "out-of-range",
      path: "end",
    });
  });
});

describe("requiredGrowth", () => {
  it("requiredGrowth to double in 15 years is 2^(1/15) − 1 (the @example)", () => {
    // python3: 2**(1/15) - 1 = 0.04729412282062671
    expect(requiredGrowth(2959.35, 5918.7, 15)).toBe(0.04729412282062671);
  });
  it("requiredGrowth returns 0 when the target equals the latest value", () => {
    expect(requiredGrowth(49.03, 49.03, 5)).toBe(0);
  });
  it("requiredGrowth is negative when the latest value already exceeds the target", () => {
    expect(requiredGrowth(110, 100, 1)).toBeCloseTo(100 / 110 - 1, 15);
  });
  it("requiredGrowth rejects zero years with the STYLE.md message", () => {
    expect(() => requiredGrowth(1, 2, 0)).toThrow("requiredGrowth: years must be positive (got 0)");
    expect(() => requiredGrowth(-1, 2, 1)).toThrow(
      "requiredGrowth: latest must be a positive finite number (got -1)",
    );
    expect(() => requiredGrowth(1, Number.POSITIVE_INFINITY, 1)).toThrow(
      "requiredGrowth: target must be a positive finite number (got Infinity)",
    );
  });
  it("requiredGrowth refuses a numeric string, showing it is a string", () => {
    expect(thrown(() => requiredGrowth(loose("3802"), 4500, 5))).toEqual({
      type: "ArgumentTypeError",
      message: 'requiredGrowth: latest must be a positive finite number (got the string "3802")',
      code: "invalid-type",
      path: "latest",
    });
    expect(() => requiredGrowth(3802, loose(null), 5)).toThrow(
      "requiredGrowth: target must be a positive finite number (got null)",
    );
    expect(() => requiredGrowth(3802, 4500, loose([5]))).toThrow(
      "requiredGrowth: years must be positive (got an array of 1 item)",
    );
  });
});

describe("crossingYear", () => {
  it("crossingYear finds the first year at or above the threshold (the @example)", () => {
    expect(
      crossingYear({ years: [2023, 2024, 2025], values: [55, 58.5, 60.2] }, 58, {
        direction: "atLeast",
      }),
    ).toBe(2024);
  });
  it("crossingYear returns undefined when the path never meets the threshold", () => {
    expect(
      crossingYear({ years: [2023, 2024], values: [1, 2] }, 3, { direction: "atLeast" }),
    ).toBeUndefined();
  });
  it("crossingYear reads a moving threshold year by year", () => {
    const reference = (y: number) => 100 + 10 * (y - 2020);
    expect(
      crossingYear({ years: [2021, 2022, 2023], values: [105, 125, 160] }, reference, {
        direction: "atLeast",
      }),
    ).toBe(2022);
  });
  it("crossingYear with atMost finds the first year at or below", () => {
    expect(crossingYear({ years: [1, 2, 3], values: [9, 7, 4] }, 5, { direction: "atMost" })).toBe(
      3,
    );
  });
  it("crossingYear rejects paths of unequal length", () => {
    expect(() =>
      crossingYear({ years: [1, 2, 3], values: [1, 2] }, 0, { direction: "atLeast" }),
    ).toThrow("crossingYear: years and values differ in length (3 years, 2 values)");
  });
  it("crossingYear refuses an unknown direction instead of reading it as atMost", () => {
    const path = { years: [2023, 2024], values: [1, 2] };
    expect(thrown(() => crossingYear(path, 0, { direction: loose("atleast") }))).toEqual({
      type: "ArgumentRangeError",
      message:
        'crossingYear: options.direction must be "atLeast" or "atMost"; did you mean "atLeast"? (got the string "atleast")',
      code: "unknown-id",
      path: "options.direction",
    });
    expect(thrown(() => crossingYear(path, 0, loose({})))).toEqual({
      type: "ArgumentTypeError",
      message: 'crossingYear: options.direction must be "atLeast" or "atMost" (got nothing)',
      code: "missing-argument",
      path: "options.direction",
    });
    expect(thrown(() => crossingYear(path, 0, loose(undefined)))).toEqual({
      type: "ArgumentTypeError",
      message: "crossingYear: options must be an object such as { direction } (got nothing)",
      code: "missing-argument",
      path: "options",
    });
    expect(
      thrown(() => crossingYear(path, 0, loose({ direction: "atLeast", strict: true }))),
    ).toEqual({
      type: "ArgumentTypeError",
      message:
        "crossingYear: options.strict is not an option; did you mean direction? (the options are direction)",
      code: "unknown-option",
      path: "options.strict",
    });
  });
  it("crossingYear refuses a path that is not years and values of finite numbers, in order", () => {
    const atLeast = { direction: "atLeast" } as const;
    expect(() => crossingYear(loose([1, 2]), 0, atLeast)).toThrow(
      "crossingYear: path must be an object { years, values } (got an array of 2 items)",
    );
    expect(() => crossingYear(loose({ years: "2023", values: [] }), 0, atLeast)).toThrow(
      'crossingYear: path.years must be an array of years (got the string "2023")',
    );
    expect(() => crossingYear({ years: [1, 2], values: [1, Number.NaN] }, 0, atLeast)).toThrow(
      "crossingYear: path.values[1] must be a finite number (got NaN)",
    );
    expect(
      thrown(() => crossingYear({ years: [2023, 2025, 2024], values: [1, 2, 3] }, 0, atLeast)),
    ).toEqual({
      type: "ArgumentRangeError",
      message: "crossingYear: path.years must be increasing (got 2024 after 2025 at path.years[2])",
      code: "out-of-range",
      path: "path.years[2]",
    });
  });
  it("crossingYear refuses a threshold that is not a finite number or a function of the year", () => {
    const path = { years: [2023, 2024], values: [1, 2] };
    const atLeast = { direction: "atLeast" } as const;
    expect(() => crossingYear(path, loose("58"), atLeast)).toThrow(
      'crossingYear: threshold must be a finite number or a function of the year (got the string "58")',
    );
    expect(() => crossingYear(path, Number.NaN, atLeast)).toThrow(
      "crossingYear: threshold must be a finite number or a function of the year (got NaN)",
    );
    expect(
      thrown(() =>
        crossingYear(
          path,
          loose(() => "1"),
          atLeast,
        ),
      ),
    ).toEqual({
      type: "ArgumentTypeError",
      message:
        'crossingYear: threshold(2023) must return a finite number or undefined (got the string "1")',
      code: "invalid-type",
      path: "threshold",
    });
  });
});
