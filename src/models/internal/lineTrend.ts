import { studentTQuantile } from "../../internal/studentTQuantile.js";
import type { ScaledForecast } from "../types.js";
import { segmentedLine } from "./segmentedLine.js";

/**
 * Parameters of a fitted straight-line trend, as stored in a fitted model's `params` (`trend`,
 * `logistic`). A type literal, so that a fitted model can add `auto`'s selection to it.
 */
export type LineTrendParams = {
  /** Common slope per year on the modelling scale. */
  readonly slope: number;
  /** The line's value at the last observed year, on the last segment. */
  readonly level: number;
  /** Residual standard deviation (unit weight); null when there are no residual degrees of freedom. */
  readonly sigma: number | null;
  /** Residual degrees of freedom. */
  readonly df: number;
  /** Σ w (t − t̄_segment)²; null when the slope is not estimable. */
  readonly sxx: number | null;
  /** Total weight of the last segment. */
  readonly lastSegmentWeight: number;
  /** Weighted mean year of the last segment minus the last observed year (≤ 0). */
  readonly lastSegmentMeanOffset: number;
  /** Points used. */
  readonly points: number;
};

/**
 * Fits the segmented line (one intercept per segment, common slope) and returns its parameters
 * for projection from the last observed year, with notes on what the breaks did.
 */
export function fitLineTrend(
  years: readonly number[],
  y: readonly number[],
  breaks: readonly number[],
  weights?: readonly number[],
): { params: LineTrendParams; notes: string[] } {
  const line = segmentedLine(years, y, breaks, weights);
  const last = line.segments[line.segments.length - 1]!;
  const lastYear = years[years.length - 1] as number;
  const notes: string[] = [];
  if (line.segments.length > 1)
    notes.push(
      `one intercept per segment (breaks at ${breaks.join(", ")}) and a common slope: level jumps at breaks are not read as growth`,
    );
  if (!line.slopeDefined) notes.push("no segment has two points: slope set to 0");
  if (line.sigma2 === undefined) notes.push("no residual degrees of freedom: no interval");
  return {
    params: {
      slope: line.slope,
      level: last.meanY + line.slope * (lastYear - last.meanYear),
      sigma: line.sigma2 === undefined ? null : Math.sqrt(line.sigma2),
      df: line.df,
      sxx: line.slopeDefined ? line.sxx : null,
      lastSegmentWeight: last.weight,
      lastSegmentMeanOffset: last.meanYear - lastYear,
      points: years.length,
    },
    notes,
  };
}

/**
 * Forecasts a fitted line h = 1…horizon years after the last observation, with the prediction
 * standard error of a new observation of unit weight, se_h² = σ² (1 + 1/W + (h − Δ)² / Sxx)
 * (Δ = mean year offset of the last segment, W its weight), and Student-t intervals with the
 * regression's degrees of freedom, as R's `predict.lm(interval = "prediction")` gives them.
 */
export function forecastLineTrend(params: LineTrendParams, horizon: number): ScaledForecast {
  const { slope, level, sigma, sxx, df } = params;
  const weight = params.lastSegmentWeight;
  const offset = params.lastSegmentMeanOffset;
  const mean = Array.from({ length: horizon }, (_, h) => level + slope * (h + 1));
  if (sigma === null) return { mean };
  const se = mean.map((_, i) => {
    const h = i + 1;
    const slopePart = sxx === null ? 0 : (h - offset) ** 2 / sxx;
    return sigma * Math.sqrt(1 + 1 / weight + slopePart);
  });
  return {
    mean,
    se,
    interval: (coverage) => {
      const t = studentTQuantile(0.5 + coverage / 2, df);
      return {
        lower: mean.map((m, i) => m - t * (se[i] as number)),
        upper: mean.map((m, i) => m + t * (se[i] as number)),
      };
    },
  };
}
