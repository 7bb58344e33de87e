/**
 * The estimator of the uncertainty model's shock parameters (sigma, phi, rho) from observed
 * series. `estimateUncertainty` applies it to a scenario's projected series; its fallback for
 * levels is the panel estimate in `defaultUncertainty.generated.ts`, which
 * `scripts/estimate-uncertainty.ts` produces with this estimator.
 *
 * @module
 */
import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOneOf,
  checkOptions,
  checkString,
  memberPath,
} from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { fsum } from "../internal/fsum.js";
import { toScale } from "../models/modelScale.js";
import type { ModelScale } from "../schemas/indicator.js";

/** One series for {@link estimateShockParameters}. */
export interface ShockSeries {
  readonly id: string;
  /** Series in the same group (e.g. cities of one province) are used to estimate `rho`. */
  readonly group?: string;
  readonly years: readonly number[];
  readonly values: readonly number[];
  /** Years at which a new statistical basis starts: the step into such a year is not used. */
  readonly breaks?: readonly number[];
}

/** Options of {@link estimateShockParameters}. */
export interface EstimateShockOptions {
  /** Modelling scale of the values (log for levels). Default `"log"`. */
  readonly scale?: ModelScale;
  readonly bounds?: readonly [number, number];
  /** Only steps ending in `from … to` are used. */
  readonly window?: { readonly from: number; readonly to: number };
  /** Fewest steps a series needs to contribute (default 4). */
  readonly minSteps?: number;
  /** Fewest common steps a pair of series needs to contribute to `rho` (default 5). */
  readonly minCommonSteps?: number;
  /**
   * `pooled` (default): one AR(1) fitted to all deviations together. `median`: the median over
   * series of each series' own lag-1 autocorrelation and stationary deviation, and the median
   * pairwise correlation — robust to a few series with one-off level revisions, which dominate
   * pooled sums of squares.
   */
  readonly combine?: "pooled" | "median";
}

/** The estimated shock parameters of the Monte Carlo model, with how much data they rest on. */
export interface ShockParameters {
  /** Innovation standard deviation a year, on the modelling scale (pooled over series). */
  readonly sigma: number;
  /** AR(1) persistence of the shocks (pooled lag-1 autocorrelation), clamped to [−0.9, 0.9]. */
  readonly phi: number | null;
  /** Share of shock variance common to series of a group (mean pairwise correlation), in [0, 1]. */
  readonly rho: number | null;
  /** Steps (one-year changes) used, series that contributed, pairs used for rho. */
  readonly steps: number;
  readonly series: number;
  readonly pairs: number;
  /** Per series: its own innovation sigma (with the pooled phi) and number of steps. */
  readonly perSeries: readonly {
    readonly id: string;
    readonly sigma: number;
    readonly steps: number;
  }[];
}

/**
 * Estimates the yearly shock model of the Monte Carlo engine — growth on the modelling scale
 * `d_t = μ + e_t`, `e_t = φ·e_{t−1} + ε_t`, `ε_t = σ(√ρ·f_t + √(1−ρ)·z_t)` — from observed series:
 *
 * 1. one-year steps `d_t = x_t − x_{t−1}` on the modelling scale, never across a series break or
 *    a gap in the years;
 * 2. deviations from each series' mean step, `e_t = d_t − d̄` (μ is the projection's business);
 * 3. `φ` = pooled lag-1 autocorrelation `Σ e_t e_{t−1} / Σ e_t²` (Box, Jenkins & Reinsel,
 *    *Time Series Analysis*, §3.2; biased towards 0 in short series — Kendall 1954);
 * 4. `σ` = pooled stationary standard deviation of `e` times `√(1 − φ²)`, the innovation scale of
 *    an AR(1) with that stationary variance;
 * 5. `ρ` = mean pairwise correlation of `e` between series of the same group over common years,
 *    the equicorrelation that a one-factor model with loading √ρ implies.
 *
 * Returns `null` for `phi` (fewer than 2 consecutive steps in all) and `rho` (no pair with enough
 * common steps) rather than guessing; the caller applies its documented fallbacks.
 *
 * @throws {ArgumentRangeError} (a `RangeError`) `estimateShockParameters: no series has at least 4
 *   steps` when nothing can be estimated (an empty list included); `estimateShockParameters:
 *   options.minSteps must be a positive integer (got 0)`, and so on for the other number options;
 *   `estimateShockParameters: options.scale must be "log", "logit" or "linear"; did you mean
 *   "logit"? (got the string "logt")`, and so on for `combine`.
 * @throws {ArgumentTypeError} (a `TypeError`) `estimateShockParameters: series must be an array of
 *   series (got nothing)`; `estimateShockParameters: series[0] must be a series { id, years,
 *   values } (got null)`; `estimateShockParameters: series[0].id must be a string (got 1)`;
 *   `estimateShockParameters: series[0].years[2] must be a number (got the string "2020")`, and so
 *   on for `values` and `breaks`; `estimateShockParameters: options.windw is not an option; did
 *   you mean window? (the options are scale, bounds, window, minSteps, minCommonSteps and
 *   combine)`; `estimateShockParameters: options.bounds must be a pair [lower, upper] of numbers
 *   (got 5)`.
 * @example
 * const s = estimateShockParameters([{ id: "a", years: [1, 2, 3, 4, 5, 6], values: [100, 110, 121, 133.1, 146.41, 161.051] }]);
 * s.sigma < 1e-12; // true (constant 10% growth: no shocks)
 */
export function estimateShockParameters(
  series: readonly ShockSeries[],
  options: EstimateShockOptions = {},
): ShockParameters {
  checkShockArgs(series, options);
  const scale = options.scale ?? "log";
  const bounds = options.bounds ?? [0, 100];
  const minSteps = options.minSteps ?? 4;
  const minCommon = options.minCommonSteps ?? 5;
  const deviations: { id: string; group: string | undefined; e: Map<number, number> }[] = [];
  for (const s of series) {
    const breaks = new Set(s.breaks ?? []);
    const steps = new Map<number, number>();
    for (let k = 1; k < s.years.length; k++) {
      const year = s.years[k] as number;
      const prevYear = s.years[k - 1] as number;
      const a = s.values[k - 1] as number;
      const b = s.values[k] as number;
      if (year !== prevYear + 1 || breaks.has(year)) continue;
      if (options.window !== undefined && (year < options.window.from || year > options.window.to))
        continue;
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      if (scale === "log" && !(a > 0 && b > 0)) continue;
      if (scale === "logit" && !(a > bounds[0] && a < bounds[1] && b > bounds[0] && b < bounds[1]))
        continue;
      steps.set(year, toScale(b, scale, bounds) - toScale(a, scale, bounds));
    }
    if (steps.size < minSteps) continue;
    const mean = fsum(steps.values()) / steps.size;
    const e = new Map([...steps].map(([y, d]) => [y, d - mean]));
    deviations.push({ id: s.id, group: s.group, e });
  }
  if (deviations.length === 0)
    throw new ArgumentRangeError(`${FN}: no series has at least ${minSteps} steps`, {
      code: "out-of-range",
      path: "series",
    });
  const lagProducts: number[] = [];
  const lagSquares: number[] = [];
  const squares: number[] = [];
  let dof = 0;
  for (const { e } of deviations) {
    for (const [year, value] of e) {
      squares.push(value * value);
      const prev = e.get(year - 1);
      if (prev !== undefined) {
        lagProducts.push(value * prev);
        lagSquares.push(prev * prev);
      }
    }
    dof += e.size - 1; // one mean estimated per series
  }
  const sumSquares = fsum(squares);
  const rawPhi = lagProducts.length < 2 || sumSquares === 0 ? null : fsum(lagProducts) / sumSquares;
  const phi = rawPhi === null ? null : Math.max(-0.9, Math.min(0.9, rawPhi));
  const innovation = Math.sqrt(1 - (phi ?? 0) ** 2);
  const sigma = Math.sqrt(sumSquares / dof) * innovation;
  const perSeries = deviations.map(({ id, e }) => ({
    id,
    sigma: Math.sqrt(fsum([...e.values()].map((v) => v * v)) / (e.size - 1)) * innovation,
    steps: e.size,
  }));
  const correlations: number[] = [];
  for (let i = 0; i < deviations.length; i++) {
    const a = deviations[i] as (typeof deviations)[number];
    if (a.group === undefined) continue;
    for (let j = i + 1; j < deviations.length; j++) {
      const b = deviations[j] as (typeof deviations)[number];
      if (b.group !== a.group) continue;
      const common = [...a.e.keys()].filter((y) => b.e.has(y));
      if (common.length < minCommon) continue;
      const xa = common.map((y) => a.e.get(y) as number);
      const xb = common.map((y) => b.e.get(y) as number);
      const ma = fsum(xa) / xa.length;
      const mb = fsum(xb) / xb.length;
      const cov = fsum(xa.map((v, k) => (v - ma) * ((xb[k] as number) - mb)));
      const va = fsum(xa.map((v) => (v - ma) ** 2));
      const vb = fsum(xb.map((v) => (v - mb) ** 2));
      if (va > 0 && vb > 0) correlations.push(cov / Math.sqrt(va * vb));
    }
  }
  const median = (xs: readonly number[]): number => {
    const sorted = [...xs].sort((x, y) => x - y);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };
  const useMedian = options.combine === "median";
  const rawRho =
    correlations.length === 0
      ? null
      : useMedian
        ? median(correlations)
        : fsum(correlations) / correlations.length;
  const rho = rawRho === null ? null : Math.max(0, Math.min(1, rawRho));
  if (useMedian) {
    const ownPhis = deviations.flatMap(({ e }) => {
      let num = 0;
      let den = 0;
      for (const [year, value] of e) {
        den += value * value;
        const prev = e.get(year - 1);
        if (prev !== undefined) num += value * prev;
      }
      return den > 0 ? [num / den] : [];
    });
    const medianPhi = ownPhis.length === 0 ? null : Math.max(-0.9, Math.min(0.9, median(ownPhis)));
    const stationary = deviations.map(({ e }) =>
      Math.sqrt(fsum([...e.values()].map((v) => v * v)) / (e.size - 1)),
    );
    const scaleBy = Math.sqrt(1 - (medianPhi ?? 0) ** 2);
    return {
      sigma: median(stationary) * scaleBy,
      phi: medianPhi,
      rho,
      steps: squares.length,
      series: deviations.length,
      pairs: correlations.length,
      perSeries: deviations.map(({ id, e }, k) => ({
        id,
        sigma: (stationary[k] as number) * scaleBy,
        steps: e.size,
      })),
    };
  }
  return {
    sigma,
    phi,
    rho,
    steps: squares.length,
    series: deviations.length,
    pairs: correlations.length,
    perSeries,
  };
}

const FN = "estimateShockParameters";

/** A number (NaN and ±Infinity included: such values are skipped, not refused). */
function anyNumber(path: string, value: unknown): number {
  return checkNumber(FN, path, value, { infinite: true, expected: "a number" }) as number;
}

/** Checks the arguments of {@link estimateShockParameters} (types and shapes, linear in size). */
function checkShockArgs(series: unknown, options: unknown): void {
  checkArrayOf(
    FN,
    "series",
    series,
    (at, item) => {
      const s = checkObject(FN, at, item, "a series { id, years, values }");
      checkString(FN, memberPath(at, "id"), s.id);
      if (s.group !== undefined) checkString(FN, memberPath(at, "group"), s.group);
      for (const key of ["years", "values", "breaks"] as const) {
        if (key === "breaks" && s.breaks === undefined) continue;
        const path = memberPath(at, key);
        checkArrayOf(FN, path, s[key], (p, v) => anyNumber(p, v), "an array of numbers");
      }
      return s;
    },
    "an array of series",
  );
  const o = checkOptions(FN, "options", options, [
    "scale",
    "bounds",
    "window",
    "minSteps",
    "minCommonSteps",
    "combine",
  ]);
  if (o.scale !== undefined) checkOneOf(FN, "options.scale", o.scale, ["log", "logit", "linear"]);
  if (o.bounds !== undefined) {
    const pair = "a pair [lower, upper] of numbers";
    const b = checkArrayOf(FN, "options.bounds", o.bounds, (p, v) => anyNumber(p, v), pair);
    if (b.length !== 2) checkNumber(FN, "options.bounds", o.bounds, { expected: pair });
  }
  if (o.window !== undefined) {
    const w = checkObject(FN, "options.window", o.window, "an object { from, to }");
    checkNumber(FN, "options.window.from", w.from, { infinite: true });
    checkNumber(FN, "options.window.to", w.to, { infinite: true });
  }
  for (const key of ["minSteps", "minCommonSteps"] as const)
    if (o[key] !== undefined)
      checkNumber(FN, `options.${key}`, o[key], { integer: true, positive: true });
  if (o.combine !== undefined) checkOneOf(FN, "options.combine", o.combine, ["pooled", "median"]);
}
