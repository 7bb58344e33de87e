import { describe, expect, it } from "vitest";
import type { CompiledSimulation } from "../../src/simulation/internal/compileKernel.js";
import { EXTRA } from "../../src/simulation/internal/kernelCodes.js";
import {
  plainSimulationState,
  simulationStateView,
} from "../../src/simulation/internal/simulationState.js";

/**
 * Two histograms of 16 bins on a linear grid over [0, 16) (bin width 1), laid out one after the
 * other, with `values` counted into each as the kernel counts them (min and max kept exactly).
 */
function kernelState(values: readonly (readonly number[])[]) {
  const grid = { lo: 0, width: 1, invWidth: 1, bins: 16 };
  const bins = grid.bins;
  const counts = new Uint32Array(2 * bins);
  const extras = new Float64Array(EXTRA.size * 2);
  values.forEach((vs, k) => {
    let [under, over, min, max] = [0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const y of vs) {
      const u = (y - grid.lo) * grid.invWidth;
      if (u >= 0 && u < bins) counts[k * bins + (u | 0)]!++;
      else if (u < 0) under++;
      else over++;
      min = Math.min(min, y);
      max = Math.max(max, y);
    }
    extras[EXTRA.size * k + EXTRA.under] = under;
    extras[EXTRA.size * k + EXTRA.over] = over;
    extras[EXTRA.size * k + EXTRA.min] = min;
    extras[EXTRA.size * k + EXTRA.max] = max;
  });
  const histogram = (k: number) => ({
    t: 1,
    srcKind: 0,
    src: 0,
    transform: 0,
    tlo: 0,
    thi: 1,
    gridLo: grid.lo,
    invWidth: grid.invWidth,
    bins,
    offset: k * bins,
    alias: -1,
  });
  const compiled = {
    spec: { years: 1, histograms: [histogram(0), histogram(1)] },
    histograms: [0, 1].map(() => ({ grid, scale: "linear", back: (y: number) => y })),
    targets: [],
  } as unknown as CompiledSimulation;
  const state = {
    counts,
    extras,
    met: new Float64Array(0),
    firstYear: new Float64Array(0),
  };
  return { compiled, state };
}

describe("simulationStateView and plainSimulationState", () => {
  it("keeps each histogram's counts from its first to its last bin with a count", () => {
    const { compiled, state } = kernelState([
      [3.5, 3.2, 7.9, 11.0, 11.9],
      [0, 15.99],
    ]);
    const [a, b] = plainSimulationState(simulationStateView(compiled, state)).histograms;
    expect(a!.offset).toBe(3);
    expect(a!.counts).toEqual([2, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(b!.offset).toBe(0);
    expect(b!.counts).toEqual([1, ...new Array(14).fill(0), 1]);
  });

  it("gives a zero extreme as +0, whichever zero the kernel kept", () => {
    const { compiled, state } = kernelState([
      [0, 3],
      [-2, 0],
    ]);
    state.extras[EXTRA.min] = -0;
    state.extras[EXTRA.size + EXTRA.max] = -0;
    const [a, b] = plainSimulationState(simulationStateView(compiled, state)).histograms;
    expect(Object.is(a!.min, 0)).toBe(true);
    expect(Object.is(b!.max, 0)).toBe(true);
    expect([a!.offset, a!.counts]).toEqual([0, [1, 0, 0, 1]]);
  });

  it("keeps the under, over and extremes off the grid, and no counts for a histogram with nothing on its grid", () => {
    const { compiled, state } = kernelState([
      [-4, 2.5, 2.7, 9.1, 40],
      [-1, -2],
    ]);
    const [a, b] = plainSimulationState(simulationStateView(compiled, state)).histograms;
    expect([a!.offset, a!.counts, a!.under, a!.over]).toEqual([2, [2, 0, 0, 0, 0, 0, 0, 1], 1, 1]);
    // Nothing on the grid: no counts at all.
    expect([b!.offset, b!.counts, b!.under]).toEqual([0, [], 2]);
  });
});
