import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  HISTOGRAM_MAX_BINS,
  HISTOGRAM_WIDTH,
  histogramGrid,
  histogramQuantiles,
} from "../../src/simulation/internal/quantileHistogram.js";

/** Counts values on a grid the way the kernel does. */
function count(values: readonly number[], lo: number, hi: number) {
  const grid = histogramGrid(lo, hi, "linear");
  const counts = new Array<number>(grid.bins).fill(0);
  let under = 0;
  let over = 0;
  for (const v of values) {
    const u = (v - grid.lo) * grid.invWidth;
    if (u >= 0 && u < grid.bins) counts[u | 0]!++;
    else if (u < 0) under++;
    else over++;
  }
  const h = {
    offset: 0,
    counts,
    under,
    over,
    invalid: 0,
    min: Math.min(...values),
    max: Math.max(...values),
  };
  return { grid, h };
}

/** Type-7 quantile of a sample (NumPy's default), computed directly. */
function type7(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const k = Math.floor(h);
  return s[k]! + (h - k) * (s[Math.min(k + 1, s.length - 1)]! - s[k]!);
}

describe("histogramGrid", () => {
  it("histogramGrid uses bins of 2^-11 on the log scale, at most 16384 of them", () => {
    expect(histogramGrid(0, 1, "log").width).toBe(HISTOGRAM_WIDTH);
    expect(histogramGrid(0, 1, "log").bins).toBe(2048);
    const wide = histogramGrid(-10, 10, "log");
    expect(wide.bins).toBe(HISTOGRAM_MAX_BINS);
    expect(wide.width).toBeCloseTo(20 / HISTOGRAM_MAX_BINS, 15);
  });

  it("histogramGrid widens a degenerate range so that rounding noise stays inside", () => {
    const g = histogramGrid(5, 5, "log");
    expect(g.lo).toBeLessThan(5);
    expect(g.lo + g.bins * g.width).toBeGreaterThan(5);
  });

  it("histogramGrid throws on a non-finite range", () => {
    expect(() => histogramGrid(0, Number.POSITIVE_INFINITY, "linear")).toThrow(
      "histogramGrid: the range must be finite (got [0, Infinity])",
    );
  });
});

describe("histogramQuantiles", () => {
  it("histogramQuantiles matches NumPy's type-7 quantiles within one bin", () => {
    // numpy.quantile([3.1, 0.2, 5.5, 2.2, 2.2, 9.0, 4.4, 1.0, 7.7, 6.1], [0.1, 0.25, 0.5, 0.9])
    // = [0.92, 2.2, 3.75, 7.83]
    const data = [3.1, 0.2, 5.5, 2.2, 2.2, 9.0, 4.4, 1.0, 7.7, 6.1];
    const { grid, h } = count(data, 0, 10);
    const { values, outside } = histogramQuantiles(h, grid, [0.1, 0.25, 0.5, 0.9], (y) => y);
    [0.92, 2.2, 3.75, 7.83].forEach((q, k) => {
      expect(Math.abs(values[k]! - q)).toBeLessThan(grid.width);
    });
    expect(outside).toBe(0);
  });

  it("histogramQuantiles estimates every quantile within one bin width of the exact one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), {
          minLength: 1,
          maxLength: 5,
        }),
        (data, levels) => {
          const { grid, h } = count(data, -50, 50);
          const { values } = histogramQuantiles(h, grid, levels, (y) => y);
          levels.forEach((q, k) => {
            expect(Math.abs(values[k]! - type7(data, q))).toBeLessThanOrEqual(
              grid.width * (1 + 1e-9),
            );
          });
        },
      ),
    );
  });

  it("histogramQuantiles gives, bit for bit, the type-7 interpolation of its bins' rank estimates (one walk per rank from the first bin), told the number counted or not", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 400 }),
        fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), {
          minLength: 1,
          maxLength: 7,
        }),
        (data, levels) => {
          // Integers on a grid of [−50, 50): repeated values, empty bins, some under and over.
          const { grid, h } = count(data, -50, 50);
          const want = walkUp(h, grid, levels, Math.exp);
          expect(histogramQuantiles(h, grid, levels, Math.exp).values).toEqual(want);
          // Told how many values were counted (simulate's paths), it skips adding them up.
          expect(histogramQuantiles(h, grid, levels, Math.exp, data.length).values).toEqual(want);
        },
      ),
      { seed: 11 },
    );
  });

  it("histogramQuantiles interpolates outside the grid between the extremes and counts it", () => {
    const data = [-100, 1, 2, 3, 200];
    const { grid, h } = count(data, 0, 10);
    expect(h.under).toBe(1);
    expect(h.over).toBe(1);
    const { values, outside } = histogramQuantiles(h, grid, [0.01, 0.99], (y) => y);
    expect(outside).toBeGreaterThan(0);
    expect(values[0]).toBeGreaterThanOrEqual(-100);
    expect(values[0]).toBeLessThanOrEqual(1);
    expect(values[1]).toBeGreaterThanOrEqual(3);
    expect(values[1]).toBeLessThanOrEqual(200);
  });

  it("histogramQuantiles leaves NaN out and says so with NaN quantiles when nothing is left", () => {
    const grid = histogramGrid(0, 1, "linear");
    const empty = {
      offset: 0,
      counts: [],
      under: 0,
      over: 0,
      invalid: 3,
      min: Number.NaN,
      max: Number.NaN,
    };
    expect(histogramQuantiles(empty, grid, [0.5], (y) => y).values).toEqual([Number.NaN]);
  });
});

/** histogramQuantiles as one walk from the first bin for every rank (a plain reference). */
function walkUp(
  h: ReturnType<typeof count>["h"],
  grid: ReturnType<typeof count>["grid"],
  levels: readonly number[],
  back: (y: number) => number,
): number[] {
  const inGrid = h.counts.reduce((a, c) => a + c, 0);
  const n = h.under + inGrid + h.over;
  const gridHi = grid.lo + grid.bins * grid.width;
  const at = (k: number): number => {
    if (k < h.under) return back(h.min + ((k + 0.5) / h.under) * (grid.lo - h.min));
    if (k >= h.under + inGrid)
      return back(gridHi + ((k - h.under - inGrid + 0.5) / h.over) * (h.max - gridHi));
    let j = 0;
    let before = h.under;
    while (before + h.counts[j]! <= k) before += h.counts[j++]!;
    const y = grid.lo + (h.offset + j + (k - before + 0.5) / h.counts[j]!) * grid.width;
    return back(Math.min(h.max, Math.max(h.min, y)));
  };
  return levels.map((q) => {
    const x = (n - 1) * q;
    const k0 = Math.floor(x);
    const v0 = at(k0);
    const v1 = at(Math.min(k0 + 1, n - 1));
    return x - k0 === 0 ? v0 : v0 + (x - k0) * (v1 - v0);
  });
}
