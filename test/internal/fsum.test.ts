import { describe, expect, it } from "vitest";
import { fsum } from "../../src/internal/fsum.js";

describe("fsum", () => {
  it("keeps the small terms a naive sum loses", () => {
    // 1 + 1e100 + 1 − 1e100 = 2 exactly; a left-to-right naive sum gives 0.
    const xs = [1, 1e100, 1, -1e100];
    expect(xs.reduce((a, b) => a + b, 0)).toBe(0);
    expect(fsum(xs)).toBe(2);
  });

  it("sums ten tenths to exactly 1, where the naive loop gives 0.9999999999999999", () => {
    const tenths = Array.from({ length: 10 }, () => 0.1);
    expect(tenths.reduce((a, b) => a + b, 0)).toBe(0.9999999999999999);
    expect(fsum(tenths)).toBe(1);
  });

  it("accepts any iterable and gives the same result as for an array", () => {
    function* gen() {
      yield 0.1;
      yield 0.2;
      yield 0.3;
    }
    // 0.1 + 0.2 + 0.3 = 0.6 (the correctly rounded double); naive gives 0.6000000000000001.
    expect(fsum(gen())).toBe(0.6);
    expect(fsum(new Set([0.1, 0.2, 0.3]))).toBe(fsum([0.1, 0.2, 0.3]));
    expect(fsum([])).toBe(0);
  });
});
