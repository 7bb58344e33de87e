import { BoundedCache } from "../internal/boundedCache.js";
import { checkOptions } from "../internal/checkArgs.js";
import { ArgumentTypeError } from "../internal/errors.js";
import type { SimulationSeriesRef } from "../targets/simulatedCondition.js";
import {
  type CheckedRunOptions,
  checkRunOptions,
  MAX_PATHS,
  MAX_SAMPLES,
} from "./internal/checkRunOptions.js";
import {
  BLOCK_SIZE,
  type CompiledSimulation,
  type CompileOptions,
  compileKernel,
  withRun,
} from "./internal/compileKernel.js";
import { environmentPool } from "./internal/environmentPool.js";
import { plainSimulationState, simulationStateView } from "./internal/simulationState.js";
import { type SummarisableState, summariseSimulation } from "./internal/summariseSimulation.js";
import { type SimulationPlan, SimulationPlanSchema } from "./simulationPlan.js";
import type { SimulationResult, SimulationSample, SimulationState } from "./simulationResult.js";

/**
 * Paths per block (1024): the unit of work, of random streams and of the `blocks` option. A run of
 * `paths` paths has ⌈paths / SIMULATION_BLOCK_SIZE⌉ blocks; block b holds paths b·1024 … .
 */
export const SIMULATION_BLOCK_SIZE: number = BLOCK_SIZE;

/** Most paths one run may have. */
export const MAX_SIMULATION_PATHS: number = MAX_PATHS;
/** Most leading paths a run keeps whole. */
export const MAX_SAMPLE_PATHS: number = MAX_SAMPLES;

/** Progress of a run, reported after every block. */
export interface SimulationProgress {
  /** Paths finished so far, of `totalPaths` (the paths of the run's block range). */
  readonly completedPaths: number;
  readonly totalPaths: number;
  readonly completedBlocks: number;
  readonly totalBlocks: number;
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Number of paths, a positive integer ≤ 10^8. */
  readonly paths: number;
  /** Seed: any safe integer. The same seed gives the same result, bit for bit. */
  readonly seed: number;
  /**
   * Worker threads; default the number of available cores; 0 or 1 runs in the calling thread.
   * Capped at the available cores (`os.availableParallelism()` in Node,
   * `navigator.hardwareConcurrency` in a browser, whose threads are Web Workers) and at 6, so
   * that memory stays bounded (under 200 MB at 100,000 paths) whatever is asked; the result is
   * the same for any number. Where there are neither worker threads nor Web Workers (or a page
   * forbids them) every run is in the calling thread, yielding to the event loop between blocks.
   */
  readonly workers?: number;
  /**
   * Quantile levels, fractions in (0, 1); default `[0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95,
   * 0.975]`, so the 50%, 80%, 90% and 95% central bands exist without options.
   */
  readonly quantiles?: readonly number[];
  /**
   * The (place or group) × indicator fan charts to summarise; default every active place series
   * and every group × indicator that aggregates.
   */
  readonly series?: readonly SimulationSeriesRef[];
  /** Keep the first this many paths whole for plotting (0 … 10,000); default 0. */
  readonly samplePaths?: number;
  /** Cancels the run: the promise rejects with an `AbortError` and the workers are terminated. */
  readonly signal?: AbortSignal;
  /** Called after every block (in the calling thread). */
  readonly onProgress?: (progress: SimulationProgress) => void;
  /**
   * Run only path blocks `from … to − 1` (blocks of 1024 paths, {@link SIMULATION_BLOCK_SIZE}; `to` ≤ ⌈paths / 1024⌉), e.g. in
   * one of several processes; {@link mergeSimulationResults} adds the parts up to the whole run.
   */
  readonly blocks?: { readonly from: number; readonly to: number };
}

/**
 * Compiled simulations of recent plans, by the plan and the options that shape the kernel besides
 * seed and paths: a plan run again (another seed, more paths, the next call of a report) is not
 * compiled again. A compiled simulation is read, never changed, by the runs that share it.
 */
const compiledPlans = new BoundedCache<string, CompiledSimulation>(8);

/** {@link compileKernel} of a parsed plan, from {@link compiledPlans} when compiled before. */
function compiledKernel(plan: SimulationPlan, options: CompileOptions): CompiledSimulation {
  const key = JSON.stringify([
    plan,
    options.quantiles,
    options.series ?? null,
    options.samplePaths,
  ]);
  const known = compiledPlans.get(key);
  if (known !== undefined) return withRun(known, plan, options);
  const compiled = compileKernel(plan, options);
  compiledPlans.set(key, compiled);
  return compiled;
}

/**
 * Runs the Monte Carlo simulation of a compiled scenario ({@link SimulationPlan}) and summarises
 * the ensemble without keeping its paths: per target the probability of attainment, the
 * distribution of the first year met and quantiles of the gap; per (place or group) × indicator ×
 * year the requested quantiles (fan charts); optionally the first paths whole.
 *
 * Engine: paths run in blocks of 1024, each with its own xoshiro128** streams seeded from (seed,
 * block, series) and normals by the ziggurat method (Marsaglia & Tsang 2000); the yearly update
 * is one fused pass per series, its normals and shocks in single precision (four paths to a
 * WebAssembly vector) and its values in doubles. Summaries are fixed-grid histograms (quantile error
 * below one bin, 2^-11 on the log scale: < 0.049% relative) whose counts add up exactly, so the
 * same seed gives bit-identical results for any number of workers, and block ranges run in
 * separate processes merge ({@link mergeSimulationResults}) to the single-run result.
 * See docs/monte-carlo.md.
 *
 * @throws {ArgumentTypeError} `simulate: invalid plan: <path> <message>` when the plan does not
 *   match {@link SimulationPlanSchema}; for an option of the wrong type, naming it:
 *   `simulate: options.paths must be an integer (got the string "1000")`,
 *   `simulate: options.paths must be given: the number of paths, an integer from 1 to 100000000
 *   (got nothing)`, `simulate: options.quantiles[0] must be a fraction in (0, 1) (got …)`,
 *   `simulate: options.signal must be an AbortSignal (got …)`, `simulate: options.wrokers is not
 *   an option; did you mean workers? (…)`.
 * @throws {ArgumentRangeError} `simulate: paths must be a positive integer ≤ 100000000 (got X)`,
 *   `simulate: seed must be a safe integer (got X)`, `simulate: workers must be a non-negative
 *   integer (got X)`, `simulate: quantiles must be a non-empty list (got an empty array)`,
 *   `simulate: quantiles must be fractions in (0, 1) (got X)`,
 *   `simulate: samplePaths must be an integer in [0, 10000] (got X)`, `simulate: blocks must
 *   satisfy 0 ≤ from < to ≤ N (got …)`, or `simulate: …` for a plan that contradicts itself
 *   (an unknown place, a baseline of the wrong length, a measure of an inactive series).
 * @throws {DOMException} an `AbortError` with the message `simulate: the run was aborted` (its
 *   `cause` the signal's reason) when `signal` aborts the run. All errors come as rejections.
 * @example
 * const plan: SimulationPlan = {
 *   baseYear: 2020, years: 1, places: ["a"], groups: [],
 *   indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 }],
 *   baseline: [[[Math.log(100)]]], sigma: [[0.1]],
 *   targets: [{ id: "gdp-100", year: 2021, conditions: [
 *     { measure: { kind: "value", scope: "a", indicator: "gdp" }, comparator: ">=", threshold: 100 },
 *   ] }],
 * };
 * const result = await simulate(plan, { paths: 100_000, seed: 1, workers: 0 });
 * result.targets[0].probability; // 0.49909 (≈ 0.5: the median of the level is 100)
 */
export async function simulate(
  plan: SimulationPlan,
  options: SimulateOptions,
): Promise<SimulationResult> {
  const { paths, seed, workers, quantiles, samplePaths, from, to, ...run } = checkSimulateOptions(
    options,
    "simulate",
  );
  // Where the blocks run: Node's worker threads, Web Workers, or the calling thread
  // (environmentPool.ts).
  const pool = await environmentPool();
  // Threads start while the plan is checked and compiled.
  pool.prepare?.(Math.min(workers, to - from));
  const parsed = SimulationPlanSchema.safeParse(plan);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.join(".") ?? "";
    throw new ArgumentTypeError(
      `simulate: invalid plan: ${at === "" ? "" : `${at} `}${issue?.message ?? ""}`.trim(),
      {
        code: plan === undefined ? "missing-argument" : "invalid-type",
        path: "plan",
      },
    );
  }
  const compiled = compiledKernel(parsed.data, {
    paths,
    seed,
    quantiles,
    series: run.series,
    samplePaths,
  });

  const rangePaths = Math.min(paths, to * SIMULATION_BLOCK_SIZE) - from * SIMULATION_BLOCK_SIZE;
  const samples = new Map<number, Float64Array>();
  let completedPaths = 0;
  let completedBlocks = 0;
  const kernelState = await pool.run(compiled.spec, from, to, {
    workers,
    signal: run.signal,
    onBlock: (out) => {
      if (out.sample !== null) samples.set(out.block, out.sample);
      completedPaths += out.paths;
      completedBlocks++;
      run.onProgress?.({
        completedPaths,
        totalPaths: rangePaths,
        completedBlocks,
        totalBlocks: to - from,
      });
    },
  });
  // Summarised on the kernel's arrays; the plain-data state is built when first read (below).
  const view = simulationStateView(compiled, kernelState);
  const layout = {
    years: compiled.years,
    quantiles: [...quantiles],
    series: compiled.series.map(({ scope, indicator, kind }) => ({ scope, indicator, kind })),
    targets: compiled.targets.map((t) => ({
      id: t.id,
      year: t.year,
      evaluatedYear: t.evaluatedYear,
      windowYears: t.windowYears,
      thresholds: t.conditions.map((c) => c.threshold),
    })),
  };
  const { targets, series } = summariseSimulation(layout, view, rangePaths, rangePaths);
  const result: Omit<SimulationResult, "state"> = {
    engine: { name: "regionsim-mc", version: 1, blockSize: SIMULATION_BLOCK_SIZE },
    seed,
    totalPaths: paths,
    paths: rangePaths,
    blocks: { from, to },
    fingerprint: compiled.fingerprint,
    baseYear: parsed.data.baseYear,
    years: compiled.years,
    quantiles: layout.quantiles,
    targets,
    series,
    samplePaths,
    samples: assembleSamples(compiled, samples, from, to),
  };
  // The state's counts as plain arrays (hundreds of thousands of numbers) only once read: by
  // mergeSimulationResults, JSON.stringify or a structured clone (all read enumerable getters),
  // since most callers read only the summaries. Built once, the same object on every read; the
  // view (and the kernel's whole count array behind it) is let go then. Assigning a value, or
  // defining the property anew, replaces the accessor by a plain data property.
  let pending: SummarisableState | undefined = view;
  let state: SimulationState | undefined;
  const become = (value: unknown): void => {
    Object.defineProperty(result, "state", {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  };
  return Object.defineProperty(result, "state", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (state === undefined) {
        state = plainSimulationState(pending!);
        pending = undefined;
      }
      return state;
    },
    set: become,
  }) as SimulationResult;
}

/** Sampled paths per fan-chart series, in path order, from the blocks' sample buffers. */
function assembleSamples(
  compiled: CompiledSimulation,
  samples: Map<number, Float64Array>,
  from: number,
  to: number,
): SimulationSample[] {
  const T = compiled.spec.years;
  const nSeries = compiled.series.length;
  const out = compiled.series.map((s) => ({
    scope: s.scope,
    indicator: s.indicator,
    paths: [] as number[][],
  }));
  for (let block = from; block < to; block++) {
    const sample = samples.get(block);
    if (sample === undefined) continue;
    const count = sample.length / (nSeries * T);
    for (let n = 0; n < count; n++)
      for (let j = 0; j < nSeries; j++) {
        const start = (n * nSeries + j) * T;
        out[j]!.paths.push(Array.from(sample.subarray(start, start + T)));
      }
  }
  return compiled.spec.samplePaths === 0 ? [] : out;
}

/** The option keys of {@link simulate}. */
const SIMULATE_OPTIONS = [
  "paths",
  "seed",
  "workers",
  "quantiles",
  "series",
  "samplePaths",
  "signal",
  "onProgress",
  "blocks",
];

/**
 * Checks the options of {@link simulate} and fills their defaults (`workers` capped at the
 * available cores and 6); throws the errors `simulate` documents, starting with `fn`. Exported
 * for callers that decide not to run a simulation (nothing to simulate) but must still reject
 * bad options, and for `simulatePack`, whose messages name `options.paths` where `simulate`'s
 * out-of-range messages say `paths`.
 */
export function checkSimulateOptions(
  options: unknown,
  fn = "simulate",
  known: readonly string[] = SIMULATE_OPTIONS,
): CheckedRunOptions {
  const o = checkOptions(fn, "options", options, known);
  return checkRunOptions(fn, o, fn === "simulate" ? "" : "options.");
}
