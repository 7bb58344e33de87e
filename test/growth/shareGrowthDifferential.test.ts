import { describe, expect, it } from "vitest";
import { shareGrowthDifferential } from "../../src/growth/shareGrowthDifferential.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

describe("shareGrowthDifferential", () => {
  it("takes 44% to 65% in 4 years with the part growing 24.0% a year faster than the rest", () => {
    // r0 = 0.44 / 0.56 = 0.785714; r* = 0.65 / 0.35 = 1.857143; r*/r0 = 2.363636;
    // d = 2.363636^(1/4) − 1 = 0.2399243 (NumPy: (0.65/0.35/(0.44/0.56))**0.25 - 1 = 0.23992428380591657)
    expect(shareGrowthDifferential(0.44, 0.65, 4)).toBeCloseTo(0.23992428380591657, 14);
  });

  it("lands on the target share when the part and the rest grow by that differential", () => {
    // part 44, rest 56; the rest grows 5% a year, the part (1.05)(1 + d) − 1 a year, for 4 years
    const d = shareGrowthDifferential(0.44, 0.65, 4);
    const part = 44 * (1.05 * (1 + d)) ** 4;
    const rest = 56 * 1.05 ** 4;
    expect(part / (part + rest)).toBeCloseTo(0.65, 14);
  });

  it("is 0 for an unchanged share and negative for a falling one", () => {
    expect(shareGrowthDifferential(0.3, 0.3, 5)).toBe(0);
    // 50% → 40% in 2 years: r 1 → 2/3, d = (2/3)^(1/2) − 1 = −0.1835034
    expect(shareGrowthDifferential(0.5, 0.4, 2)).toBeCloseTo(Math.sqrt(2 / 3) - 1, 14);
  });

  it("rejects a share given in % or at 0 or 1, a non-positive period, and non-numbers", () => {
    expect(() => shareGrowthDifferential(44, 0.65, 4)).toThrow(
      "shareGrowthDifferential: share must be a share strictly between 0 and 1 (a fraction: 0.44 = 44%) (got 44)",
    );
    expect(() => shareGrowthDifferential(0.44, 1, 4)).toThrow(ArgumentRangeError);
    expect(() => shareGrowthDifferential(0, 0.5, 4)).toThrow(ArgumentRangeError);
    expect(() => shareGrowthDifferential(0.44, 0.65, 0)).toThrow(
      "shareGrowthDifferential: years must be positive (got 0)",
    );
    expect(() => shareGrowthDifferential("0.44" as never, 0.65, 4)).toThrow(ArgumentTypeError);
  });
});
