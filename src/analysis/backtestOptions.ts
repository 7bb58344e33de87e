import type { FitOptions, Series } from "../models/types.js";

/** A series to backtest: an annual {@link Series} with an identifier (e.g. a place code). */
export interface BacktestSeries extends Series {
  readonly id: string;
}

/** A model spec as {@link fitModel} takes it, e.g. `{ kind: "holt", damped: true }`. */
export type BacktestSpec = { readonly kind: string } & Readonly<Record<string, unknown>>;

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /**
   * Forecast origins: the last year of data each model is fitted on. A series is used at an
   * origin only if it has an observation in that year.
   */
  readonly origins: readonly number[];
  /** Longest horizon, in years: forecasts are scored 1 … `horizon` years after each origin. */
  readonly horizon: number;
  /** Coverage of the prediction interval whose hit rate is measured, as a fraction; default 0.8. */
  readonly level?: number;
  /** The synthetic plan-style targets of the verdict hit rate; default {@link DEFAULT_VERDICT}. */
  readonly verdict?: VerdictTargets;
  /** Passed to {@link fitModel} for every fit (modelling scale and bounds); default log scale. */
  readonly fit?: FitOptions;
  /**
   * What each model is fitted on: `"history"` (default) every observation up to the origin, the
   * series' breaks passed on so that the model handles them; `"segment"` only the observations
   * since the last break at or before the origin.
   */
  readonly training?: "history" | "segment";
  /** Fit on at most the last `trainingYears` years up to the origin (inclusive); default all. */
  readonly trainingYears?: number;
  /** Return every scored forecast in `forecasts` (default false: summaries only). */
  readonly keepForecasts?: boolean;
  /**
   * Give every fit a panel (`fitModel`'s `panel` option): the summary (`preparePanel`) of the
   * training windows of every **other** series observed at the same origin — data up to the
   * origin only, the series itself left out. Default false. Models that ignore a panel are
   * unchanged by it.
   */
  readonly panel?: boolean;
}

/**
 * Synthetic plan-style targets for the verdict hit rate, one per rate: from an origin `o` with
 * value `y_o`, the target for year `o + h` is `y_o · (1 + rate)^h` when `form` is `"growth"`
 * (rate a fraction a year: "GDP grows 8% a year") and `y_o + rate · h` when it is `"change"`
 * (rate in the series' units a year, e.g. percentage points: "the share rises 1 point a year").
 * Every target is "at least": met when the value is ≥ the target.
 */
export interface VerdictTargets {
  readonly form: "growth" | "change";
  readonly rates: readonly number[];
}

/** The default verdict targets: growth of 5%, 7.5%, 10% and 12.5% a year (nominal GDP-like). */
export const DEFAULT_VERDICT: VerdictTargets = { form: "growth", rates: [0.05, 0.075, 0.1, 0.125] };
