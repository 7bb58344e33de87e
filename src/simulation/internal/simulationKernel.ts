/**
 * The Monte Carlo kernel: runs path blocks of a compiled simulation and accumulates the exact,
 * mergeable state (histogram counts, attainment counts). Plain numbers and typed arrays only.
 *
 * Everything here is shipped to worker threads as source (`Function.prototype.toString`), so
 * {@link createSimulationKernel} references nothing outside itself: its parts (path update, value
 * ops, histograms, targets), the generator and the numeric codes come in through `lib`. Only
 * types are imported.
 */
import type { KernelLibrary } from "./kernelLibrary.js";
import type { KernelBlockOutput, KernelSpec, KernelState } from "./kernelSpec.js";

/** A kernel: runs blocks (in any order) and returns the state accumulated over them. */
export interface SimulationKernel {
  runBlock(block: number): KernelBlockOutput;
  state(): KernelState;
}

/**
 * Creates a kernel for a compiled simulation. Each block b covers paths
 * `b·blockSize … min(totalPaths, (b + 1)·blockSize) − 1`; its shocks come from streams seeded by
 * (seed, b, series key) and (seed, b, indicator key), so a block's result does not depend on
 * which thread runs it or on the order of the places. Nothing is allocated per path or per year.
 *
 * A year of a block: the path update ({@link KernelLibrary.createPathUpdate}), the value ops
 * (`createValueOps`), the histograms of the year (`createHistogramCounts`), the targets
 * (`createTargetTally`) and the sampled paths.
 */
export function createSimulationKernel(spec: KernelSpec, lib: KernelLibrary): SimulationKernel {
  const B = spec.blockSize;
  const T = spec.years;
  const nIndicators = spec.indicatorStart.length - 1;
  const nSeries = spec.seriesBase.length / T;
  const SERIES = lib.codes.source.series;
  const LOG = lib.codes.seriesScale.log;
  const LOGIT = lib.codes.seriesScale.logit;
  const CUMULATIVE = lib.codes.op.cumulative;
  const tables = lib.zigguratTables();
  const memory = lib.createKernelMemory(
    spec,
    nSeries,
    tables,
    lib.normalSlowPath,
    lib.useWasm ? lib.kernelWasm : null,
  );
  const { buffers } = memory;
  const { e, d, values } = buffers;
  const updatePaths = lib.createPathUpdate(spec, memory, tables, lib);
  const runOp = lib.createValueOps(spec, buffers, lib.codes);
  const histograms = lib.createHistogramCounts(spec, memory, tables, lib.codes);
  const targets = lib.createTargetTally(spec, memory, lib.codes);
  const cumulativeOuts: number[] = [];
  for (const op of spec.ops) if (op.op === CUMULATIVE) cumulativeOuts.push(op.out);
  const nSample = spec.sampleSeries.length;

  function recordSample(sample: Float64Array, t: number, count: number): void {
    for (let j = 0; j < nSample; j++) {
      const ss = spec.sampleSeries[j]!;
      for (let n = 0; n < count; n++) {
        let v: number;
        if (ss.srcKind !== SERIES) v = values[ss.src * B + n]!;
        else {
          const base = spec.seriesBase[ss.src * T + t - 1]!;
          const k = spec.seriesSpread[ss.src * T + t - 1]!;
          const dd = d[ss.src * B + n]!;
          const y = base + k * dd;
          const scale = spec.seriesScale[ss.src]!;
          const lo = spec.seriesLo[ss.src]!;
          const hi = spec.seriesHi[ss.src]!;
          // A log-scale value by the path update's rule, so a sample equals the value summed.
          v =
            scale === LOG
              ? lib.logScaleValue(tables, lib.logBaseScale(base), base, k, dd)
              : scale === LOGIT
                ? lo + (hi - lo) / (1 + Math.exp(-y))
                : y;
        }
        sample[(n * nSample + j) * T + t - 1] = v;
      }
    }
  }

  function runBlock(block: number): KernelBlockOutput {
    const start = block * B;
    const len = Math.min(B, spec.totalPaths - start);
    if (!(len > 0)) throw new RangeError(`simulate: block ${block} is past the last path`);
    const seed = memory.seedStates;
    for (let i = 0; i < nIndicators; i++)
      if (seed !== null) seed(spec.seed, block, spec.indicatorKey[i]!, 4, memory.factorStatePtr(i));
      else
        memory.factorStates[i]!.set(lib.xoshiro128Seed(spec.seed, block, spec.indicatorKey[i]!, 4));
    for (let s = 0; s < nSeries; s++)
      if (seed !== null) seed(spec.seed, block, spec.seriesKey[s]!, 4, memory.seriesStatePtr(s));
      else memory.seriesStates[s]!.set(lib.xoshiro128Seed(spec.seed, block, spec.seriesKey[s]!, 4));
    e.fill(0);
    d.fill(0);
    targets.startBlock();
    for (const out of cumulativeOuts) values.fill(0, out * B, out * B + B);
    const sampleCount = Math.max(0, Math.min(len, spec.samplePaths - start));
    const sample = sampleCount > 0 ? new Float64Array(sampleCount * nSample * T) : null;
    for (let t = 1; t <= T; t++) {
      updatePaths(t, len);
      for (const op of spec.ops) runOp(op, t, len);
      histograms.count(t, len);
      targets.evaluate(t, len);
      if (sample !== null) recordSample(sample, t, sampleCount);
    }
    targets.endBlock(len);
    return { block, paths: len, sample };
  }

  return {
    runBlock,
    state: () => {
      histograms.settleAliases();
      return {
        // A copy: the counts are a view on the kernel's memory, which cannot be handed over.
        counts: histograms.counts.slice(),
        extras: histograms.extras,
        met: targets.met,
        firstYear: targets.firstYear,
      };
    },
  };
}
