import { fitModel } from "../../models/fitModel.js";
import type { PanelSummary } from "../../models/panelMoments.js";
import { projectModel } from "../../models/projectModel.js";
import type { FitOptions, FittedModel, ModelProjection } from "../../models/types.js";
import type { BacktestSpec, VerdictTargets } from "../backtestOptions.js";
import type { BacktestForecast, BacktestModelResult } from "../backtestResult.js";
import {
  type AccuracyTally,
  addForecast,
  mergeTallies,
  newAccuracyTally,
} from "./accuracyTally.js";
import { backtestMetrics } from "./backtestMetrics.js";
import type { OriginPair } from "./originPair.js";
import { specLabel } from "./specLabel.js";

/**
 * The rolling-origin backtest of one model spec: fits it on each pair's training window with
 * `fitModel`, projects it with `projectModel` to the pair's last horizon with a `level` interval,
 * and scores each forecast against the actual (per horizon, then pooled). A fit that throws or
 * projects a non-finite value is counted as a failure, with its message, and scores nothing.
 */
export function backtestModel(
  spec: BacktestSpec,
  pairs: readonly OriginPair[],
  horizon: number,
  level: number,
  verdict: VerdictTargets,
  fitOptions: FitOptions,
  keepForecasts: boolean,
  panelOf?: (id: string, origin: number) => PanelSummary | undefined,
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
      const panel = panelOf?.(pair.id, pair.origin);
      fitted = fitModel(
        spec,
        pair.training,
        panel === undefined ? fitOptions : { ...fitOptions, panel },
      );
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
    byHorizon: tallies.map((t, i) => backtestMetrics(t, i + 1)),
    overall: backtestMetrics(mergeTallies(tallies, verdict), null),
    ...(keepForecasts ? { forecasts } : {}),
  };
}
