import { fitModel } from "../models/fitModel.js";
import { isModelKind, modelDeclarations } from "../models/modelRegistry.js";
import { projectModel } from "../models/projectModel.js";
import type { FitOptions, FittedModel, ModelProjection, Series } from "../models/types.js";
import {
  type AccuracyTally,
  addForecast,
  mergeTallies,
  newAccuracyTally,
  summariseTally,
} from "./internal/accuracyTally.js";
import { naiveMae } from "./internal/naiveMae.js";
import { specLabel } from "./internal/specLabel.js";

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

/** Everything about one (series, origin) pair that does not depend on the model. */
interface Pair {
  readonly id: string;
  readonly origin: number;
  readonly originValue: number;
  readonly training: Series;
  /** In-sample one-step naive MAE of the training window (null when undefined). */
  readonly scale: number | null;
  /** Horizons whose target year is observed and on the same basis as the origin. */
  readonly horizons: readonly number[];
  /** Actual value at each of `horizons`. */
  readonly actuals: readonly number[];
}

/**
 * Rolling-origin evaluation of projection models over many series (Tashman 2000, "Out-of-sample
 * tests of forecasting accuracy", IJF 16(4); Hyndman & Athanasopoulos, *Forecasting: Principles
 * and Practice*, 3rd ed., §5.10 "time series cross-validation").
 *
 * For each series and each origin year `o` observed in it, every spec is fitted with
 * {@link fitModel} on the observations up to `o` (see `training`, `trainingYears`), projected
 * with {@link projectModel} to `o + horizon` with a `level` interval, and each forecast for a
 * year `o + h` (h = 1 … `horizon`) is compared with the observation of that year. A forecast is
 * scored only when that year is observed and **no series break lies in `(o, o + h]`**: levels
 * before and after a break are on different bases, so such a comparison measures the revision,
 * not the model. Metrics, per model and horizon and pooled: MAE, RMSE, MAPE, MdAPE, MPE (bias),
 * MASE (errors scaled by the in-sample one-step naive MAE of the training window, pairs of
 * consecutive years within one segment only; Hyndman & Koehler 2006), coverage of the interval
 * where the model gives one, and the verdict hit rate.
 *
 * **Verdict hit rate.** For a scored forecast from origin `o` with value `y_o`, horizon `h` and
 * each rate `r` of `verdict`, the synthetic plan-style target is `τ = y_o · (1 + r)^h` ("the
 * origin level grown at r a year", reached by year `o + h`; with `form: "change"`,
 * `τ = y_o + r·h`). The call made `h` years ahead is *met* when the forecast is ≥ τ; what
 * happened is *met* when the actual is ≥ τ. The hit rate is the share of (forecast, r) calls that
 * agree; equivalently, how often the growth the model implies and the growth realised fall on the
 * same side of `r`. `verdicts` gives the counts by `r`, with the base rate `actualMet` to judge
 * them against (a model that always calls "met" scores `actualMet / n`), and `balancedHitRate`
 * corrects for that base rate. A forecast or an actual within a relative 1e-9 of the target
 * counts as meeting it, so that rounding in the modelling transform (`exp(log y)`) cannot turn a
 * tie into a miss.
 *
 * Fits that fall back to a simpler model are counted in `fallbacks`; fits that throw (or
 * project a non-finite value) in `failures`, with their messages. Pure and deterministic: same
 * input, same output; no randomness, no I/O.
 *
 * @param series - the series, each `{ id, years, values, breaks? }` (ids unique).
 * @param specs - model specs, e.g. `[{ kind: "drift" }, { kind: "holt", damped: true }]`.
 * @param options - `origins`, `horizon` (years), `level` (fraction), `verdict` (targets of the
 *   hit rate), `fit`, `training`, `trainingYears`, `keepForecasts`.
 * @throws {RangeError} `backtest: origins must be a non-empty list of distinct integer years (got …)`,
 *   `backtest: horizon must be a positive integer (got …)`, `backtest: level must be in (0, 1)
 *   (got …)`, `backtest: verdict rates must be finite, and above -1 for growth (got …)`,
 *   `backtest: trainingYears must be a positive integer (got …)`,
 *   `backtest: series ids must be unique (got "x" twice)`, or
 *   `backtest: series "x": …` for a series that breaks the {@link Series} contract.
 * @throws {TypeError} `backtest: specs must be a non-empty list (got 0)`,
 *   `backtest: unknown model kind "x"` or `backtest: invalid spec for "k": …`.
 * @example
 * const series = [{ id: "a", years: [2015, 2016, 2017], values: [80, 100, 125] }];
 * const spec = { kind: "path", values: { "2017": 120 } };
 * const result = backtest(series, [spec], { origins: [2016], horizon: 1, fit: { scale: "linear" } });
 * result.models[0].byHorizon[0].mae; // 5 (|120 − 125|)
 * result.models[0].byHorizon[0].mape; // 0.04 (5 / 125)
 * result.models[0].byHorizon[0].mase; // 0.25 (5 / |100 − 80|)
 * result.models[0].byHorizon[0].hitRate; // 1
 */
export function backtest(
  series: readonly BacktestSeries[],
  specs: readonly BacktestSpec[],
  options: BacktestOptions,
): BacktestResult {
  const { origins, horizon } = options;
  const level = options.level ?? 0.8;
  const verdict = options.verdict ?? DEFAULT_VERDICT;
  const training = options.training ?? "history";
  const trainingYears = options.trainingYears;
  checkOptions(options, level, verdict);
  checkSpecs(specs);
  checkSeries(series);

  const pairs: Pair[] = [];
  for (const s of series) {
    for (const origin of origins) {
      const pair = makePair(s, origin, horizon, training, trainingYears);
      if (pair !== undefined) pairs.push(pair);
    }
  }

  const models = specs.map((spec) =>
    runSpec(
      spec,
      pairs,
      horizon,
      level,
      verdict,
      options.fit ?? {},
      options.keepForecasts === true,
    ),
  );
  return {
    origins: [...origins],
    horizon,
    level,
    verdict: { form: verdict.form, rates: [...verdict.rates] },
    training,
    trainingYears: trainingYears ?? null,
    seriesCount: series.length,
    pairs: pairs.length,
    models,
  };
}

function makePair(
  s: BacktestSeries,
  origin: number,
  horizon: number,
  training: "history" | "segment",
  trainingYears: number | undefined,
): Pair | undefined {
  const { years, values } = s;
  const breaks = s.breaks ?? [];
  const at = years.indexOf(origin);
  if (at < 0) return undefined;
  const horizons: number[] = [];
  const actuals: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const year = origin + h;
    if (breaks.some((b) => b > origin && b <= year)) break;
    const j = years.indexOf(year, at + 1);
    if (j < 0) continue;
    horizons.push(h);
    actuals.push(values[j] as number);
  }
  if (horizons.length === 0) return undefined;

  let from = years[0] as number;
  if (training === "segment") for (const b of breaks) if (b <= origin && b > from) from = b;
  if (trainingYears !== undefined) from = Math.max(from, origin - trainingYears + 1);
  let start = 0;
  while ((years[start] as number) < from) start++;
  const trainYears = years.slice(start, at + 1);
  const trainValues = values.slice(start, at + 1);
  const trainBreaks = breaks.filter((b) => b > (trainYears[0] as number) && b <= origin);
  return {
    id: s.id,
    origin,
    originValue: values[at] as number,
    training:
      trainBreaks.length === 0
        ? { years: trainYears, values: trainValues }
        : { years: trainYears, values: trainValues, breaks: trainBreaks },
    scale: naiveMae(trainYears, trainValues, trainBreaks),
    horizons,
    actuals,
  };
}

function runSpec(
  spec: BacktestSpec,
  pairs: readonly Pair[],
  horizon: number,
  level: number,
  verdict: VerdictTargets,
  fitOptions: FitOptions,
  keepForecasts: boolean,
): BacktestModelResult {
  const tallies: AccuracyTally[] = Array.from({ length: horizon }, () => newAccuracyTally(verdict));
  const failures = new Map<string, { count: number; first: { series: string; origin: number } }>();
  const kinds = new Map<string, number>();
  const forecasts: BacktestForecast[] = [];
  let fits = 0;
  let fallbacks = 0;
  let failed = 0;

  for (const pair of pairs) {
    fits++;
    const maxH = pair.horizons[pair.horizons.length - 1] as number;
    let fitted: FittedModel;
    let projection: ModelProjection;
    try {
      fitted = fitModel(spec, pair.training, fitOptions);
      projection = projectModel(fitted, { toYear: pair.origin + maxH, level });
      if (!projection.values.every(Number.isFinite))
        throw new RangeError(`backtest: projection of "${fitted.kind}" is not finite`);
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      const seen = failures.get(message);
      if (seen === undefined)
        failures.set(message, { count: 1, first: { series: pair.id, origin: pair.origin } });
      else seen.count++;
      continue;
    }
    if (fitted.fallback !== undefined) fallbacks++;
    kinds.set(fitted.kind, (kinds.get(fitted.kind) ?? 0) + 1);

    pair.horizons.forEach((h, k) => {
      const forecast = projection.values[h - 1] as number;
      const lower = projection.lower?.[h - 1];
      const upper = projection.upper?.[h - 1];
      const interval =
        lower !== undefined &&
        upper !== undefined &&
        Number.isFinite(lower) &&
        Number.isFinite(upper)
          ? { lower, upper }
          : {};
      const actual = pair.actuals[k] as number;
      addForecast(tallies[h - 1] as AccuracyTally, {
        horizon: h,
        originValue: pair.originValue,
        actual,
        forecast,
        scale: pair.scale,
        ...interval,
      });
      if (keepForecasts)
        forecasts.push({
          series: pair.id,
          origin: pair.origin,
          horizon: h,
          year: pair.origin + h,
          actual,
          forecast,
          ...interval,
          kind: fitted.kind,
          fallback: fitted.fallback !== undefined,
        });
    });
  }

  const byCount = <T extends { name: string; count: number }>(a: T, b: T) =>
    b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    spec,
    label: specLabel(spec),
    fits,
    fallbacks,
    failures: failed,
    failureMessages: [...failures]
      .map(([name, v]) => ({ name, count: v.count, first: v.first }))
      .sort(byCount),
    fittedKinds: [...kinds].map(([name, count]) => ({ name, count })).sort(byCount),
    byHorizon: tallies.map((t, i) => summariseTally(t, i + 1)),
    overall: summariseTally(mergeTallies(tallies, verdict), null),
    ...(keepForecasts ? { forecasts } : {}),
  };
}

const show = (value: unknown): string =>
  Array.isArray(value) ? `[${value.join(", ")}]` : String(value);

function checkOptions(options: BacktestOptions, level: number, verdict: VerdictTargets): void {
  const { origins, horizon, trainingYears } = options;
  if (
    !Array.isArray(origins) ||
    origins.length === 0 ||
    !origins.every(Number.isInteger) ||
    new Set(origins).size !== origins.length
  )
    throw new RangeError(
      `backtest: origins must be a non-empty list of distinct integer years (got ${show(origins)})`,
    );
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`backtest: horizon must be a positive integer (got ${horizon})`);
  if (!(level > 0 && level < 1))
    throw new RangeError(`backtest: level must be in (0, 1) (got ${level})`);
  if (
    (verdict.form !== "growth" && verdict.form !== "change") ||
    !verdict.rates.every((r) => Number.isFinite(r) && (verdict.form === "change" || r > -1))
  )
    throw new RangeError(
      `backtest: verdict rates must be finite, and above -1 for growth (got ${verdict.form} ${show(verdict.rates)})`,
    );
  if (trainingYears !== undefined && !(Number.isInteger(trainingYears) && trainingYears >= 1))
    throw new RangeError(
      `backtest: trainingYears must be a positive integer (got ${trainingYears})`,
    );
}

function checkSpecs(specs: readonly BacktestSpec[]): void {
  if (specs.length === 0) throw new TypeError("backtest: specs must be a non-empty list (got 0)");
  for (const spec of specs) {
    const definition = isModelKind(spec.kind) ? modelDeclarations[spec.kind] : undefined;
    if (definition === undefined)
      throw new TypeError(`backtest: unknown model kind "${spec.kind}"`);
    const parsed = definition.schema.safeParse(spec);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new TypeError(
        `backtest: invalid spec for "${spec.kind}": ${first?.path.join(".") ?? ""} ${first?.message ?? ""}`.trim(),
      );
    }
  }
}

function checkSeries(series: readonly BacktestSeries[]): void {
  const ids = new Set<string>();
  for (const s of series) {
    if (ids.has(s.id))
      throw new RangeError(`backtest: series ids must be unique (got "${s.id}" twice)`);
    ids.add(s.id);
    const fail = (what: string) => new RangeError(`backtest: series "${s.id}": ${what}`);
    if (s.years.length !== s.values.length)
      throw fail(
        `years and values differ in length (${s.years.length} years, ${s.values.length} values)`,
      );
    s.years.forEach((year, i) => {
      if (!Number.isInteger(year) || (i > 0 && year <= (s.years[i - 1] as number)))
        throw fail(`years must be strictly increasing integers (${year} at index ${i})`);
      const value = s.values[i] as number;
      if (!Number.isFinite(value)) throw fail(`value at year ${year} is not finite (${value})`);
    });
    for (const b of s.breaks ?? [])
      if (!Number.isInteger(b)) throw fail(`breaks must be integer years (got ${b})`);
  }
}
