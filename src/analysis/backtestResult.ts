import type { BacktestSpec, VerdictTargets } from "./backtestOptions.js";

/** Met/not-met calls against the targets of one rate (see {@link VerdictTargets}). */
export interface VerdictCount {
  /** The target's rate: a fraction a year (`growth`) or units a year (`change`). */
  rate: number;
  /** Forecasts judged. */
  n: number;
  /** Calls that agreed with what happened. */
  hits: number;
  /** Forecasts that said the target would be met. */
  calledMet: number;
  /** Forecasts whose actual met the target (the base rate). */
  actualMet: number;
}

/**
 * Accuracy of one model at one horizon, or pooled over every horizon (`horizon: null`). Every
 * mean is over the forecasts it names in its count; a metric with no forecast is `null`.
 * Errors are forecast − actual on the original scale.
 */
export interface BacktestMetrics {
  readonly horizon: number | null;
  /** Forecasts scored. */
  readonly n: number;
  /** Mean absolute error, original units (comparable only across series in the same units and size). */
  readonly mae: number | null;
  /** Root mean squared error, original units. */
  readonly rmse: number | null;
  /** Forecasts with a non-zero actual (the base of `mape`, `mdape`, `mpe`). */
  readonly nRelative: number;
  /** Mean absolute percentage error as a fraction: mean |ŷ − y| / |y| (0.05 = 5%). */
  readonly mape: number | null;
  /** Median absolute percentage error as a fraction. */
  readonly mdape: number | null;
  /** Mean percentage error (bias) as a fraction: mean (ŷ − y) / y; positive = too high. */
  readonly mpe: number | null;
  /** Forecasts whose training window has a defined naive scale (the base of `mase`). */
  readonly nScaled: number;
  /** Mean absolute scaled error: mean |ŷ − y| / (in-sample one-step naive MAE of the training window). */
  readonly mase: number | null;
  /** Forecasts that came with a prediction interval. */
  readonly nInterval: number;
  /** Share of those intervals that contained the actual. */
  readonly coverage: number | null;
  /** Verdicts judged: forecasts × verdict rates. */
  readonly nVerdicts: number;
  /** Share of met/not-met calls that agreed with what happened, pooled over the verdict rates. */
  readonly hitRate: number | null;
  /**
   * Balanced hit rate: for each verdict rate, the mean of the share of met targets called "met"
   * and the share of missed targets called "not met", `(TP/P + TN/N) / 2`; then the mean over the
   * rates where both occurred. A call that does not depend on the forecast (always "met", always
   * "not met") scores 0.5 whatever the base rate; null when no rate saw both outcomes.
   */
  readonly balancedHitRate: number | null;
  /** The calls by rate of the target. */
  readonly verdicts: readonly VerdictCount[];
}

/** One scored forecast (returned when `keepForecasts` is set). */
export interface BacktestForecast {
  readonly series: string;
  readonly origin: number;
  readonly horizon: number;
  /** Target year: `origin + horizon`. */
  readonly year: number;
  readonly actual: number;
  readonly forecast: number;
  readonly lower?: number;
  readonly upper?: number;
  /** Kind of the model actually fitted (after any fallback or automatic selection). */
  readonly kind: string;
  readonly fallback: boolean;
}

/** Counts of something by name, most frequent first. */
export interface NamedCount {
  readonly name: string;
  readonly count: number;
}

/** A failure message, how often it occurred and where first (series order, then origin order). */
export interface BacktestFailure extends NamedCount {
  readonly first: { readonly series: string; readonly origin: number };
}

/** The backtest of one model spec. */
export interface BacktestModelResult {
  readonly spec: BacktestSpec;
  /** `kind(field=value,…)`, e.g. `trend(form=loglinear)`. */
  readonly label: string;
  /** (series, origin) pairs the model was fitted on. */
  readonly fits: number;
  /** Fits where the model fell back to a simpler one (the fitted model's `fallback` was set). */
  readonly fallbacks: number;
  /** Fits that threw, or whose projection was not finite; none of their forecasts is scored. */
  readonly failures: number;
  readonly failureMessages: readonly BacktestFailure[];
  /** Kinds actually fitted (differs from the spec's after a fallback or automatic selection). */
  readonly fittedKinds: readonly NamedCount[];
  /** Metrics at horizons 1 … `horizon`. */
  readonly byHorizon: readonly BacktestMetrics[];
  /** Metrics pooled over every horizon. */
  readonly overall: BacktestMetrics;
  readonly forecasts?: readonly BacktestForecast[];
}

/** Result of {@link backtest}: plain data, the same for the same input. */
export interface BacktestResult {
  readonly origins: readonly number[];
  readonly horizon: number;
  readonly level: number;
  readonly verdict: VerdictTargets;
  readonly training: "history" | "segment";
  readonly trainingYears: number | null;
  /** Number of series given. */
  readonly seriesCount: number;
  /** (series, origin) pairs with at least one scorable horizon: each model is fitted on each. */
  readonly pairs: number;
  /** One entry per spec, in the order given. */
  readonly models: readonly BacktestModelResult[];
}
