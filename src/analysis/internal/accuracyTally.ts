import { fsum } from "../../internal/fsum.js";
import type { BacktestMetrics, VerdictCount, VerdictTargets } from "../backtest.js";

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
  /** Met/not-met calls, one entry per verdict rate. */
  readonly verdicts: VerdictCount[];
  readonly verdictForm: VerdictTargets["form"];
}

/** An empty tally for the given verdict targets. */
export function newAccuracyTally(verdict: VerdictTargets): AccuracyTally {
  return {
    errors: [],
    relativeErrors: [],
    scaledErrors: [],
    covered: [],
    verdictForm: verdict.form,
    verdicts: verdict.rates.map((rate) => ({
      rate,
      n: 0,
      hits: 0,
      calledMet: 0,
      actualMet: 0,
    })),
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

/**
 * Relative distance to a verdict target within which a value counts as meeting it: a naive
 * forecast of a 0-growth target equals the target up to the rounding of `exp(log y)` (a few
 * ulps, ~1e-15 relative), which must not decide the call; real misses are far larger.
 */
const TIE_TOLERANCE = 1e-9;

/** Adds one forecast to a tally (mutates the tally; it is private to one backtest run). */
export function addForecast(tally: AccuracyTally, f: ScoredForecast): void {
  const error = f.forecast - f.actual;
  tally.errors.push(error);
  if (f.actual !== 0) tally.relativeErrors.push(error / f.actual);
  if (f.scale !== null) tally.scaledErrors.push(Math.abs(error) / f.scale);
  if (f.lower !== undefined && f.upper !== undefined)
    tally.covered.push(f.lower <= f.actual && f.actual <= f.upper ? 1 : 0);
  for (const v of tally.verdicts) {
    const threshold =
      tally.verdictForm === "growth"
        ? f.originValue * (1 + v.rate) ** f.horizon
        : f.originValue + v.rate * f.horizon;
    const floor = threshold - TIE_TOLERANCE * Math.abs(threshold);
    const called = f.forecast >= floor;
    const actual = f.actual >= floor;
    v.n++;
    if (called === actual) v.hits++;
    if (called) v.calledMet++;
    if (actual) v.actualMet++;
  }
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
    t.verdicts.forEach((v, k) => {
      const m = merged.verdicts[k] as VerdictCount;
      m.n += v.n;
      m.hits += v.hits;
      m.calledMet += v.calledMet;
      m.actualMet += v.actualMet;
    });
  }
  return merged;
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : fsum(xs) / xs.length;

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = Float64Array.from(xs).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The metrics of a tally; `horizon` is null for a pooled tally. */
export function summariseTally(tally: AccuracyTally, horizon: number | null): BacktestMetrics {
  const absolute = tally.errors.map(Math.abs);
  const squared = tally.errors.map((e) => e * e);
  const absoluteRelative = tally.relativeErrors.map(Math.abs);
  const meanSquared = mean(squared);
  let verdictN = 0;
  let hits = 0;
  const balanced: number[] = [];
  for (const v of tally.verdicts) {
    verdictN += v.n;
    hits += v.hits;
    // hits = TP + TN and n − hits = FP + FN, with calledMet = TP + FP and actualMet = TP + FN,
    // so 2·TP = calledMet + actualMet − (n − hits).
    const truePositives = (v.calledMet + v.actualMet - (v.n - v.hits)) / 2;
    const trueNegatives = v.hits - truePositives;
    const missed = v.n - v.actualMet;
    if (v.actualMet > 0 && missed > 0)
      balanced.push((truePositives / v.actualMet + trueNegatives / missed) / 2);
  }
  return {
    horizon,
    n: tally.errors.length,
    mae: mean(absolute),
    rmse: meanSquared === null ? null : Math.sqrt(meanSquared),
    nRelative: tally.relativeErrors.length,
    mape: mean(absoluteRelative),
    mdape: median(absoluteRelative),
    mpe: mean(tally.relativeErrors),
    nScaled: tally.scaledErrors.length,
    mase: mean(tally.scaledErrors),
    nInterval: tally.covered.length,
    coverage: mean(tally.covered),
    nVerdicts: verdictN,
    hitRate: verdictN === 0 ? null : hits / verdictN,
    balancedHitRate: mean(balanced),
    verdicts: tally.verdicts.map((v) => ({ ...v })),
  };
}
