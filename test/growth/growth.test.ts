import { describe, expect, it } from "vitest";
import { cagr } from "../../src/growth/cagr.js";
import { crossingYear } from "../../src/growth/crossingYear.js";
import { requiredGrowth } from "../../src/growth/requiredGrowth.js";

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
});
