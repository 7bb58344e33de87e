// The per-unit statistics of a panel and the method-of-moments summary built from them, shared by
// `preparePanel` and the backtest's leave-one-out panels (which summarise every unit but one
// without recomputing the others). Not part of the public API.

import { digamma, trigamma, trigammaInverse } from "../internal/polygamma.js";
import type { ModelScale } from "../schemas/indicator.js";
import { withinSegmentSteps } from "./internal/withinSegmentSteps.js";

/**
 * What comparable units show, on a modelling scale: the across-unit mean and between-unit
 * variance of mean yearly growth, and a scaled-inverse-χ² prior of the within-unit variance of a
 * yearly change (see {@link preparePanel}). Plain JSON data.
 */
export interface PanelSummary {
  readonly kind: "panel-summary";
  /** Modelling scale of the growth and volatility (a fit must use the same). */
  readonly scale: ModelScale;
  /** Bounds of a logit-scale panel. */
  readonly bounds?: readonly [number, number];
  /** Mean yearly growth (change per year on the scale) across units, and its spread. */
  readonly growth: {
    /** μ: the mean over units of each unit's mean yearly change. */
    readonly mean: number;
    /** τ²: between-unit variance of the true mean growth (method of moments, ≥ 0). */
    readonly betweenVariance: number;
    /** Units with at least one within-segment change. */
    readonly units: number;
  };
  /** Prior of the variance σ² of one yearly change around a unit's growth: σ² ~ ν0·s0²/χ²(ν0). */
  readonly volatility: {
    /** ν0, prior degrees of freedom (capped at {@link MAX_PRIOR_DF}, Smyth's ν0 = ∞). */
    readonly priorDf: number;
    /** s0², prior variance of a yearly change. */
    readonly priorVariance: number;
    /** Units with at least two within-segment changes and a positive variance. */
    readonly units: number;
  };
}

/** ν0 when the units' variances vary no more than sampling explains (Smyth's ν0 = ∞). */
const MAX_PRIOR_DF = 10000;

/** What one unit contributes to a panel summary. */
export interface UnitMoments {
  /** Mean change per year, Σ Δy / Σ Δt; undefined without a within-segment change. */
  readonly growth?: number;
  /** Years spanned by the within-segment changes, Σ Δt. */
  readonly years: number;
  /** Residual degrees of freedom of the variance (changes − 1); 0 when undefined. */
  readonly df: number;
  /** Variance of a yearly change around the unit's growth (divisor df); undefined when df = 0. */
  readonly variance?: number;
  /** Smyth's e = ln s² − ψ(d/2) + ln(d/2), and ψ′(d/2); set when variance > 0. */
  readonly e?: number;
  readonly trigamma?: number;
}

/** The moments of one unit's series on the modelling scale (within segments only). */
export function unitMoments(
  years: readonly number[],
  y: readonly number[],
  breaks: readonly number[],
): UnitMoments {
  const steps = withinSegmentSteps(years, y, breaks);
  if (steps.length === 0) return { years: 0, df: 0 };
  const span = steps.reduce((sum, s) => sum + s.dt, 0);
  const growth = steps.reduce((sum, s) => sum + s.dy, 0) / span;
  const df = steps.length - 1;
  if (df === 0) return { growth, years: span, df };
  const variance = steps.reduce((sum, s) => sum + (s.dy - growth * s.dt) ** 2 / s.dt, 0) / df;
  if (!(variance > 0)) return { growth, years: span, df, variance };
  const half = df / 2;
  return {
    growth,
    years: span,
    df,
    variance,
    e: Math.log(variance) - digamma(half) + Math.log(half),
    trigamma: trigamma(half),
  };
}

/** How many units a summary needs: with growth (≥ 1 change) and with a variance (≥ 2 changes). */
export const MIN_PANEL_UNITS = 3;

/**
 * The panel summary of `units` (leaving out the one at `skip`, if given), or undefined when fewer
 * than {@link MIN_PANEL_UNITS} units have growth or a positive variance.
 *
 * - Volatility: Smyth (2004, §6.2) by moments of e_i = ln s_i² − ψ(d_i/2) + ln(d_i/2):
 *   ψ′(ν0/2) = var(e) − mean ψ′(d_i/2), s0² = exp(mean e + ψ(ν0/2) − ln(ν0/2)); when the excess
 *   variance is ≤ 0, ν0 = ∞ (capped) and s0² = exp(mean e).
 * - Growth: μ = mean g_i; τ² = max(0, var(g_i) − mean v_i), v_i = s̃_i² / T_i the sampling variance
 *   of g_i with s̃_i² the unit's moderated variance — the unweighted method-of-moments estimator
 *   of a random-effects variance (L. V. Hedges (1983), Psychological Bulletin 93(2), 388–395; cf.
 *   R. DerSimonian & N. Laird (1986), Controlled Clinical Trials 7, 177–188).
 */
export function summariseMoments(
  units: readonly UnitMoments[],
  scale: ModelScale,
  bounds: readonly [number, number] | undefined,
  skip?: number,
): PanelSummary | undefined {
  let nE = 0;
  let sumE = 0;
  let sumE2 = 0;
  let sumTri = 0;
  for (let i = 0; i < units.length; i++) {
    if (i === skip) continue;
    const u = units[i] as UnitMoments;
    if (u.e === undefined) continue;
    nE++;
    sumE += u.e;
    sumE2 += u.e * u.e;
    sumTri += u.trigamma as number;
  }
  if (nE < MIN_PANEL_UNITS) return undefined;
  const eMean = sumE / nE;
  const eVar = Math.max(0, (sumE2 - nE * eMean * eMean) / (nE - 1));
  const excess = eVar - sumTri / nE;
  let priorDf = MAX_PRIOR_DF;
  let priorVariance = Math.exp(eMean);
  if (excess > 0) {
    const df = 2 * trigammaInverse(excess);
    if (df < MAX_PRIOR_DF) {
      priorDf = df;
      priorVariance = Math.exp(eMean + digamma(df / 2) - Math.log(df / 2));
    }
  }
  let nG = 0;
  let sumG = 0;
  let sumG2 = 0;
  let sumV = 0;
  for (let i = 0; i < units.length; i++) {
    if (i === skip) continue;
    const u = units[i] as UnitMoments;
    if (u.growth === undefined) continue;
    nG++;
    sumG += u.growth;
    sumG2 += u.growth * u.growth;
    sumV += moderatedVariance(priorDf, priorVariance, u.df, u.variance) / u.years;
  }
  if (nG < MIN_PANEL_UNITS) return undefined;
  const mean = sumG / nG;
  const gVar = Math.max(0, (sumG2 - nG * mean * mean) / (nG - 1));
  return {
    kind: "panel-summary",
    scale,
    ...(scale === "logit" && bounds !== undefined ? { bounds } : {}),
    growth: { mean, betweenVariance: Math.max(0, gVar - sumV / nG), units: nG },
    volatility: { priorDf, priorVariance, units: nE },
  };
}

/**
 * Smyth's (2004) moderated variance s̃² = (ν0·s0² + d·s²) / (ν0 + d): the posterior mean of 1/σ²
 * inverted, a weighted mean of the prior and the unit's own variance by degrees of freedom.
 */
export function moderatedVariance(
  priorDf: number,
  priorVariance: number,
  df: number,
  variance: number | undefined,
): number {
  if (df === 0 || variance === undefined) return priorVariance;
  return (priorDf * priorVariance + df * variance) / (priorDf + df);
}
