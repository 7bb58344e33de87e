// The checks of a simulation run's options, shared by `simulate` and `simulatePack` (STYLE.md
// §4): a value of the wrong type is an ArgumentTypeError naming `options.<key>`; a number out of
// range an ArgumentRangeError with the engine's long-standing wording.

import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkPresent,
  checkString,
} from "../../internal/checkArgs.js";
import { describeValue } from "../../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../internal/errors.js";
import type { SimulationSeriesRef } from "../../targets/simulatedCondition.js";
import type { SimulationProgress } from "../simulate.js";
import { BLOCK_SIZE } from "./compileKernel.js";

/** Most paths one run may have. */
export const MAX_PATHS = 100_000_000;
/** Most leading paths a run keeps whole. */
export const MAX_SAMPLES = 10_000;
/**
 * Most worker threads a run starts, whatever `workers` asks for (and the default): each thread
 * holds its own
 * kernel (about 11 MB measured), so more threads than cores only cost memory, and 6 keep a
 * run of 100,000 paths under 200 MB (183 MB peak RSS measured with 6 threads).
 */
export const MAX_WORKERS = 6;

const DEFAULT_QUANTILES = [0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975] as const;

/** The run options after their checks, defaults filled. */
export interface CheckedRunOptions {
  readonly paths: number;
  readonly seed: number;
  /**
   * Threads to use: the option (default {@link MAX_WORKERS}), capped at {@link MAX_WORKERS}; the
   * pool caps it at the cores it has.
   */
  readonly workers: number;
  readonly quantiles: readonly number[];
  readonly samplePaths: number;
  readonly from: number;
  readonly to: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: SimulationProgress) => void) | undefined;
  readonly series: readonly SimulationSeriesRef[] | undefined;
}

/** The worker threads a run asks its pool for when `requested` are asked for. */
export function cappedWorkers(requested: number): number {
  return Math.min(requested, MAX_WORKERS);
}

/**
 * Checks the options of a run (already known to be an object). `prefix` is put before a key in
 * the messages of out-of-range values: `""` for `simulate` (`simulate: paths must be …`, as it
 * always said), `"options."` for `simulatePack`.
 */
export function checkRunOptions(
  fn: string,
  o: Readonly<Record<string, unknown>>,
  prefix: string,
): CheckedRunOptions {
  const at = (key: string): string => `options.${key}`;
  const range = (key: string, expected: string, got: string): never => {
    throw new ArgumentRangeError(`${fn}: ${prefix}${key} must ${expected} (got ${got})`, {
      code: "out-of-range",
      path: at(key),
    });
  };
  const integer = (key: string, value: unknown): number => {
    if (typeof value !== "number") checkNumber(fn, at(key), value, { integer: true });
    return value as number;
  };

  checkPresent(
    fn,
    at("paths"),
    o.paths,
    `given: the number of paths, an integer from 1 to ${MAX_PATHS}`,
  );
  const paths = integer("paths", o.paths);
  if (!(Number.isInteger(paths) && paths >= 1 && paths <= MAX_PATHS))
    range("paths", `be a positive integer ≤ ${MAX_PATHS}`, String(paths));
  checkPresent(fn, at("seed"), o.seed, "given: the seed, a safe integer");
  const seed = integer("seed", o.seed);
  if (!Number.isSafeInteger(seed)) range("seed", "be a safe integer", String(seed));
  const requested = o.workers === undefined ? MAX_WORKERS : integer("workers", o.workers);
  if (!(Number.isInteger(requested) && requested >= 0))
    range("workers", "be a non-negative integer", String(requested));

  let quantiles: readonly number[] = DEFAULT_QUANTILES;
  if (o.quantiles !== undefined) {
    quantiles = checkArrayOf(
      fn,
      at("quantiles"),
      o.quantiles,
      (path, q) => checkNumber(fn, path, q, { infinite: true, expected: "a fraction in (0, 1)" }),
      "a non-empty list of fractions in (0, 1)",
    );
    if (quantiles.length === 0) range("quantiles", "be a non-empty list", "an empty array");
    for (const q of quantiles)
      if (!(q > 0 && q < 1)) range("quantiles", "be fractions in (0, 1)", String(q));
  }
  const samplePaths = o.samplePaths === undefined ? 0 : integer("samplePaths", o.samplePaths);
  if (!(Number.isInteger(samplePaths) && samplePaths >= 0 && samplePaths <= MAX_SAMPLES))
    range("samplePaths", `be an integer in [0, ${MAX_SAMPLES}]`, String(samplePaths));

  const totalBlocks = Math.ceil(paths / BLOCK_SIZE);
  let from = 0;
  let to = totalBlocks;
  if (o.blocks !== undefined) {
    const b = checkObject(fn, at("blocks"), o.blocks, "an object { from, to }");
    from = b.from === undefined ? 0 : integer("blocks.from", b.from);
    to = b.to === undefined ? totalBlocks : integer("blocks.to", b.to);
  }
  if (
    !(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= totalBlocks)
  )
    range("blocks", `satisfy 0 ≤ from < to ≤ ${totalBlocks}`, `{ from: ${from}, to: ${to} }`);

  if (o.signal !== undefined && !(o.signal instanceof AbortSignal))
    throw new ArgumentTypeError(
      `${fn}: options.signal must be an AbortSignal (got ${describeValue(o.signal)})`,
      { code: "invalid-type", path: at("signal") },
    );
  if (o.onProgress !== undefined && typeof o.onProgress !== "function")
    throw new ArgumentTypeError(
      `${fn}: options.onProgress must be a function (got ${describeValue(o.onProgress)})`,
      { code: "invalid-type", path: at("onProgress") },
    );
  const series =
    o.series === undefined
      ? undefined
      : checkArrayOf(fn, at("series"), o.series, (path, ref) => {
          const r = checkObject(fn, path, ref, "an object { scope, indicator }");
          return {
            scope: checkString(fn, `${path}.scope`, r.scope, { nonEmpty: true }),
            indicator: checkString(fn, `${path}.indicator`, r.indicator, { nonEmpty: true }),
          };
        });
  return {
    paths,
    seed,
    workers: cappedWorkers(requested),
    quantiles,
    samplePaths,
    from,
    to,
    signal: o.signal as AbortSignal | undefined,
    onProgress: o.onProgress as ((progress: SimulationProgress) => void) | undefined,
    series,
  };
}
