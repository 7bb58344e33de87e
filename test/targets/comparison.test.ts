import { describe, expect, it } from "vitest";
import { COMPARISON_TOLERANCE, satisfies } from "../../src/targets/comparison.js";

describe("satisfies", () => {
  it("satisfies treats a value within 1e-9 of the target as meeting it, and nothing further away", () => {
    // 60 reached as 59.99999999999999 (a logit round trip) meets ≥ 60; 59.99 does not
    expect(satisfies(59.99999999999999, ">=", 60)).toBe(true);
    expect(satisfies(59.99, ">=", 60)).toBe(false);
    expect(satisfies(60.00000000000001, "<=", 60)).toBe(true);
    expect(satisfies(60 * (1 + 2e-9), "<=", 60)).toBe(false);
    expect(COMPARISON_TOLERANCE).toBe(1e-9);
    // about ±2%: 61.2 is on the edge of 60's band
    expect(satisfies(61.2, "about", 60, 0.02)).toBe(true);
    expect(satisfies(61.21, "about", 60, 0.02)).toBe(false);
  });
});
