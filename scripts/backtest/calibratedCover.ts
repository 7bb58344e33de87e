/**
 * The calibrated coverage of `npm run backtest`: for every model of a pre-break run, the 80%
 * interval of the library's shared uncertainty model around the model's forecast, calibrated by
 * horizon (`scripts/calibration/scaledErrors.ts`, the method of `npm run calibrate-intervals`)
 * on the forecasts of half of the provinces and scored on the other half, and the other way round
 * — coverage on provinces the calibration did not see.
 */
import type { BacktestSeries } from "../../src/analysis/backtestOptions.js";
import type { BacktestModelResult } from "../../src/analysis/backtestResult.js";
import {
  CALIBRATION_PHI,
  type CalibrationScale,
  crossFittedCounts,
  modelSigma,
  provinceFolds,
  type ScoredError,
  scaledError,
} from "../calibration/scaledErrors.js";
import { wholePercent } from "./tables.js";

/** Calibrated coverage of one model: by horizon (index h − 1) and pooled; null without forecasts. */
export interface CalibratedCover {
  readonly byHorizon: readonly (number | null)[];
  readonly all: number | null;
}

/**
 * The cross-fitted calibrated coverage of a model's kept forecasts (undefined when it kept none).
 *
 * @param province - the province (two-digit code) of each series id; series without one are
 *   left out.
 * @param unitLevel - the level of the units (recorded on each scored error).
 */
export function calibratedCover(
  model: BacktestModelResult,
  series: readonly BacktestSeries[],
  province: ReadonlyMap<string, string>,
  scale: CalibrationScale,
  window: number,
  horizons: number,
  level: number,
  unitLevel: ScoredError["level"],
): CalibratedCover | undefined {
  if (model.forecasts === undefined) return undefined;
  const folds = provinceFolds(province.values());
  const byId = new Map(series.map((s) => [s.id, s]));
  const sigmas = new Map<string, number>();
  const errors: ScoredError[] = [];
  for (const f of model.forecasts) {
    const s = byId.get(f.series);
    const fold = folds.get(province.get(f.series) ?? "");
    if (s === undefined || fold === undefined) continue;
    const key = `${f.series}\u0000${f.origin}`;
    let sigma = sigmas.get(key);
    if (sigma === undefined) {
      sigma = modelSigma(s, f.origin, window, scale);
      sigmas.set(key, sigma);
    }
    const u = scaledError(f, sigma, CALIBRATION_PHI, scale);
    if (u !== undefined)
      errors.push({ kind: model.spec.kind, horizon: f.horizon, u, fold, level: unitLevel });
  }
  const { hits, counts } = crossFittedCounts(errors, horizons, level);
  const n = counts.reduce((a, b) => a + b, 0);
  return {
    byHorizon: counts.map((c, k) => (c === 0 ? null : (hits[k] as number) / c)),
    all: n === 0 ? null : hits.reduce((a, b) => a + b, 0) / n,
  };
}

/** The table of calibrated coverage % by horizon, one row per model (models without one left out). */
export function calibratedCoverTable(
  labels: readonly string[],
  covers: readonly (CalibratedCover | undefined)[],
  horizons: number,
): { header: string[]; rows: string[][] } {
  const header = ["model", ...Array.from({ length: horizons }, (_, k) => `h = ${k + 1}`), "all"];
  const rows: string[][] = [];
  covers.forEach((c, i) => {
    if (c !== undefined)
      rows.push([labels[i] as string, ...c.byHorizon.map(wholePercent), wholePercent(c.all)]);
  });
  return { header, rows };
}
