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
  checkBacktestOptions(options, level, verdict);
  checkBacktestSpecs(specs);
  checkBacktestSeries(series);

  const pairs: OriginPair[] = [];
  for (const s of series) {
    for (const origin of origins) {
      const pair = originPair(s, origin, horizon, training, trainingYears);
      if (pair !== undefined) pairs.push(pair);
    }
  }

  const models = specs.map((spec) =>
    backtestModel(
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
