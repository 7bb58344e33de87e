import type { SimulationState } from "../simulationResult.js";
import type { CompiledSimulation } from "./compileKernel.js";
import { EXTRA } from "./kernelCodes.js";
import type { KernelState } from "./kernelSpec.js";
import type { HistogramCountsOf, SummarisableState } from "./summariseSimulation.js";

/**
 * The run's state on the kernel's typed arrays, without copying them (`simulate` summarises it and
 * turns it into the result's plain data only when that is read): each histogram's counts kept only
 * from its first to its last bin with a count, as a view. Those bins lie between the bins of the
 * histogram's exact minimum and maximum (bins are monotone in the value), so the search for them
 * starts there rather than at the grid's ends: a grid is mostly empty bins (it spans the plan's
 * bounds), and this runs once per run in the calling thread, in code not yet optimised.
 */
export function simulationStateView(
  compiled: Pick<CompiledSimulation, "spec" | "histograms" | "targets">,
  state: KernelState,
): SummarisableState {
  const histograms = compiled.spec.histograms.map((h, k): HistogramCountsOf => {
    const meta = compiled.histograms[k]!;
    // A zero extreme as +0 (−0 + 0 is +0; nothing else changes): a thread keeps the zero it saw
    // first and the threads' states merge with Math.min and Math.max, so the sign of a zero
    // extreme could otherwise depend on the number of threads.
    const min = state.extras[EXTRA.size * k + EXTRA.min]! + 0;
    const max = state.extras[EXTRA.size * k + EXTRA.max]! + 0;
    // The bins of min and max as the kernel bins a value (u = (y − lo)·inv), clamped to the grid;
    // none when nothing was counted (min = +∞, or NaN only).
    const binOf = (y: number): number =>
      Math.min(h.bins - 1, Math.max(0, Math.floor((y - h.gridLo) * h.invWidth)));
    let first = min <= max ? binOf(min) : h.bins;
    let last = min <= max ? binOf(max) : -1;
    while (first < h.bins && state.counts[h.offset + first] === 0) first++;
    while (last >= first && state.counts[h.offset + last] === 0) last--;
    const counts = state.counts.subarray(
      h.offset + first,
      h.offset + first + Math.max(0, last - first + 1),
    );
    const extra = (j: number): number => state.extras[EXTRA.size * k + j]!;
    return {
      scale: meta.scale,
      bounds: [h.tlo, h.thi],
      gridLo: meta.grid.lo,
      binWidth: meta.grid.width,
      bins: h.bins,
      offset: counts.length === 0 ? 0 : first,
      counts,
      under: extra(EXTRA.under),
      over: extra(EXTRA.over),
      invalid: extra(EXTRA.invalid),
      min,
      max,
    };
  });
  const T = compiled.spec.years;
  return {
    met: state.met,
    firstYear: compiled.targets.map((_, k) =>
      state.firstYear.subarray(k * (T + 1), (k + 1) * (T + 1)),
    ),
    histograms,
  };
}

/**
 * The result's plain-data state (JSON numbers and arrays) from a view. A plain loop copies the
 * counts: Array.from over a typed array is about five times slower (V8), and a run's histograms
 * hold up to millions of counts.
 */
export function plainSimulationState(view: SummarisableState): SimulationState {
  const plain = (a: ArrayLike<number>): number[] => {
    const out: number[] = new Array(a.length);
    for (let j = 0; j < a.length; j++) out[j] = a[j]!;
    return out;
  };
  return {
    met: plain(view.met),
    firstYear: view.firstYear.map(plain),
    histograms: view.histograms.map((h) => ({ ...h, counts: plain(h.counts) })),
  };
}
