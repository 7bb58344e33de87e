// The closed form of the uncertainty model's spread: the standard deviation of the cumulated
// AR(1) shocks after h years, and the central interval it gives a projected value — the interval
// a row reports when the assessment is not simulated.
import { normalQuantile } from "../internal/normalQuantile.js";
import { fromScale, toScale } from "../models/modelScale.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { UncertaintyEstimate } from "./estimateUncertainty.js";
import { calibrationFactorAt } from "./intervalCalibration.js";

/**
 * Standard deviation of the cumulated AR(1) shocks `S_h = e_1 + … + e_h` after `years` = h years,
 * with `e_t = φ·e_{t−1} + ε_t`, `e_0 = 0`, `ε_t ~ N(0, σ²)` — the shock model of the Monte Carlo
 * engine (`simulate`) on the modelling scale. The shock of year t adds `(1 − φ^{h−t+1}) / (1 − φ)`
 * to `S_h` (the ψ-weights of an ARIMA(1,1,0): Box, Jenkins & Reinsel, *Time Series Analysis*,
 * §5.2), so `Var S_h = σ² / (1 − φ)² · Σ_{k=1..h} (1 − φ^k)²
 *   = σ² / (1 − φ)² · [h − 2φ(1 − φ^h) / (1 − φ) + φ²(1 − φ^{2h}) / (1 − φ²)]`.
 *
 * @param sigma - innovation standard deviation a year (≥ 0), on the modelling scale.
 * @param phi - persistence, in (−1, 1).
 * @param years - horizon in years (≥ 0).
 * @example
 * // φ = 0: a random walk, sd σ·√h
 * cumulatedShockSd(0.05, 0, 4); // 0.1
 */
export function cumulatedShockSd(sigma: number, phi: number, years: number): number {
  if (years <= 0 || sigma === 0) return 0;
  if (phi === 0) return sigma * Math.sqrt(years);
  const sum =
    years -
    (2 * phi * (1 - phi ** years)) / (1 - phi) +
    (phi * phi * (1 - phi ** (2 * years))) / (1 - phi * phi);
  return (sigma / (1 - phi)) * Math.sqrt(Math.max(0, sum));
}

/**
 * The central interval at `level` (e.g. 0.8) of a series' value `years` after its last
 * observation, from the uncertainty model: `centre` moved by ± z·sd on the modelling scale, sd the
 * cumulated AR(1) shocks' ({@link cumulatedShockSd}) with the series' sigma and its indicator's
 * phi, times the series' calibration factor at that horizon (`calibrationFactorAt`). The same
 * distribution the Monte Carlo engine draws, up to its interaction with bounds and aggregation.
 * Undefined when the model has no sigma for the series.
 */
export function shockInterval(
  estimate: UncertaintyEstimate,
  series: { readonly scope: string; readonly indicator: string },
  indicator: Indicator,
  centre: number,
  years: number,
  level: number,
): { lower: number; upper: number; level: number; sd: number } | undefined {
  const sd = seriesShockSd(estimate, series, years);
  if (sd === undefined) return undefined;
  const bounds = indicatorBounds(indicator) as [number, number];
  const x = toScale(centre, indicator.scale, bounds);
  if (!Number.isFinite(x)) return undefined;
  const z = normalQuantile(0.5 + level / 2);
  const lower = fromScale(x - z * sd, indicator.scale, bounds);
  const upper = fromScale(x + z * sd, indicator.scale, bounds);
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return undefined;
  return { lower, upper, level, sd };
}

/**
 * The standard deviation of a series' cumulated shocks `years` after its last observation
 * ({@link cumulatedShockSd}) times the calibration of its spread at that horizon, or undefined
 * when the estimate has no sigma or no phi for it.
 */
function seriesShockSd(
  estimate: UncertaintyEstimate,
  series: { readonly scope: string; readonly indicator: string },
  years: number,
): number | undefined {
  const row = estimate.series.find(
    (s) => s.scope === series.scope && s.indicator === series.indicator,
  );
  const phi = estimate.indicators.find((i) => i.indicator === series.indicator)?.phi;
  if (row === undefined || phi === undefined) return undefined;
  return cumulatedShockSd(row.sigma, phi, years) * calibrationFactorAt(row.calibration, years);
}

/** A symbol of a derived value's formula, as {@link formulaShockInterval} reads it. */
export interface FormulaComponent {
  /** The symbol's own series (its scope's), whose sigma the estimate holds. */
  readonly series: { readonly scope: string; readonly indicator: string };
  readonly indicator: Indicator;
  /** Years from the series' last observation to the year of the interval. */
  readonly years: number;
}

/**
 * The central interval at `level` of a derived value `centre` = `coef · Π xₖ^eₖ` (a formula that
 * is a monomial, see `formulaMonomial`) of log-scale series xₖ with independent shocks (each of a
 * different indicator): log of the value is `Σ eₖ · log xₖ` plus a constant, normal with standard
 * deviation `√(Σ eₖ² · sdₖ²)`, sdₖ the cumulated shocks of xₖ from its last observation
 * ({@link cumulatedShockSd}). This is the distribution the Monte Carlo engine draws for the value,
 * so the interval is exact under the uncertainty model, not an approximation. Undefined when a
 * component is not on the log scale, has no sigma, or `centre` is not positive.
 */
export function formulaShockInterval(
  estimate: UncertaintyEstimate,
  components: ReadonlyMap<string, FormulaComponent>,
  exponents: ReadonlyMap<string, number>,
  centre: number,
  level: number,
): { lower: number; upper: number; level: number; sd: number } | undefined {
  if (!(centre > 0)) return undefined;
  let variance = 0;
  for (const [symbol, exponent] of exponents) {
    const c = components.get(symbol);
    if (c === undefined || c.indicator.scale !== "log") return undefined;
    const sd = seriesShockSd(estimate, c.series, c.years);
    if (sd === undefined) return undefined;
    variance += (exponent * sd) ** 2;
  }
  const sd = Math.sqrt(variance);
  const z = normalQuantile(0.5 + level / 2);
  const lower = centre * Math.exp(-z * sd);
  const upper = centre * Math.exp(z * sd);
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return undefined;
  return { lower, upper, level, sd };
}
