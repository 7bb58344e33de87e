/**
 * The arithmetic of the interval calibration (`npm run calibrate-intervals`, and the calibrated
 * coverage tables of `npm run backtest`): the forecast errors of a backtest scaled by the spread
 * the library's shared uncertainty model gives the series, the split-conformal factor by horizon
 * that makes its central interval cover the nominal share of them, and the coverage of a factor
 * on forecasts it did not see.
 *
 * Method: split conformal prediction on absolute scaled residuals (Vovk, Gammerman & Shafer 2005,
 * *Algorithmic Learning in a Random World*, ch. 2; Lei, G'Sell, Rinaldo, Tibshirani & Wasserman
 * 2018, "Distribution-free predictive inference for regression", JASA 113(523), §2.2): with the
 * nonconformity score |u| = |x_actual − x_forecast| / sd_h on the modelling scale, the
 * ⌈(n + 1)·level⌉-th smallest of n scores is the half-width (in units of sd_h) whose interval
 * covers a new exchangeable forecast with probability ≥ level.
 */
import type { BacktestSeries } from "../../src/analysis/backtestOptions.js";
import type { BacktestForecast } from "../../src/analysis/backtestResult.js";
import { normalQuantile } from "../../src/internal/normalQuantile.js";
import { toScale } from "../../src/models/modelScale.js";
import { estimateShockParameters } from "../../src/scenarios/estimateShockParameters.js";
import { FALLBACK_SHOCKS, MIN_STEPS_FOR_SIGMA } from "../../src/scenarios/estimateUncertainty.js";
import { cumulatedShockSd } from "../../src/scenarios/shockInterval.js";

/** The modelling scale of a calibrated indicator. */
export type CalibrationScale = "log" | "logit";

/** The persistence the calibration assumes: the library's default for levels and rates. */
export const CALIBRATION_PHI: number = FALLBACK_SHOCKS.log.phi;

/**
 * The innovation sigma the library's uncertainty model gives a series observed up to `origin`
 * (the last `window` years, within the segment since its last break), as `estimateUncertainty`
 * gives a lone series: its own stationary deviation turned into an innovation scale with
 * {@link CALIBRATION_PHI} when it has at least `MIN_STEPS_FOR_SIGMA` one-year steps, else the
 * default of its scale (`FALLBACK_SHOCKS`).
 */
export function modelSigma(
  series: BacktestSeries,
  origin: number,
  window: number,
  scale: CalibrationScale,
): number {
  const fallback = FALLBACK_SHOCKS[scale].sigma;
  const lastBreak = Math.max(-Infinity, ...(series.breaks ?? []).filter((b) => b <= origin));
  const years: number[] = [];
  const values: number[] = [];
  series.years.forEach((year, k) => {
    if (year <= origin && year > origin - window && year >= lastBreak) {
      years.push(year);
      values.push(series.values[k] as number);
    }
  });
  if (years.length < 2) return fallback;
  try {
    const e = estimateShockParameters([{ id: "s", years, values }], {
      scale,
      bounds: [0, 100],
      minSteps: 1,
    });
    if (e.steps < MIN_STEPS_FOR_SIGMA) return fallback;
    const stationary = e.sigma / Math.sqrt(1 - (e.phi ?? 0) ** 2);
    return stationary * Math.sqrt(1 - CALIBRATION_PHI ** 2);
  } catch {
    return fallback;
  }
}

/**
 * The forecast error on the modelling scale divided by the spread of the shared uncertainty model
 * at its horizon, `(x_actual − x_forecast) / cumulatedShockSd(sigma, phi, h)`; undefined when a
 * value is outside the scale's domain.
 *
 * @example
 * // log scale, sigma 0.05, phi 0, h = 4: sd = 0.05·√4 = 0.1; ln(110/100) / 0.1 = 0.953
 * scaledError({ actual: 110, forecast: 100, horizon: 4 }, 0.05, 0, "log"); // 0.9531…
 */
export function scaledError(
  f: Pick<BacktestForecast, "actual" | "forecast" | "horizon">,
  sigma: number,
  phi: number,
  scale: CalibrationScale,
): number | undefined {
  const sd = cumulatedShockSd(sigma, phi, f.horizon);
  if (!(sd > 0)) return undefined;
  try {
    const u = (toScale(f.actual, scale) - toScale(f.forecast, scale)) / sd;
    return Number.isFinite(u) ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The split-conformal factor of a sample of absolute scaled errors: the ⌈(n + 1)·level⌉-th
 * smallest, divided by the normal quantile z_{(1 + level)/2}, so that `factor × z × sd_h` is the
 * half-width of the calibrated interval at `level`. Undefined for an empty sample; the largest
 * score when ⌈(n + 1)·level⌉ > n.
 *
 * @example
 * // level 0.8, n = 9: ⌈10 · 0.8⌉ = 8th smallest of 1 … 9 is 8; z_0.9 = 1.2816 → 8 / 1.2816 = 6.242
 * conformalFactor([9, 1, 8, 2, 7, 3, 6, 4, 5], 0.8); // 6.242…
 */
export function conformalFactor(scores: readonly number[], level: number): number | undefined {
  if (scores.length === 0) return undefined;
  const sorted = [...scores].sort((a, b) => a - b);
  const k = Math.min(sorted.length, Math.ceil((sorted.length + 1) * level));
  return (sorted[k - 1] as number) / normalQuantile(0.5 + level / 2);
}

/** One scored forecast with its scaled error and the fold (half of the provinces) it is in. */
export interface ScoredError {
  readonly kind: string;
  readonly horizon: number;
  readonly u: number;
  /** 0 or 1: the half of the provinces the series' province falls in. */
  readonly fold: 0 | 1;
  readonly level: "prefecture" | "county";
}

/**
 * The fold of a province: the provinces sorted by code are dealt alternately to folds 0 and 1,
 * so each half holds provinces of every region.
 */
export function provinceFolds(provinces: Iterable<string>): Map<string, 0 | 1> {
  const sorted = [...new Set(provinces)].sort();
  return new Map(sorted.map((p, i) => [p, (i % 2) as 0 | 1]));
}

/**
 * Conformal factors by horizon 1 … `horizons` of one model kind from scored errors (all folds
 * given); a horizon without errors repeats the previous factor (1 for the first).
 */
export function factorsByHorizon(
  errors: readonly Pick<ScoredError, "horizon" | "u">[],
  horizons: number,
  level: number,
): number[] {
  const out: number[] = [];
  for (let h = 1; h <= horizons; h++) {
    const scores = errors.filter((e) => e.horizon === h).map((e) => Math.abs(e.u));
    out.push(conformalFactor(scores, level) ?? out[h - 2] ?? 1);
  }
  return out;
}

/**
 * Coverage by horizon (index h − 1) of the interval `± factor_h · z · sd_h` over the scored
 * errors: the share with |u| ≤ factor_h · z. `null` where a horizon has no error.
 *
 * @example
 * // factor 1 at 80%: |u| ≤ 1.2816 for 0.5 and 1.0, not 2.0: 2 of 3
 * calibratedCoverage([{ horizon: 1, u: 0.5 }, { horizon: 1, u: -1 }, { horizon: 1, u: 2 }], [1], 0.8); // [0.667]
 */
export function calibratedCoverage(
  errors: readonly Pick<ScoredError, "horizon" | "u">[],
  factors: readonly number[],
  level: number,
): (number | null)[] {
  const z = normalQuantile(0.5 + level / 2);
  return factors.map((factor, k) => {
    const at = errors.filter((e) => e.horizon === k + 1);
    if (at.length === 0) return null;
    return at.filter((e) => Math.abs(e.u) <= factor * z).length / at.length;
  });
}

/**
 * Two-fold cross-fitted coverage counts by horizon (index h − 1): the factors fitted on the errors
 * of one half of the provinces (every error of the other fold) scored on the other half, and the
 * other way round; the counts added over both halves. `scoreOn` picks the errors scored (e.g. one
 * level's).
 */
export function crossFittedCounts(
  errors: readonly ScoredError[],
  horizons: number,
  level: number,
  scoreOn: (e: ScoredError) => boolean = () => true,
): { hits: number[]; counts: number[] } {
  const hits = new Array<number>(horizons).fill(0);
  const counts = new Array<number>(horizons).fill(0);
  const z = normalQuantile(0.5 + level / 2);
  for (const fold of [0, 1] as const) {
    const factors = factorsByHorizon(
      errors.filter((e) => e.fold !== fold),
      horizons,
      level,
    );
    for (const e of errors) {
      if (e.fold !== fold || !scoreOn(e)) continue;
      const k = e.horizon - 1;
      if (k < 0 || k >= horizons) continue;
      counts[k] = (counts[k] as number) + 1;
      if (Math.abs(e.u) <= (factors[k] as number) * z) hits[k] = (hits[k] as number) + 1;
    }
  }
  return { hits, counts };
}

/**
 * {@link crossFittedCounts} as shares by horizon (index h − 1), `null` where a horizon has no
 * error.
 *
 * @example
 * // fold 0 holds |u| = 1, 2, 3 at h = 1 and fold 1 holds 1, 2, 3 too: each fold's factor is the
 * // ⌈4 · 0.8⌉ = 4th → largest (3) of the other fold, over z: every error is covered
 * crossFittedCoverage(errors, 1, 0.8); // [1]
 */
export function crossFittedCoverage(
  errors: readonly ScoredError[],
  horizons: number,
  level: number,
  scoreOn: (e: ScoredError) => boolean = () => true,
): (number | null)[] {
  const { hits, counts } = crossFittedCounts(errors, horizons, level, scoreOn);
  return counts.map((n, k) => (n === 0 ? null : (hits[k] as number) / n));
}
