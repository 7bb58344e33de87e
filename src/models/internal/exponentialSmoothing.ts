import { nelderMead } from "./nelderMead.js";

/** Which exponential smoothing model: ETS(A,N,N) (SES), ETS(A,A,N) (Holt) or ETS(A,Ad,N) (damped). */
export interface SmoothingForm {
  /** Whether the model has a trend (Holt) or not (SES). */
  readonly trend: boolean;
  /** Whether the trend is damped by φ (only with `trend`). */
  readonly damped: boolean;
}

/** Parameters and final states of a fitted ETS model with additive errors. */
export interface SmoothingFit {
  /** Level smoothing α. */
  readonly alpha: number;
  /** Trend smoothing β of the error-correction form b_t = φ b_{t−1} + β e_t (0 without trend). */
  readonly beta: number;
  /** Damping φ (1 when not damped). */
  readonly phi: number;
  /** Initial level ℓ₀, solved exactly by least squares for the smoothing parameters found. */
  readonly initialLevel: number;
  /** Initial trend b₀ (0 without trend), solved with ℓ₀. */
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
// R's own start (forecast:::initparam: α = 0.2 of its range, β = 0.1·α, φ = 0.98 − 0.01·0.18).
const R_START = [0.20006, 0.020096, 0.9782];
// A coarse grid screened before the search; Nelder–Mead also starts from its best points.
const ALPHA_GRID = [0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.9999];
const BETA_FRACTION_GRID = [0.01, 0.1, 0.3, 0.6, 1];
const PHI_GRID = [0.8, 0.9, 0.98];
const GRID_STARTS = 2;

/**
 * Fits ETS(A,N,N), ETS(A,A,N) or ETS(A,Ad,N) to a regular series by minimising the sum of squared
 * one-step errors, which for additive Gaussian errors is maximum likelihood (Hyndman, Koehler, Ord
 * & Snyder (2008), Forecasting with Exponential Smoothing, §5.2), within the bounds R's
 * forecast::ets uses. The model is linear in its initial states, so for given smoothing
 * parameters the optimal initial level and trend solve a small least-squares problem exactly; the
 * smoothing parameters (α, β, φ) are searched by Nelder–Mead from R's starting point and from the
 * two best points of a coarse grid.
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
  // Points outside the bounds are evaluated at the nearest point inside plus a quadratic penalty,
  // so the search can settle on a bound (optima of short series often lie there) without stalling.
  const clamp = (x: readonly number[]): number[] => {
    const alpha = Math.min(UPPER, Math.max(LOWER, x[0] as number));
    const out = [alpha];
    if (form.trend) out.push(Math.min(Math.min(UPPER, alpha), Math.max(LOWER, x[1] as number)));
    if (form.damped) out.push(Math.min(PHI_UPPER, Math.max(PHI_LOWER, x[2] as number)));
    return out;
  };
  // The concentrated SSE is a difference of sums of squares of size Σy², so it carries rounding
  // noise of about 1e-16·Σy²; differences below that are not worth chasing.
  const noise = 1e-13 * y.reduce((sum, v) => sum + v * v, 0);
  let penaltyScale = 1e-12;
  for (let t = 1; t < y.length; t++) penaltyScale += ((y[t] as number) - (y[t - 1] as number)) ** 2;
  const objective = (x: readonly number[]): number => {
    const inside = clamp(x);
    const { alpha, beta, phi } = unpack(inside);
    let distance = 0;
    for (let j = 0; j < x.length; j++) distance += ((x[j] as number) - (inside[j] as number)) ** 2;
    return concentrated(y, alpha, beta, phi, form.trend).sse + 100 * penaltyScale * distance;
  };
  const grid: { x: number[]; value: number }[] = [];
  for (const a of ALPHA_GRID) {
    if (!form.trend) grid.push({ x: [a], value: objective([a]) });
    else
      for (const f of BETA_FRACTION_GRID) {
        const b = Math.max(LOWER, f * a);
        if (!form.damped) grid.push({ x: [a, b], value: objective([a, b]) });
        else for (const p of PHI_GRID) grid.push({ x: [a, b, p], value: objective([a, b, p]) });
      }
  }
  grid.sort((p, q) => p.value - q.value);
  const starts = [R_START.slice(0, dims), ...grid.slice(0, GRID_STARTS).map((g) => g.x)];
  let best: { x: number[]; value: number } | undefined;
  for (const start of starts) {
    let x = start;
    let value = objective(x);
    // Restart from the optimum with smaller steps until it stops improving (Nelder–Mead can
    // stall against a bound).
    for (let restart = 0; restart < 3; restart++) {
      const size = restart === 0 ? 0.1 : 0.02;
      const steps = x.map((v, j) => (j === 2 ? -size / 2 : v > 0.5 ? -size : size));
      const result = nelderMead(objective, x, { steps, fAbsolute: noise });
      const improved = result.value < value - 1e-9 * Math.abs(value);
      x = result.x;
      value = Math.min(value, result.value);
      if (!improved) break;
    }
    if (best === undefined || value < best.value) best = { x, value };
  }
  const { alpha, beta, phi } = unpack(clamp(best!.x));
  const fit = concentrated(y, alpha, beta, phi, form.trend);
  // The SSE reported is recomputed from the errors themselves, free of the cancellation above.
  const errors = runSmoothing(y, alpha, beta, phi, fit.l0, fit.b0).errors;
  const sse = errors.reduce((sum, e) => sum + e * e, 0);
  return {
    alpha,
    beta,
    phi,
    initialLevel: fit.l0,
    initialTrend: fit.b0,
    level: fit.level,
    trend: fit.trend,
    sse,
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
 * For fixed (α, β, φ) the one-step errors are affine in the initial states:
 * e = e⁰ + ℓ₀·g + b₀·k, where e⁰ are the errors from zero initial states and g, k those of the
 * same recursions run on y = 0 from (1, 0) and (0, 1). The least-squares (ℓ₀, b₀) solve the 2×2
 * normal equations; all three runs share one pass and only their cross-products are kept.
 */
function concentrated(
  y: readonly number[],
  alpha: number,
  beta: number,
  phi: number,
  trend: boolean,
): { sse: number; l0: number; b0: number; level: number; trend: number } {
  let l = 0;
  let b = 0;
  let lg = 1;
  let bg = 0;
  let lk = 0;
  let bk = 1;
  let ee = 0;
  let eg = 0;
  let ek = 0;
  let gg = 0;
  let gk = 0;
  let kk = 0;
  for (const value of y) {
    const e = value - l - phi * b;
    const g = -lg - phi * bg;
    const k = -lk - phi * bk;
    ee += e * e;
    eg += e * g;
    ek += e * k;
    gg += g * g;
    gk += g * k;
    kk += k * k;
    l += phi * b + alpha * e;
    b = phi * b + beta * e;
    lg += phi * bg + alpha * g;
    bg = phi * bg + beta * g;
    lk += phi * bk + alpha * k;
    bk = phi * bk + beta * k;
  }
  let l0 = 0;
  let b0 = 0;
  if (!trend) {
    l0 = gg > 0 ? -eg / gg : 0;
  } else {
    const det = gg * kk - gk * gk;
    if (det > 1e-12 * gg * kk) {
      l0 = (-kk * eg + gk * ek) / det;
      b0 = (-gg * ek + gk * eg) / det;
    } else {
      // Collinear sensitivities: the trend's initial value is not identified; keep it at 0.
      l0 = gg > 0 ? -eg / gg : 0;
    }
  }
  const sse = Math.max(
    0,
    ee + 2 * (l0 * eg + b0 * ek) + l0 * l0 * gg + 2 * l0 * b0 * gk + b0 * b0 * kk,
  );
  return {
    sse,
    l0,
    b0,
    level: l + l0 * lg + b0 * lk,
    trend: b + l0 * bg + b0 * bk,
  };
}
