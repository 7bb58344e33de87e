import type { SimulationSeriesRef } from "../../targets/simulatedCondition.js";
import type { SimulationPlan } from "../simulationPlan.js";
import { type CompiledSeries, compileFanSeries } from "./fanSeries.js";
import { fuseSeriesSums } from "./fuseSeriesSums.js";
import { type CompiledHistogram, createHistogramTable } from "./histogramTable.js";
import type { KernelSpec } from "./kernelSpec.js";
import { indexPlan } from "./planIndex.js";
import { seriesIntervals } from "./seriesIntervals.js";
import { buildSeriesTable } from "./seriesTable.js";
import { simulationFingerprint } from "./simulationFingerprint.js";
import { type CompiledTarget, compileTargets } from "./targetConditions.js";
import { createValueGraph } from "./valueGraph.js";

/**
 * Paths per block: the unit of work and of random streams (changing it changes every result).
 * 1024 keeps a block's working set (3 arrays of 8 bytes per path and series) in the L2 cache for
 * a city-sized plan: 4096 ran 40% slower on the benchmark.
 */
export const BLOCK_SIZE = 1024;

/** A plan and run options compiled for the kernel, plus what the summaries need. */
export interface CompiledSimulation {
  readonly spec: KernelSpec;
  readonly histograms: readonly CompiledHistogram[];
  readonly series: readonly CompiledSeries[];
  readonly targets: readonly CompiledTarget[];
  readonly years: readonly number[];
  readonly fingerprint: string;
}

/** Run options that shape the compiled simulation. */
export interface CompileOptions {
  readonly paths: number;
  readonly seed: number;
  readonly quantiles: readonly number[];
  readonly series: readonly SimulationSeriesRef[] | undefined;
  readonly samplePaths: number;
}

/**
 * Compiles a parsed plan with the run options into the kernel's arrays, in stages that pass plain
 * data on: check and index the plan (`indexPlan`), order the series and give them stream keys
 * (`buildSeriesTable`), bound each series' value (`seriesIntervals`), then build the values the
 * fan-chart series (`compileFanSeries`) and the target conditions (`compileTargets`) need, with
 * their kernel ops (`ValueGraph`, groups by `KERNEL_AGGREGATION`) and histograms
 * (`HistogramTable`), fuse the group sums the path update can accumulate (`fuseSeriesSums`), and
 * fingerprint the run (`simulationFingerprint`).
 * @throws {RangeError} `simulate: …` for a plan that contradicts itself: the plan is a contract
 *   between the scenario runner and the engine, so a broken one is a programming error.
 */
export function compileKernel(plan: SimulationPlan, options: CompileOptions): CompiledSimulation {
  const index = indexPlan(plan);
  const table = buildSeriesTable(index);
  const graph = createValueGraph(index, table, seriesIntervals(index, table));
  const histograms = createHistogramTable();
  const fan = compileFanSeries(graph, histograms, options.series);
  const targets = compileTargets(graph, histograms);
  const fused = fuseSeriesSums({
    valueBuffers: graph.buffers,
    seriesValue: graph.seriesValue,
    ops: graph.ops,
    histograms: histograms.kernel,
    targets: targets.kernel,
    sampleSeries: fan.sampleSeries,
  });
  const spec: KernelSpec = {
    seed: options.seed,
    totalPaths: options.paths,
    blockSize: BLOCK_SIZE,
    years: index.years,
    indicatorStart: table.indicatorStart,
    indicatorKey: table.indicatorKey,
    seriesKey: table.seriesKey,
    seriesBase: table.seriesBase,
    seriesA: table.seriesA,
    seriesB: table.seriesB,
    seriesPhi: table.seriesPhi,
    seriesStart: table.seriesStart,
    seriesSpread: table.seriesSpread,
    seriesScale: table.seriesScale,
    seriesLo: table.seriesLo,
    seriesHi: table.seriesHi,
    seriesValue: graph.seriesValue,
    seriesSumInto: fused.seriesSumInto,
    seriesSumFirst: fused.seriesSumFirst,
    valueBuffers: graph.buffers,
    ops: fused.ops,
    histograms: histograms.kernel,
    totalBins: histograms.totalBins,
    targets: targets.kernel,
    samplePaths: options.samplePaths,
    sampleSeries: fan.sampleSeries,
  };
  return withRun(
    {
      spec,
      histograms: histograms.compiled,
      series: fan.series,
      targets: targets.compiled,
      years: Array.from({ length: index.years }, (_, k) => plan.baseYear + k + 1),
      fingerprint: "",
    },
    plan,
    options,
  );
}

/**
 * A compiled simulation of `plan` for another number of paths and seed (which only the kernel's
 * `seed` and `totalPaths` and the fingerprint read): runs of one plan with other seeds share its
 * compile. The other options must be those it was compiled with.
 */
export function withRun(
  compiled: CompiledSimulation,
  plan: SimulationPlan,
  options: CompileOptions,
): CompiledSimulation {
  return {
    ...compiled,
    spec: { ...compiled.spec, seed: options.seed, totalPaths: options.paths },
    fingerprint: simulationFingerprint(plan, {
      blockSize: BLOCK_SIZE,
      paths: options.paths,
      seed: options.seed,
      quantiles: options.quantiles,
      series: compiled.series.map((s) => [s.scope, s.indicator] as const),
      samplePaths: options.samplePaths,
    }),
  };
}
