import type { VerdictTargets } from "../backtestOptions.js";
import type { BacktestMetrics, VerdictCount } from "../backtestResult.js";
import { mean } from "./sampleStatistics.js";

/** Met/not-met calls of one model at one horizon (or pooled), one count per verdict rate. */
export interface VerdictTally {
  readonly form: VerdictTargets["form"];
  readonly counts: VerdictCount[];
}

/** A forecast as a verdict needs it: its origin value, its horizon, the forecast and the actual. */
export interface VerdictCall {
  readonly horizon: number;
  readonly originValue: number;
  readonly forecast: number;
  readonly actual: number;
}

/**
 * Relative distance to a verdict target within which a value counts as meeting it: a naive
 * forecast of a 0-growth target equals the target up to the rounding of `exp(log y)` (a few
 * ulps, ~1e-15 relative), which must not decide the call; real misses are far larger.
 */
const TIE_TOLERANCE = 1e-9;

/** An empty tally for the given verdict targets. */
export function newVerdictTally(verdict: VerdictTargets): VerdictTally {
  return {
    form: verdict.form,
    counts: verdict.rates.map((rate) => ({ rate, n: 0, hits: 0, calledMet: 0, actualMet: 0 })),
  };
}

/**
 * Judges one forecast against the target of every rate (`y_o · (1 + r)^h` for growth,
 * `y_o + r·h` for change; see `VerdictTargets`) and counts the calls (mutates the tally).
 */
export function addVerdicts(tally: VerdictTally, call: VerdictCall): void {
  for (const v of tally.counts) {
    const threshold =
      tally.form === "growth"
        ? call.originValue * (1 + v.rate) ** call.horizon
        : call.originValue + v.rate * call.horizon;
    const floor = threshold - TIE_TOLERANCE * Math.abs(threshold);
    const called = call.forecast >= floor;
    const actual = call.actual >= floor;
    v.n++;
    if (called === actual) v.hits++;
    if (called) v.calledMet++;
    if (actual) v.actualMet++;
  }
}

/** Adds the counts of `from` to those of `into`, rate by rate (mutates `into`). */
export function mergeVerdictTally(into: VerdictTally, from: VerdictTally): void {
  from.counts.forEach((v, k) => {
    const m = into.counts[k] as VerdictCount;
    m.n += v.n;
    m.hits += v.hits;
    m.calledMet += v.calledMet;
    m.actualMet += v.actualMet;
  });
}

/**
 * The verdict metrics of a tally: calls judged, hit rate pooled over the rates, balanced hit rate
 * (`(TP/P + TN/N) / 2` per rate where both outcomes occurred, then the mean; see
 * `BacktestMetrics`), and a copy of the counts.
 */
export function summariseVerdicts(
  tally: VerdictTally,
): Pick<BacktestMetrics, "nVerdicts" | "hitRate" | "balancedHitRate" | "verdicts"> {
  let verdictN = 0;
  let hits = 0;
  const balanced: number[] = [];
  for (const v of tally.counts) {
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
    nVerdicts: verdictN,
    hitRate: verdictN === 0 ? null : hits / verdictN,
    balancedHitRate: mean(balanced),
    verdicts: tally.counts.map((v) => ({ ...v })),
  };
}
