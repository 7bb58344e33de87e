import {
  type BacktestOptions,
  type BacktestSeries,
  type BacktestSpec,
  DEFAULT_VERDICT,
} from "./backtestOptions.js";
import type { BacktestResult } from "./backtestResult.js";
import { backtestModel } from "./internal/backtestModel.js";
import {
  checkBacktestOptions,
  checkBacktestSeries,
  checkBacktestSpecs,
} from "./internal/checkBacktestInput.js";
import { leaveOneOutPanels } from "./internal/leaveOneOutPanels.js";
import { type OriginPair, originPair } from "./internal/originPair.js";

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
 *   hit rate), `fit`, `training`, `trainingYears`, `keepForecasts`, `panel` (leave-one-out
 *   panels of the other series at each origin, for models that borrow strength).
 * @throws {ArgumentTypeError} an argument of the wrong type or missing, e.g.
 *   `backtest: options must be an object such as { origins, horizon } (got nothing)`,
 *   `backtest: options.horizon must be an integer from 1 to 200 (got the string "5")`,
 *   `backtest: series[0].values must be an array of numbers (got the string "1,2")`, or an
 *   unknown option (`backtest: options.horizons is not an option; did you mean horizon? …`).
 * @throws {ArgumentRangeError} a value out of range: `backtest: options.origins must be a
 *   non-empty array of distinct integer years (got an empty array)`, `backtest:
 *   options.origins[1] must be a year not listed before (got 2011 again)`, `backtest:
 *   options.horizon must be an integer from 1 to 200 (got 0)` (200 is
 *   {@link MAX_PROJECTION_YEARS}), `backtest: options.level must be a fraction between 0 and 1,
 *   exclusive (0.8 = 80%) (got 80)`, `backtest: options.verdict.rates[0] must be a finite
 *   number > -1 (got -1)`, `backtest: options.trainingYears must be a positive integer (got 0)`,
 *   `backtest: specs must be a non-empty array of model specs (got an empty array)`, an unknown
 *   kind (`backtest: specs[0].kind must be "cagr", … or "auto"; did you mean …? (got …)`), a spec
 *   out of its schema (`backtest: specs[0].rate must be a number > -1 (got -1.5)`), a repeated id
 *   (`backtest: series[1].id must be unique (got the id "a" of series[0] again)`), or a series
 *   that breaks the {@link Series} contract (`backtest: series[0].years[1] must be a year after
 *   2011, years strictly increasing (got 2010)`).
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
  checkBacktestSeries(series);
  checkBacktestSpecs(specs);
  const { origins, horizon } = checkBacktestOptions(options);
  const level = options.level ?? 0.8;
  const verdict = options.verdict ?? DEFAULT_VERDICT;
  const training = options.training ?? "history";
  const trainingYears = options.trainingYears;

  const pairs: OriginPair[] = [];
  for (const s of series) {
    for (const origin of origins) {
      const pair = originPair(s, origin, horizon, training, trainingYears);
      if (pair !== undefined) pairs.push(pair);
    }
  }

  const panelOf =
    options.panel === true
      ? leaveOneOutPanels(series, training, trainingYears, options.fit ?? {})
      : undefined;
  const models = specs.map((spec) =>
    backtestModel(
      spec,
      pairs,
      horizon,
      level,
      verdict,
      options.fit ?? {},
      options.keepForecasts === true,
      panelOf,
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
