import { checkArrayOf, checkNumber, checkObject, checkString } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { layoutOf, summariseSimulation } from "./internal/summariseSimulation.js";
import type {
  SimulationHistogramState,
  SimulationResult,
  SimulationSample,
  SimulationState,
} from "./simulationResult.js";

function mergeHistograms(parts: readonly SimulationHistogramState[]): SimulationHistogramState {
  const first = parts[0]!;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of parts)
    if (p.counts.length > 0) {
      lo = Math.min(lo, p.offset);
      hi = Math.max(hi, p.offset + p.counts.length);
    }
  const counts = lo > hi ? [] : new Array<number>(hi - lo).fill(0);
  let under = 0;
  let over = 0;
  let invalid = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of parts) {
    for (let j = 0; j < p.counts.length; j++) {
      const k = p.offset - lo + j;
      counts[k] = counts[k]! + p.counts[j]!;
    }
    under += p.under;
    over += p.over;
    invalid += p.invalid;
    min = Math.min(min, p.min);
    max = Math.max(max, p.max);
  }
  // Trim bins that are zero in every part (as a single run stores them).
  let a = 0;
  let b = counts.length;
  while (a < b && counts[a] === 0) a++;
  while (b > a && counts[b - 1] === 0) b--;
  return {
    scale: first.scale,
    bounds: first.bounds,
    gridLo: first.gridLo,
    binWidth: first.binWidth,
    bins: first.bins,
    offset: a === b ? 0 : lo + a,
    counts: counts.slice(a, b),
    under,
    over,
    invalid,
    min,
    max,
  };
}

/**
 * Merges results of disjoint, adjacent block ranges of one simulation (same plan, seed, paths
 * and options, e.g. run by several processes with the `blocks` option of {@link simulate}) into
 * the result of their union. The state is integer counts and exact extremes, and summaries are
 * derived from it the same way as in `simulate`, so merging the ranges of a whole run gives the
 * single-run result exactly (bit for bit). Parts may come in any order; they are merged in block
 * order. Sampled paths are concatenated in block order.
 *
 * @throws {ArgumentTypeError} `mergeSimulationResults: results must be an array of simulation
 *   results (got …)`; `mergeSimulationResults: results[1].blocks must be an object with from and
 *   to (got …)` and the like for an item that is not a result of `simulate`.
 * @throws {ArgumentRangeError} `mergeSimulationResults: no results to merge`,
 *   `mergeSimulationResults: results come from different simulations (fingerprint A ≠ B)`, or
 *   `mergeSimulationResults: block ranges must be adjacent and disjoint (… then …)`.
 * @example
 * const plan: SimulationPlan = {
 *   baseYear: 2020, years: 2, places: ["a"], groups: [], targets: [],
 *   indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0.3, rho: 0 }],
 *   baseline: [[[Math.log(105), Math.log(110)]]], sigma: [[0.05]],
 * };
 * const a = await simulate(plan, { paths: 10_000, seed: 7, workers: 0, blocks: { from: 0, to: 4 } });
 * const b = await simulate(plan, { paths: 10_000, seed: 7, workers: 0, blocks: { from: 4, to: 10 } });
 * const whole = await simulate(plan, { paths: 10_000, seed: 7, workers: 0 });
 * JSON.stringify(mergeSimulationResults([b, a])) === JSON.stringify(whole); // true
 */
export function mergeSimulationResults(results: readonly SimulationResult[]): SimulationResult {
  checkResults(results);
  if (results.length === 0)
    throw new ArgumentRangeError("mergeSimulationResults: no results to merge", {
      code: "out-of-range",
      path: "results",
    });
  const parts = [...results].sort((x, y) => x.blocks.from - y.blocks.from);
  const first = parts[0]!;
  for (const p of parts)
    if (p.fingerprint !== first.fingerprint)
      throw new ArgumentRangeError(
        `mergeSimulationResults: results come from different simulations (fingerprint ${first.fingerprint} ≠ ${p.fingerprint})`,
        { code: "out-of-range", path: "results" },
      );
  for (let k = 1; k < parts.length; k++) {
    const prev = parts[k - 1]!.blocks;
    const next = parts[k]!.blocks;
    if (next.from !== prev.to)
      throw new ArgumentRangeError(
        `mergeSimulationResults: block ranges must be adjacent and disjoint ([${prev.from}, ${prev.to}) then [${next.from}, ${next.to}))`,
        { code: "out-of-range", path: "results" },
      );
  }
  if (parts.length === 1) return first;
  const nHist = first.state.histograms.length;
  const state: SimulationState = {
    met: first.state.met.map((_, k) => parts.reduce((s, p) => s + p.state.met[k]!, 0)),
    firstYear: first.state.firstYear.map((row, k) =>
      row.map((_, j) => parts.reduce((s, p) => s + p.state.firstYear[k]![j]!, 0)),
    ),
    histograms: Array.from({ length: nHist }, (_, h) =>
      mergeHistograms(parts.map((p) => p.state.histograms[h]!)),
    ),
  };
  const paths = parts.reduce((s, p) => s + p.paths, 0);
  const { targets, series } = summariseSimulation(layoutOf(first), state, paths);
  const samples: SimulationSample[] = first.samples.map((s, j) => ({
    scope: s.scope,
    indicator: s.indicator,
    paths: parts.flatMap((p) => p.samples[j]?.paths ?? []),
  }));
  return {
    engine: first.engine,
    seed: first.seed,
    totalPaths: first.totalPaths,
    paths,
    blocks: { from: first.blocks.from, to: parts[parts.length - 1]!.blocks.to },
    fingerprint: first.fingerprint,
    baseYear: first.baseYear,
    years: first.years,
    quantiles: first.quantiles,
    targets,
    series,
    samplePaths: first.samplePaths,
    samples,
    state,
  };
}

/** The shape of each result that merging reads; anything else is an `ArgumentTypeError`. */
function checkResults(results: unknown): void {
  const fn = "mergeSimulationResults";
  checkArrayOf(
    fn,
    "results",
    results,
    (at, r) => {
      const o = checkObject(fn, at, r, "a result of simulate");
      checkString(fn, `${at}.fingerprint`, o.fingerprint);
      const blocks = checkObject(fn, `${at}.blocks`, o.blocks, "an object with from and to");
      checkNumber(fn, `${at}.blocks.from`, blocks.from, { integer: true, min: 0 });
      checkNumber(fn, `${at}.blocks.to`, blocks.to, { integer: true, min: 0 });
      checkNumber(fn, `${at}.paths`, o.paths, { integer: true, min: 0 });
      const state = checkObject(fn, `${at}.state`, o.state, "a simulation state");
      for (const key of ["met", "firstYear", "histograms"])
        checkArrayOf(fn, `${at}.state.${key}`, state[key], (_, v) => v);
      checkArrayOf(fn, `${at}.samples`, o.samples, (_, v) => v);
      return o;
    },
    "an array of simulation results",
  );
}
