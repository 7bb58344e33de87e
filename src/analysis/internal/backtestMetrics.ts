import type { BacktestMetrics } from "../backtestResult.js";
import type { AccuracyTally } from "./accuracyTally.js";
import { mean, median } from "./sampleStatistics.js";
import { summariseVerdicts } from "./verdictTally.js";

/**
 * The metrics of a tally (see {@link BacktestMetrics}): MAE, RMSE, MAPE, MdAPE, MPE, MASE
 * (Hyndman & Koehler 2006), interval coverage and the verdict hit rates; `horizon` is null for a
 * pooled tally.
 */
export function backtestMetrics(tally: AccuracyTally, horizon: number | null): BacktestMetrics {
  const absolute = tally.errors.map(Math.abs);
  const squared = tally.errors.map((e) => e * e);
  const absoluteRelative = tally.relativeErrors.map(Math.abs);
  const meanSquared = mean(squared);
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
    ...summariseVerdicts(tally.verdicts),
  };
}
