import * as z from "zod";
import { exponentialSmoothing } from "./internal/exponentialSmoothing.js";
import { linkSegments } from "./internal/linkSegments.js";
import { segmentedLine } from "./internal/segmentedLine.js";
import type { FittedOf, ModelDefinition } from "./types.js";

/** Spec of the Theta method: `{ kind: "theta" }`. */
export const ThetaSpecSchema = z.object({ kind: z.literal("theta") });
/** A spec of the `theta` model, as {@link ThetaSpecSchema} validates it. */
export type ThetaSpec = z.infer<typeof ThetaSpecSchema>;
/** Parameters of a fitted `theta` model (see {@link thetaModel}). */
export type ThetaParams = {
  /** SES smoothing parameter α. */
  readonly alpha: number;
  /** SES level ℓ_T after the last observation. */
  readonly level: number;
  /** Drift b/2, half the least-squares slope, per year. */
  readonly drift: number;
  /** Points of the (linked, gap-filled) series SES ran on. */
  readonly n: number;
  /** Sum of squared one-step SES errors. */
  readonly sse: number;
  /** Residual standard deviation √(SSE/(n − 2)); null without residual degrees of freedom. */
  readonly sigma: number | null;
};
/** A fitted `theta` model. */
export type ThetaFitted = FittedOf<"theta", ThetaParams>;

/**
 * The Theta method of V. Assimakopoulos & K. Nikolopoulos (2000), "The theta model: a
 * decomposition approach to forecasting", International Journal of Forecasting 16, 521–530, in
 * the form R. J. Hyndman & B. Billah (2003), IJF 19, 287–290, showed it to be: simple exponential
 * smoothing with a drift equal to half the slope of the least-squares line, as R's
 * `forecast::thetaf` computes it (no seasonal adjustment: the series are annual).
 *
 * - Forecast: ŷ_{T+h} = ℓ_T + (b/2)·((h − 1) + (1 − (1 − α)^n)/α), with ℓ_T and α from SES
 *   (ETS(A,N,N) by least squares, α ∈ [1e-4, 0.9999]) and b the OLS slope.
 * - minPoints 3 (SES has two parameters, α and ℓ₀, and an interval needs one more point);
 *   fallback `drift`.
 * - Intervals as `thetaf`: se_h = σ·√(1 + (h − 1)·α²), σ² = SSE/(n − 2) of the SES fit;
 *   Gaussian on the modelling scale.
 * - Breaks: the slope comes from the regression with one intercept per segment; SES runs on the
 *   series with earlier segments re-levelled (the change across a break imputed as the mean
 *   within-segment change per year) and missing years interpolated, as stated in `notes`.
 * - params: `alpha`, `level` (ℓ_T), `drift` (b/2), `n`, `sse`, `sigma`.
 *
 * @example
 * const fitted = fitModel(
 *   { kind: "theta" },
 *   { years: [2017, 2018, 2019, 2020, 2021], values: [100, 110, 121, 133.1, 146.41] },
 *   { scale: "log" },
 * );
 * projectModel(fitted, { toYear: 2022 }).values.map((v) => Math.round(v)); // [154]
 */
export const thetaModel: ModelDefinition<ThetaSpec, ThetaFitted> = {
  kind: "theta",
  schema: ThetaSpecSchema,
  description: "Theta method: SES with drift half the OLS slope (Hyndman & Billah 2003; thetaf).",
  minPoints: () => 3,
  fallback: () => ({ kind: "drift" }),
  fit: (_spec, series) => {
    const line = segmentedLine(series.years, series.y, series.breaks);
    const linked = linkSegments(series.years, series.y, series.breaks);
    const ses = exponentialSmoothing(linked.y, { trend: false, damped: false });
    const n = linked.y.length;
    const residualDf = n - ses.parameterCount;
    const notes = [...linked.notes];
    if (line.segments.length > 1)
      notes.push("drift from the regression slope with one intercept per segment");
    if (residualDf <= 0) notes.push("as many parameters as points: no interval");
    return {
      params: {
        alpha: ses.alpha,
        level: ses.level,
        drift: line.slope / 2,
        n,
        sse: ses.sse,
        sigma: residualDf > 0 ? Math.sqrt(ses.sse / residualDf) : null,
      },
      notes,
    };
  },
  forecast: (fitted, _lastY, horizon) => {
    const { alpha, level, drift, n, sigma } = fitted.params;
    const a = Math.max(1e-10, alpha);
    const start = (1 - (1 - a) ** n) / a;
    const mean = Array.from({ length: horizon }, (_, i) => level + drift * (i + start));
    if (sigma === null) return { mean };
    return { mean, se: mean.map((_, i) => sigma * Math.sqrt(1 + i * a * a)) };
  },
};
