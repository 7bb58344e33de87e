import * as z from "zod";
import { exponentialSmoothing } from "./internal/exponentialSmoothing.js";
import { linkSegments } from "./internal/linkSegments.js";
import type { FittedOf, ModelDefinition } from "./types.js";

/** Spec of Holt's linear trend method: `{ kind: "holt", damped?: boolean }` (default not damped). */
export const HoltSpecSchema = z.object({
  kind: z.literal("holt"),
  damped: z.boolean().optional(),
});
/** A spec of the `holt` model, as {@link HoltSpecSchema} validates it. */
export type HoltSpec = z.infer<typeof HoltSpecSchema>;
/** Parameters of a fitted `holt` model (see {@link holtModel}). */
export type HoltParams = {
  /** Level smoothing α. */
  readonly alpha: number;
  /** Trend smoothing β. */
  readonly beta: number;
  /** Damping φ (1 when not damped). */
  readonly phi: number;
  /** Initial level ℓ₀. */
  readonly initialLevel: number;
  /** Initial trend b₀. */
  readonly initialTrend: number;
  /** Level ℓ_T after the last observation. */
  readonly level: number;
  /** Trend b_T after the last observation. */
  readonly trend: number;
  /** Sum of squared one-step errors. */
  readonly sse: number;
  /** Residual standard deviation; null without residual degrees of freedom. */
  readonly sigma: number | null;
  /** Estimated parameters, initial states included (4, or 5 when damped). */
  readonly parameters: number;
};
/** A fitted `holt` model. */
export type HoltFitted = FittedOf<"holt", HoltParams>;

/**
 * Holt's linear trend method as the state-space model ETS(A,A,N), or with a damped trend
 * ETS(A,Ad,N) (Hyndman, Koehler, Ord & Snyder (2008), Forecasting with Exponential Smoothing;
 * FPP3 §8.2, §8.7). The smoothing parameters α, β (and φ) and the initial level and trend are
 * estimated by maximum likelihood — minimum sum of squared one-step errors — within the bounds of
 * R's `forecast::ets` (α, β ∈ [1e-4, 0.9999], β ≤ α, φ ∈ [0.8, 0.98]).
 *
 * - Forecast: ŷ_{T+h} = ℓ_T + (φ + φ² + … + φ^h)·b_T (φ = 1 when not damped).
 * - minPoints 4 (5 when damped): the model has four free parameters (α, β, ℓ₀, b₀; five with φ),
 *   so fewer points cannot identify it, and with exactly as many the errors can vanish. R's `ets`
 *   asks for more (n > parameters + 4) before using maximum likelihood. Fallback `trend`.
 * - Intervals: analytic variances of Hyndman et al. (2008), Table 6.1 (class 1),
 *   v_h = σ²·(1 + Σ_{j<h} c_j²) with c_j = α + β(φ + … + φ^j), σ² = SSE / (n − parameters) as in
 *   R; Gaussian on the modelling scale. No interval when n equals the parameter count.
 * - Breaks: the recursion needs one continuous series, so segments before a break are
 *   re-levelled: the change across the break is imputed as the mean within-segment change per
 *   year, and the last segment keeps its observed values. A level jump at a break therefore
 *   changes nothing. Missing years are filled by linear interpolation. Both are stated in `notes`.
 * - params: `alpha`, `beta`, `phi`, `initialLevel`, `initialTrend`, `level`, `trend` (states
 *   after the last observation), `sse`, `sigma` (null without residual degrees of freedom),
 *   `parameters`.
 *
 * @example
 * const fitted = fitModel(
 *   { kind: "holt" },
 *   { years: [2016, 2017, 2018, 2019, 2020, 2021], values: [100, 110, 121, 133.1, 146.41, 161.051] },
 * );
 * projectModel(fitted, { toYear: 2022 }).values.map((v) => Math.round(v * 10) / 10); // [177.2]
 */
export const holtModel: ModelDefinition<HoltSpec, HoltFitted> = {
  kind: "holt",
  schema: HoltSpecSchema,
  description: "Holt's linear (or damped) trend, ETS(A,A,N)/ETS(A,Ad,N) by maximum likelihood.",
  minPoints: (spec) => (spec.damped === true ? 5 : 4),
  fallback: () => ({ kind: "trend" }),
  fit: (spec, series) => {
    const damped = spec.damped === true;
    const linked = linkSegments(series.years, series.y, series.breaks);
    const fit = exponentialSmoothing(linked.y, { trend: true, damped });
    const residualDf = linked.y.length - fit.parameterCount;
    const notes = [...linked.notes];
    if (residualDf <= 0) notes.push("as many parameters as points: no interval");
    return {
      params: {
        alpha: fit.alpha,
        beta: fit.beta,
        phi: fit.phi,
        initialLevel: fit.initialLevel,
        initialTrend: fit.initialTrend,
        level: fit.level,
        trend: fit.trend,
        sse: fit.sse,
        sigma: residualDf > 0 ? Math.sqrt(fit.sse / residualDf) : null,
        parameters: fit.parameterCount,
      },
      notes,
    };
  },
  forecast: (fitted, _lastY, horizon) => {
    const { alpha, beta, phi, level, trend, sigma } = fitted.params;
    const mean: number[] = [];
    const se: number[] = [];
    let phiSum = 0;
    let variance = 1;
    for (let h = 1; h <= horizon; h++) {
      phiSum += phi ** h;
      mean.push(level + phiSum * trend);
      // v_h = σ²(1 + Σ_{j=1}^{h-1} c_j²), c_j = α + β·(φ + … + φ^j): add c_{h-1} before step h.
      if (h > 1) {
        const c = alpha + beta * (phiSum - phi ** h);
        variance += c * c;
      }
      if (sigma !== null) se.push(sigma * Math.sqrt(variance));
    }
    return sigma === null ? { mean } : { mean, se };
  },
};
