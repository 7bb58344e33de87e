import { FORMULA_OP } from "../../internal/formulaProgram.js";

/**
 * The numeric codes of the Monte Carlo kernel, named once for the compiler and the kernel.
 *
 * The kernel's functions are shipped to worker threads as source text, so they cannot import
 * these constants: they receive {@link KERNEL_CODES} as data (the worker's copy is serialised
 * into its source) and read the codes they dispatch on into locals before any loop. The codes
 * are compared once per series, op, histogram or condition and year, never per path.
 */

/** What a kernel op computes on the per-path value buffers (see `KernelOp`). */
export const OP = {
  /** out = Σ inputs (a group sum). */
  sum: 0,
  /** out = scale · num / den (a group ratio or a share measure). */
  ratio: 1,
  /** out = Σ w·v / Σ w (a weighted mean). */
  weightedMean: 2,
  /** out += input from year fromT on (a cumulative sum). */
  cumulative: 3,
  /** out = a derived indicator's formula of inputs (a compiled formula program). */
  formula: 4,
} as const;

/** The modelling scale of a series: its value is exp(x), a logistic of x on (lo, hi), or x. */
export const SERIES_SCALE = { log: 0, logit: 1, linear: 2 } as const;

/** The transform of a value before a histogram counts it: identity, log, or logit on (lo, hi). */
export const TRANSFORM = { identity: 0, log: 1, logit: 2 } as const;

/**
 * Where a histogram or a sampled path reads its values: a series' modelling-scale value
 * `baseline + Σe` (the index is a series), or a value buffer (the index is a buffer).
 */
export const SOURCE = { series: 0, buffer: 1 } as const;

/** The comparator of a target condition, keyed by the plan's comparator. */
export const COMPARATOR = { ">=": 0, "<=": 1, about: 2 } as const;

/**
 * The layout of a histogram's extras in `KernelState.extras`: values below and above the grid,
 * invalid values (NaN), and the minimum and maximum, `EXTRA.size` numbers per histogram.
 */
export const EXTRA = { under: 0, over: 1, invalid: 2, min: 3, max: 4, size: 5 } as const;

/** Every code table, as the kernel receives them. */
export const KERNEL_CODES = {
  op: OP,
  /** The instructions of a formula program (`FORMULA_OP`). */
  formula: FORMULA_OP,
  seriesScale: SERIES_SCALE,
  transform: TRANSFORM,
  source: SOURCE,
  comparator: COMPARATOR,
  extra: EXTRA,
} as const;

/** The type of {@link KERNEL_CODES}. */
export type KernelCodes = typeof KERNEL_CODES;

/** A code of one table: `CodeOf<typeof OP>` is 0 | 1 | 2 | 3. */
export type CodeOf<Table> = Table[keyof Table];
