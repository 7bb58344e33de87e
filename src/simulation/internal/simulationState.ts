import type { SimulationHistogramState, SimulationState } from "../simulationResult.js";
import type { CompiledSimulation } from "./compileKernel.js";
import { EXTRA } from "./kernelCodes.js";
import type { KernelState } from "./kernelSpec.js";

/**
 * The result's plain-data state from the kernel's typed arrays (`simulate`): each histogram's
 * counts kept only from its first to its last bin with a count. Those lie between the bins of the
 * histogram's exact minimum and maximum (bins are monotone in the value), so the search for them
 * starts there rather than at the grid's ends: a grid is mostly empty bins (it spans the plan's
 * bounds), and this runs once per run in the calling thread, in code not yet optimised.
 */
export function toSimulationState(
  compiled: Pick<CompiledSimulation, "spec" | "histograms" | "targets">,
  state: KernelState,
): SimulationState {
  const histograms = compiled.spec.histograms.map((h, k): SimulationHistogramState => {
    const meta = compiled.histograms[k]!;
    const min = state.extras[EXTRA.size * k + EXTRA.min]!;
    const max = state.extras[EXTRA.size * k + EXTRA.max]!;
    // The bins of min and max as the kernel bins a value (u = (y − lo)·inv), clamped to the grid;
    // none when nothing was counted (min = +∞, or NaN only).
    const binOf = (y: number): number =>
      Math.min(h.bins - 1, Math.max(0, Math.floor((y - h.gridLo) * h.invWidth)));
    let first = min <= max ? binOf(min) : h.bins;
    let last = min <= max ? binOf(max) : -1;
    while (first < h.bins && state.counts[h.offset + first] === 0) first++;
    while (last >= first && state.counts[h.offset + last] === 0) last--;
    // A plain loop: Array.from over a typed array is about five times slower (V8), and the
    // histograms of a run hold up to millions of counts.
    const counts: number[] = new Array(Math.max(0, last - first + 1));
    for (let j = 0; j < counts.length; j++) counts[j] = state.counts[h.offset + first + j]!;
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
      min: extra(EXTRA.min),
      max: extra(EXTRA.max),
    };
  });
  const T = compiled.spec.years;
  return {
    met: Array.from(state.met),
    firstYear: compiled.targets.map((_, k) =>
      Array.from(state.firstYear.subarray(k * (T + 1), (k + 1) * (T + 1))),
    ),
    histograms,
  };
}
