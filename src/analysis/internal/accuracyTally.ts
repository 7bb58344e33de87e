import type { VerdictTargets } from "../backtestOptions.js";
import {
  addVerdicts,
  mergeVerdictTally,
  newVerdictTally,
  type VerdictTally,
} from "./verdictTally.js";

/**
 * The scored forecasts of one model at one horizon (or pooled), kept as plain arrays so that the
 * summary is computed once, with compensated sums, in the order forecasts were added.
 */
export interface AccuracyTally {
  /** Forecast minus actual, original units. */
  readonly errors: number[];
  /** (forecast − actual) / actual, for actuals ≠ 0. */
  readonly relativeErrors: number[];
  /** |forecast − actual| / in-sample naive MAE, where that scale is defined. */
  readonly scaledErrors: number[];
  /** 1 when the actual lies inside the interval, 0 when outside; one entry per forecast with one. */
  readonly covered: number[];
  /** Met/not-met calls, one count per verdict rate. */
  readonly verdicts: VerdictTally;
}

/** An empty tally for the given verdict targets. */
export function newAccuracyTally(verdict: VerdictTargets): AccuracyTally {
  return {
    errors: [],
    relativeErrors: [],
    scaledErrors: [],
    covered: [],
    verdicts: newVerdictTally(verdict),
  };
}

/** One scored forecast, as {@link addForecast} needs it. */
export interface ScoredForecast {
  readonly horizon: number;
  readonly originValue: number;
  readonly actual: number;
  readonly forecast: number;
  readonly lower?: number;
  readonly upper?: number;
  /** In-sample one-step naive MAE of the training window, or null. */
  readonly scale: number | null;
}

/** Adds one forecast to a tally (mutates the tally; it is private to one backtest run). */
export function addForecast(tally: AccuracyTally, f: ScoredForecast): void {
  const error = f.forecast - f.actual;
  tally.errors.push(error);
  if (f.actual !== 0) tally.relativeErrors.push(error / f.actual);
  if (f.scale !== null) tally.scaledErrors.push(Math.abs(error) / f.scale);
  if (f.lower !== undefined && f.upper !== undefined)
    tally.covered.push(f.lower <= f.actual && f.actual <= f.upper ? 1 : 0);
  addVerdicts(tally.verdicts, f);
}

/** Pools several tallies (e.g. every horizon) into a new one, in the order given. */
export function mergeTallies(
  tallies: readonly AccuracyTally[],
  verdict: VerdictTargets,
): AccuracyTally {
  const merged = newAccuracyTally(verdict);
  for (const t of tallies) {
    // Loops rather than push(...xs): a spread of tens of thousands of arguments can overflow the stack.
    for (const x of t.errors) merged.errors.push(x);
    for (const x of t.relativeErrors) merged.relativeErrors.push(x);
    for (const x of t.scaledErrors) merged.scaledErrors.push(x);
    for (const x of t.covered) merged.covered.push(x);
    mergeVerdictTally(merged.verdicts, t.verdicts);
  }
  return merged;
}
