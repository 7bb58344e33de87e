import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { theilDecomposition } from "../../src/analysis/theilDecomposition.js";
import { disparity } from "../../src/assessment/disparity.js";

// Per-capita values (yuan per person) and populations (10k persons) in the range of counties.
const place = fc.record({
  value: fc.double({ min: 1000, max: 300_000, noNaN: true }),
  weight: fc.double({ min: 1, max: 300, noNaN: true }),
  group: fc.constantFrom("centre", "rest", "third"),
});
const places = fc.array(place, { minLength: 2, maxLength: 30 });

describe("theilDecomposition properties", () => {
  it("the part between groups and the part within them add up to Theil's T", () => {
    fc.assert(
      fc.property(places, (ps) => {
        const d = theilDecomposition(
          ps.map((p) => p.value),
          ps.map((p) => p.weight),
          ps.map((p) => p.group),
        );
        // T ≤ ln(max/min) ≤ ln 300 ≈ 5.7: an absolute tolerance of 1e-12 is a few hundred ulps.
        expect(Math.abs(d.between + d.within - d.total)).toBeLessThan(1e-12);
        expect(d.total).toBeCloseTo(
          disparity(
            ps.map((p) => p.value),
            ps.map((p) => p.weight),
          ).theil,
          14,
        );
      }),
    );
  });

  it("neither part is negative, and the groups' shares add up to 1", () => {
    fc.assert(
      fc.property(places, (ps) => {
        const d = theilDecomposition(
          ps.map((p) => p.value),
          ps.map((p) => p.weight),
          ps.map((p) => p.group),
        );
        expect(d.between).toBeGreaterThan(-1e-14);
        expect(d.within).toBeGreaterThan(-1e-14);
        const shares = (k: "valueShare" | "weightShare") => d.groups.reduce((s, g) => s + g[k], 0);
        expect(shares("valueShare")).toBeCloseTo(1, 12);
        expect(shares("weightShare")).toBeCloseTo(1, 12);
      }),
    );
  });

  it("relabelling the groups, or listing the places in another order, changes no figure", () => {
    fc.assert(
      fc.property(places, fc.integer({ min: 0, max: 1000 }), (ps, seed) => {
        const order = ps
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const shuffled = order.map((i) => ps[i] as (typeof ps)[number]);
        const a = theilDecomposition(
          ps.map((p) => p.value),
          ps.map((p) => p.weight),
          ps.map((p) => p.group),
        );
        const b = theilDecomposition(
          shuffled.map((p) => p.value),
          shuffled.map((p) => p.weight),
          shuffled.map((p) => `renamed-${p.group}`),
        );
        expect(b.between).toBeCloseTo(a.between, 12);
        expect(b.within).toBeCloseTo(a.within, 12);
      }),
    );
  });
});
