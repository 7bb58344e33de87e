import { nelderMead } from "./nelderMead.js";

/** Which exponential smoothing model: ETS(A,N,N) (SES), ETS(A,A,N) (Holt) or ETS(A,Ad,N) (damped). */
export interface SmoothingForm {
  readonly trend: boolean;
  readonly damped: boolean;
}

/** Parameters and final states of a fitted ETS model with additive errors. */
export interface SmoothingFit {
  readonly alpha: number;
  /** Trend smoothing β of the error-correction form b_t = φ b_{t−1} + β e_t (0 without trend). */
  readonly beta: number;
  /** Damping φ (1 when not damped). */
  readonly phi: number;
  readonly initialLevel: number;
  readonly initialTrend: number;
  /** Level and trend after the last observation. */
  readonly level: number;
  readonly trend: number;
  /** Sum of squared one-step errors. */
  readonly sse: number;
  /** Estimated parameters including initial states (as R's `ets` counts them for `sigma2`). */
  readonly parameterCount: number;
}

// Parameter bounds of R's forecast::ets (bounds = "usual"): α, β in [1e-4, 0.9999] with β ≤ α, and
// φ in [0.8, 0.98]. For these non-seasonal models every point inside is also admissible.
const LOWER = 1e-4;
const UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;
// Starting values on the grid of multi-start Nelder–Mead (α, β as a fraction of α, φ). The first
// is R's own start (initparam: α = 0.2, β = 0.1·α, φ = 0.98 − 0.01·0.18).
const ALPHA_STARTS = [0.20006, 0.5, 0.8, 0.99];
const BETA_FRACTIONS = [0.1, 0.5, 0.9];
const PHI_STARTS = [0.9782, 0.88];

/**
 * Fits ETS(A,N,N), ETS(A,A,N) or ETS(A,Ad,N) to a regular series by minimising the sum of squared
 * one-step errors, which for additive Gaussian errors is maximum likelihood (Hyndman, Koehler, Ord
 * & Snyder (2008), Forecasting with Exponential Smoothing, §5.2), within the bounds R's
 * forecast::ets uses. The model is linear in its initial states, so for given smoothing
 * parameters the optimal initial level and trend solve a small least-squares problem exactly; the
 * smoothing parameters (α, β, φ) are searched by Nelder–Mead from a grid of starts.
 *
 * Recursions: ŷ_t = ℓ_{t−1} + φ b_{t−1}, e_t = y_t − ŷ_t, ℓ_t = ℓ_{t−1} + φ b_{t−1} + α e_t,
 * b_t = φ b_{t−1} + β e_t.
 */
export function exponentialSmoothing(y: readonly number[], form: SmoothingForm): SmoothingFit {
  const dims = form.trend ? (form.damped ? 3 : 2) : 1;
  const unpack = (x: readonly number[]) => ({
    alpha: x[0] as number,
    beta: form.trend ? (x[1] as number) : 0,
    phi: form.damped ? (x[2] as number) : 1,
  });
  const objective = (x: readonly number[]): number => {
    const { alpha, beta, phi } = unpack(x);
    if (!(alpha >= LOWER && alpha <= UPPER)) return Number.POSITIVE_INFINITY;
    if (form.trend && !(beta >= LOWER && beta <= UPPER && beta <= alpha))
      return Number.POSITIVE_INFINITY;
    if (form.damped && !(phi >= PHI_LOWER && phi <= PHI_UPPER)) return Number.POSITIVE_INFINITY;
    return concentrated(y, alpha, beta, phi, form.trend).sse;
  };
  const starts: number[][] = [];
  for (const a of ALPHA_STARTS) {
    if (!form.trend) starts.push([a]);
    else
      for (const f of BETA_FRACTIONS) {
        const b = Math.max(LOWER, f * a);
        if (!form.damped) starts.push([a, b]);
        else for (const p of PHI_STARTS) starts.push([a, b, p]);
      }
  }
  let best: { x: number[]; value: number } | undefined;
  for (const start of starts) {
    let x = start;
    let value = objective(x);
    // Restart from the optimum until it stops improving (Nelder–Mead can stall on a wall).
    for (let restart = 0; restart < 4; restart++) {
      const steps = x.map((v, j) => (j === 2 ? -0.04 : v > 0.5 ? -0.1 : 0.1));
      const result = nelderMead(objective, x, { steps: steps.slice(0, dims) });
      const improved = result.value < value - 1e-14 * Math.abs(value);
      x = result.x;
      value = Math.min(value, result.value);
      if (!improved) break;
    }
    if (best === undefined || value < best.value) best = { x, value };
  }
  const { alpha, beta, phi } = unpack(best!.x);
  const fit = concentrated(y, alpha, beta, phi, form.trend);
  return {
    alpha,
    beta,
    phi,
    initialLevel: fit.l0,
    initialTrend: fit.b0,
    level: fit.level,
    trend: fit.trend,
    sse: fit.sse,
    parameterCount: dims + (form.trend ? 2 : 1),
  };
}

/**
 * Runs the ETS recursions from given parameters and initial states; returns the one-step errors
 * and the states after the last observation.
 */
export function runSmoothing(
  y: readonly number[],
  alpha: number,
  beta: number,
  phi: number,
  l0: number,
  b0: number,
): { errors: number[]; level: number; trend: number } {
  let level = l0;
  let trend = b0;
  const errors: number[] = [];
  for (const value of y) {
    const forecast = level + phi * trend;
    const e = value - forecast;
    errors.push(e);
    level = forecast + alpha * e;
    trend = phi * trend + beta * e;
  }
  return { errors, level, trend };
}

/**
 * For fixed (α, β, φ) the one-step errors are affine in (ℓ₀, b₀): e = e⁰ − ℓ₀·u − b₀·v, where u and
 * v are the errors' sensitivities. The least-squares (ℓ₀, b₀) come from the 2×2 normal equations.
 */
function concentrated(
  y: readonly number[],
  alpha: number,
  beta: number,
  phi: number,
  trend: boolean,
): { sse: number; l0: number; b0: number; level: number; trend: number } {
  const base = runSmoothing(y, alpha, beta, phi, 0, 0);
  const withLevel = runSmoothing(y, alpha, beta, phi, 1, 0);
  const u = base.errors.map((e, t) => e - (withLevel.errors[t] as number));
  let l0: number;
  let b0 = 0;
  if (!trend) {
    const uu = dot(u, u);
    l0 = uu > 0 ? dot(u, base.errors) / uu : 0;
  } else {
    const withTrend = runSmoothing(y, alpha, beta, phi, 0, 1);
    const v = base.errors.map((e, t) => e - (withTrend.errors[t] as number));
    const uu = dot(u, u);
    const uv = dot(u, v);
    const vv = dot(v, v);
    const ue = dot(u, base.errors);
    const ve = dot(v, base.errors);
    const det = uu * vv - uv * uv;
    if (det > 1e-12 * uu * vv) {
      l0 = (vv * ue - uv * ve) / det;
      b0 = (uu * ve - uv * ue) / det;
    } else {
      // Collinear sensitivities: the trend's initial value is not identified; keep it at 0.
      l0 = uu > 0 ? ue / uu : 0;
    }
  }
  const fit = runSmoothing(y, alpha, beta, phi, l0, b0);
  return { sse: dot(fit.errors, fit.errors), l0, b0, level: fit.level, trend: fit.trend };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
