/**
 * An input of a sensitivity analysis ({@link oneAtATime}, {@link morrisScreening},
 * {@link sobolIndices}): its name and its range, taken as uniform from `min` to `max` (both
 * finite, `min < max`), in the units the model takes it (a growth rate as a fraction: 0.055 is
 * 5.5% a year).
 */
export interface SensitivityParameter {
  /** The key under which the model receives the value; names are unique within an analysis. */
  readonly name: string;
  /** Lowest value. */
  readonly min: number;
  /** Highest value, above `min`. */
  readonly max: number;
}

/** The values of one run of a sensitivity analysis, keyed by parameter name. */
export type ParameterValues = Readonly<Record<string, number>>;

/**
 * The model a sensitivity analysis runs: it receives one value per parameter, keyed by name (a
 * fresh object each run, as SALib's `problem["names"]` order gives them), and returns a finite
 * number, or a promise of one. Runs are independent: an analysis may start several promised runs
 * at once (see the `concurrency` option).
 */
export type SensitivityFunction = (values: ParameterValues) => number | PromiseLike<number>;
