import * as z from "zod";
import { withinSegmentSteps } from "./internal/withinSegmentSteps.js";
import { moderatedVariance, type PanelSummary, unitMoments } from "./panelMoments.js";
import type { FittedOf, ModelDefinition, ScaledSeries } from "./types.js";

/** Spec of the random walk with drift: `{ kind: "drift" }`. */
export const DriftSpecSchema = z.object({ kind: z.literal("drift") });
/** A spec of the `drift` model, as {@link DriftSpecSchema} validates it. */
export type DriftSpec = z.infer<typeof DriftSpecSchema>;
/** Parameters of a fitted `drift` model (see {@link driftModel}). */
export type DriftParams = {
  /** Mean change per year on the modelling scale. */
  readonly drift: number;
  /** Standard deviation of a one-year change around the drift; null below two changes. */
  readonly sigma: number | null;
  /** Standard error of the drift; null when `sigma` is. */
  readonly driftSe: number | null;
  /** Number of within-segment changes used. */
  readonly steps: number;
  /** Years those changes span. */
  readonly stepYears: number;
  /** With a panel: the weight w of the series' own mean growth, τ² / (τ² + s̃²/T) (0 without changes). */
  readonly panelWeight?: number;
  /** With a panel: the panel's mean growth μ the drift is shrunk toward. */
  readonly panelGrowth?: number;
  /** With a panel: the series' own mean growth (null without a within-segment change). */
  readonly ownDrift?: number | null;
  /** With a panel: the prior degrees of freedom ν0 of the moderated variance. */
  readonly panelDf?: number;
};
/** A fitted `drift` model. */
export type DriftFitted = FittedOf<"drift", DriftParams>;

/**
 * Random walk with drift: the average past change per year continues from the last observation,
 * ŷ_{T+h} = y_T + h·b with b the mean one-step change (FPP3 §5.2; R's `forecast::rwf(drift = TRUE)`).
 * On the log scale b is the average log growth, i.e. the CAGR between the segment ends.
 *
 * - minPoints 2; below it falls back to `naive`. Intervals need two within-segment changes.
 * - Intervals: se_h = σ·√(h·(1 + h/m)) with m the number of one-step changes (T − 1 without
 *   breaks), σ² the residual variance of the changes around b (divisor m − 1) — the h/m term is
 *   the uncertainty of b. Gaussian on the modelling scale. With gaps, a change over k years has
 *   mean k·b and variance k·σ² (b = Σ Δy / Σ k).
 * - Breaks: the change across a break is dropped, so a level jump is not growth.
 * - params: `drift`, `sigma` and `driftSe` (null when undefined), `steps`, `stepYears`.
 *
 * @example
 * const fitted = fitModel({ kind: "drift" }, { years: [2019, 2020, 2021], values: [100, 110, 121] });
 * projectModel(fitted, { toYear: 2022 }).values.map((v) => Math.round(v * 10) / 10); // [133.1]
 */
export const driftModel: ModelDefinition<DriftSpec, DriftFitted> = {
  kind: "drift",
  schema: DriftSpecSchema,
  description: "Random walk with drift: the mean past change continues (FPP3 §5.2).",
  minPoints: () => 2,
  minPointsWithPanel: 1,
  fallback: () => ({ kind: "naive" }),
  fit: (_spec, series, context) => {
    if (context.panel !== undefined) return shrunkDrift(series, context.panel);
    const steps = withinSegmentSteps(series.years, series.y, series.breaks);
    const notes: string[] = [];
    if (series.breaks.length > 0)
      notes.push(`changes across the break at ${series.breaks.join(", ")} dropped from the drift`);
    if (steps.length === 0) {
      notes.push("no two consecutive points in one segment: drift set to 0, no interval");
      return { params: { drift: 0, sigma: null, driftSe: null, steps: 0, stepYears: 0 }, notes };
    }
    const stepYears = steps.reduce((sum, s) => sum + s.dt, 0);
    const drift = steps.reduce((sum, s) => sum + s.dy, 0) / stepYears;
    if (steps.length < 2) {
      notes.push("only one within-segment change: no interval");
      return { params: { drift, sigma: null, driftSe: null, steps: 1, stepYears }, notes };
    }
    const variance =
      steps.reduce((sum, s) => sum + (s.dy - drift * s.dt) ** 2 / s.dt, 0) / (steps.length - 1);
    const sigma = Math.sqrt(variance);
    return {
      params: {
        drift,
        sigma,
        driftSe: sigma / Math.sqrt(stepYears),
        steps: steps.length,
        stepYears,
      },
      notes,
    };
  },
  forecast: (fitted, lastY, horizon) => {
    const { drift, sigma, driftSe } = fitted.params;
    const mean = Array.from({ length: horizon }, (_, h) => lastY + drift * (h + 1));
    if (sigma === null || driftSe === null) return { mean };
    return {
      mean,
      se: mean.map((_, i) => {
        const h = i + 1;
        return Math.sqrt(sigma * sigma * h + (h * driftSe) ** 2);
      }),
    };
  },
};

/**
 * The drift shrunk toward a panel (normal–normal empirical Bayes): the series' own mean growth g
 * over T years of within-segment changes has sampling variance s̃²/T, s̃² its moderated variance
 * (Smyth 2004); with the panel's prior g ~ N(μ, τ²) the posterior mean is w·g + (1 − w)·μ with
 * w = τ² / (τ² + s̃²/T) (B. Efron & C. Morris (1975), JASA 70, 311–319) and the posterior
 * variance w·s̃²/T (τ² without a change), which `driftSe²` carries into the intervals.
 */
function shrunkDrift(
  series: ScaledSeries,
  panel: PanelSummary,
): { params: DriftParams; notes: string[] } {
  const own = unitMoments(series.years, series.y, series.breaks);
  const { mean, betweenVariance: tau2 } = panel.growth;
  const { priorDf, priorVariance } = panel.volatility;
  const variance = moderatedVariance(priorDf, priorVariance, own.df, own.variance);
  const sampling = own.growth === undefined ? Number.POSITIVE_INFINITY : variance / own.years;
  const weight = own.growth === undefined || tau2 === 0 ? 0 : tau2 / (tau2 + sampling);
  const drift = own.growth === undefined ? mean : weight * own.growth + (1 - weight) * mean;
  const driftVariance = own.growth === undefined ? tau2 : tau2 === 0 ? 0 : weight * sampling;
  const steps = own.growth === undefined ? 0 : own.df + 1;
  const notes = [
    `panel: drift ${drift.toPrecision(4)} = ${weight.toFixed(3)} × own ${own.growth === undefined ? "(none)" : own.growth.toPrecision(4)} + ${(1 - weight).toFixed(3)} × panel mean ${mean.toPrecision(4)} (empirical Bayes, τ² = ${tau2.toPrecision(3)}); variance of a yearly change moderated toward the panel's (ν0 = ${priorDf.toPrecision(3)}, s0² = ${priorVariance.toPrecision(3)})`,
  ];
  if (series.breaks.length > 0)
    notes.push(`changes across the break at ${series.breaks.join(", ")} dropped from the drift`);
  return {
    params: {
      drift,
      sigma: Math.sqrt(variance),
      driftSe: Math.sqrt(driftVariance),
      steps,
      stepYears: own.years,
      panelWeight: weight,
      panelGrowth: mean,
      ownDrift: own.growth ?? null,
      panelDf: priorDf,
    },
    notes,
  };
}
