/**
 * The one uncertainty model of a scenario: every projected series' yearly shocks on its
 * modelling scale, with a scale (sigma) per series and a persistence (phi) and cross-place
 * correlation (rho) per indicator, each with its provenance. The Monte Carlo engine draws its
 * paths from it, and an assessment without simulation takes its rows' intervals from the same
 * parameters in closed form (`cumulatedShockSd`, in shockInterval.ts), so both tell one story. The parameters
 * come from the scenario's `uncertainty` entries, else from the series' own history
 * ({@link estimateShockParameters}, the estimator), else from the same indicator's series of
 * other places pooled, else from the default of the indicator's kind ({@link FALLBACK_SHOCKS}: the
 * prefecture panels of `defaultUncertainty.generated.ts` for levels, pooled rates for rates).
 *
 * @module
 */
import { fsum } from "../internal/fsum.js";
import type { Dataset } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Scenario } from "../schemas/scenario.js";
import { unitEntry } from "../schemas/units.js";
import {
  PREFECTURE_GDP_SHOCKS,
  PREFECTURE_POPULATION_SHOCKS,
} from "./defaultUncertainty.generated.js";
import { estimateShockParameters } from "./estimateShockParameters.js";
import { checkUncertaintyArgs } from "./internal/checkUncertaintyArgs.js";
import { calibrationFactorsOf } from "./intervalCalibration.js";
import { uncertaintyKey } from "./projectionCache.js";
import { cacheOfProjection, type ScenarioProjection } from "./projectScenario.js";
import type { ScopeSeries } from "./scopeSeries.js";
import { mostSpecific } from "./selectorScore.js";

/** The shock scale of one series and where it comes from. */
export interface SeriesUncertainty {
  readonly scope: string;
  readonly indicator: string;
  /** Innovation standard deviation a year on the indicator's modelling scale. */
  readonly sigma: number;
  readonly source: string;
  /**
   * Where sigma comes from: the scenario, the series' own steps, the same indicator's series of
   * other places pooled, or the default of the indicator's kind.
   */
  readonly basis: "scenario" | "series" | "pooled" | "default";
  /** One-year steps of the series' own history that could be used (fewer than 5: not its own). */
  readonly steps: number;
  /** For `pooled` and `default`: what a row resting on this sigma says, e.g. `σ from the default for levels (0.051): its own series has 3 steps`. */
  readonly note?: string;
  /**
   * The calibration of the spread by horizon (see `INTERVAL_CALIBRATION`): the standard deviation
   * of the cumulated shocks h years after the last observation is multiplied by the h-th factor
   * (the last one for longer horizons), in the rows' intervals and in the simulation alike.
   * Absent for a sigma the scenario states and for a model kind that is not calibrated.
   */
  readonly calibration?: readonly number[];
}

/** The persistence and cross-place correlation of one indicator's shocks, and their sources. */
export interface IndicatorUncertainty {
  readonly indicator: string;
  readonly phi: number;
  readonly rho: number;
  readonly source: string;
}

/** Everything the Monte Carlo engine needs to know about shocks, with provenance. */
export interface UncertaintyEstimate {
  readonly series: readonly SeriesUncertainty[];
  readonly indicators: readonly IndicatorUncertainty[];
}

/** Fewest one-year steps a series needs for its own sigma (otherwise the fallback applies). */
export const MIN_STEPS_FOR_SIGMA = 5;
/** Fewest pooled steps an indicator needs for its own phi (short series bias phi towards 0). */
export const MIN_STEPS_FOR_PHI = 15;

/**
 * Default shock parameters by kind of indicator, used where neither the scenario nor the data
 * give a series its own (see {@link defaultShocksOf}):
 * - `log` (money and other levels): the volatility of Chinese prefecture-level cities' nominal
 *   GDP growth, 2011–2018 (`PREFECTURE_GDP_SHOCKS`, medians over 289 cities; rho between cities
 *   of one province, the closest stand-in for counties of one city);
 * - `population` (levels in persons): the volatility of the same cities' population implied by
 *   the panel (GDP / GDP per capita), 2011–2018 (`PREFECTURE_POPULATION_SHOCKS`, σ ≈ 0.0096, a
 *   fifth of GDP's: population moves slowly, and a GDP-sized σ would put ±7% a year on it);
 * - `logit` (rates): no panel of rates is shipped, so `estimateUncertainty` pools the data's own
 *   rate series (every rate indicator with a series of at least 5 steps, pooled across places);
 *   only when there is none does this stated assumption apply: sigma 0.05 on the logit scale
 *   (≈ 1.2 percentage points a year at 50%), with the GDP persistence and correlation;
 * - `linear` (counts, growth rates): no shocks (sigma 0): a linear-scale series has no natural
 *   relative scale, so without its own history it is projected deterministically.
 */
export const FALLBACK_SHOCKS = {
  log: {
    sigma: PREFECTURE_GDP_SHOCKS.sigma,
    phi: PREFECTURE_GDP_SHOCKS.phi,
    rho: PREFECTURE_GDP_SHOCKS.rho,
    label: "levels",
    source: `nominal GDP growth of China's prefecture-level cities, ${PREFECTURE_GDP_SHOCKS.window} (CSMAR; medians over ${PREFECTURE_GDP_SHOCKS.series} cities)`,
  },
  population: {
    sigma: PREFECTURE_POPULATION_SHOCKS.sigma,
    phi: PREFECTURE_POPULATION_SHOCKS.phi,
    rho: PREFECTURE_POPULATION_SHOCKS.rho,
    label: "population",
    source: `population (GDP / GDP per capita) of China's prefecture-level cities, ${PREFECTURE_POPULATION_SHOCKS.window} (CSMAR; medians over ${PREFECTURE_POPULATION_SHOCKS.series} cities)`,
  },
  logit: {
    sigma: 0.05,
    phi: PREFECTURE_GDP_SHOCKS.phi,
    rho: PREFECTURE_GDP_SHOCKS.rho,
    label: "rates",
    source: "assumption for rates: 0.05 on the logit scale; persistence and correlation as for GDP",
  },
  linear: {
    sigma: 0,
    phi: 0,
    rho: 0,
    label: "linear-scale series",
    source: "no uncertainty model for a linear-scale series without history",
  },
} as const;

/** The default shock parameters of an indicator's kind (see {@link FALLBACK_SHOCKS}). */
export function defaultShocksOf(indicator: Pick<Indicator, "scale" | "unit">) {
  if (indicator.scale === "log" && unitEntry(indicator.unit)?.quantity === "persons")
    return FALLBACK_SHOCKS.population;
  return FALLBACK_SHOCKS[indicator.scale];
}

/**
 * Works out the shock parameters of every projected series of a scenario, in this order of
 * precedence: the scenario's `uncertainty` entries (the most specific matching entry; `phi` and
 * `rho` are per indicator, so for them only entries for every scope — `"*"` — apply); an estimate
 * from the series' own history (`estimateShockParameters`: sigma from at least
 * {@link MIN_STEPS_FOR_SIGMA} one-year steps, phi from at least {@link MIN_STEPS_FOR_PHI} pooled
 * steps, rho from places with overlapping data); the {@link FALLBACK_SHOCKS} of the indicator's
 * scale. Reference series (such as the 70th city's GDP) get a sigma of their own the same way,
 * keyed by the reference id as both scope and indicator. Derived indicators (a `formula`) get
 * none: their values move with the shocks of the indicators their formula names. Every value
 * says where it came from. A series whose sigma is not the scenario's carries the calibration of
 * its spread by horizon for its scale and model kind (`calibration`, see `INTERVAL_CALIBRATION`).
 *
 * @throws {ArgumentTypeError} for an argument of the wrong shape, naming the first problem, e.g.
 *   `estimateUncertainty: dataset.breaks must be an array (got nothing)`.
 * @throws {ArgumentRangeError} for a value out of range, e.g. `estimateUncertainty:
 *   projection.series[0].indicator must be an indicator of the dataset (got the string "gpd")`.
 * @example
 * const trend = projectScenario(qujingPack.dataset, resolveScenario("trend", qujingPack.scenarios));
 * estimateUncertainty(qujingPack.dataset, trend, { uncertainty: [] }).series.length > 0; // true
 */
export function estimateUncertainty(
  dataset: Dataset,
  projection: ScenarioProjection,
  scenario: Pick<Scenario, "uncertainty">,
): UncertaintyEstimate {
  checkUncertaintyArgs(dataset, projection, scenario);
  return estimateCheckedUncertainty(dataset, projection, scenario);
}

/**
 * {@link estimateUncertainty} without its argument checks, for the library's own callers, whose
 * dataset and projection were checked and built by it (the assessment and `simulatePack`). Not
 * exported from the package.
 */
export function estimateCheckedUncertainty(
  dataset: Dataset,
  projection: ScenarioProjection,
  scenario: Pick<Scenario, "uncertainty">,
): UncertaintyEstimate {
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  // A derived indicator's series is computed from its symbols', which carry the shocks.
  const own = projection.series.filter(
    (s) => s.basis === "observed" && s.observed.length > 0 && s.formula === undefined,
  );
  const breaksOf = (s: ScopeSeries) =>
    dataset.breaks
      .filter((b) => b.indicator === s.indicator && (b.place === undefined || b.place === s.scope))
      .map((b) => b.year);
  const placeIds = new Set(dataset.places.map((p) => p.id));
  const indicatorRows: IndicatorUncertainty[] = [];
  const perIndicator = new Map<string, IndicatorUncertainty>();
  // Per indicator with enough data: the stationary deviation pooled over its series.
  const pooled = new Map<string, { stationary: number; steps: number; series: number }>();
  for (const id of new Set(own.map((s) => s.indicator))) {
    const indicator = indicators.get(id) as Indicator;
    const fallback = defaultShocksOf(indicator);
    const series = own
      .filter((s) => s.indicator === id)
      .map((s) => ({
        id: s.scope,
        // places share a group for rho; groups' own series are not paired with their members
        ...(placeIds.has(s.scope) ? { group: "places" } : {}),
        years: s.observed.map((p) => p.year),
        values: s.observed.map((p) => p.value),
        breaks: breaksOf(s),
      }));
    let estimate: ReturnType<typeof estimateShockParameters> | undefined;
    try {
      estimate = estimateShockParameters(series, {
        scale: indicator.scale,
        bounds: indicatorBounds(indicator) as [number, number],
        minSteps: MIN_STEPS_FOR_SIGMA,
      });
    } catch {
      estimate = undefined;
    }
    if (estimate !== undefined)
      pooled.set(id, {
        stationary: estimate.sigma / Math.sqrt(1 - (estimate.phi ?? 0) ** 2),
        steps: estimate.steps,
        series: estimate.series,
      });
    const stated = (key: "phi" | "rho") =>
      [...scenario.uncertainty]
        .reverse()
        .find(
          (u) =>
            (u.indicator === id || u.indicator === "*") && u.scope === "*" && u[key] !== undefined,
        );
    const phiEntry = stated("phi");
    const rhoEntry = stated("rho");
    const ownPhi =
      estimate !== undefined && estimate.phi !== null && estimate.steps >= MIN_STEPS_FOR_PHI;
    const phi = phiEntry?.phi ?? (ownPhi ? (estimate?.phi as number) : fallback.phi);
    const rho = rhoEntry?.rho ?? estimate?.rho ?? fallback.rho;
    const source = [
      phiEntry !== undefined
        ? `phi: scenario (${phiEntry.reason})`
        : ownPhi
          ? `phi: estimated from ${estimate?.steps} steps`
          : `phi: ${fallback.source}`,
      rhoEntry !== undefined
        ? `rho: scenario (${rhoEntry.reason})`
        : estimate?.rho !== null && estimate?.rho !== undefined
          ? `rho: estimated from ${estimate.pairs} pairs of places`
          : `rho: ${fallback.source}`,
    ].join("; ");
    const row = { indicator: id, phi, rho, source };
    indicatorRows.push(row);
    perIndicator.set(id, row);
  }
  // The pooled stationary deviation of the rate indicators' series (with enough steps), the
  // default sigma of a rate without its own history or other places' (no panel of rates ships).
  const isRate = (i: Indicator | undefined) => i?.kind === "rate" && i.scale === "logit";
  const rateEstimates = [...pooled].filter(([id]) => isRate(indicators.get(id)));
  const rateSteps = fsum(rateEstimates.map(([, p]) => p.steps));
  const ratePool =
    rateSteps === 0
      ? undefined
      : {
          stationary: Math.sqrt(
            fsum(rateEstimates.map(([, p]) => p.steps * p.stationary ** 2)) / rateSteps,
          ),
          ids: rateEstimates.map(([id]) => id),
        };
  const shown = (x: number) => Number(x.toPrecision(2));
  const stepsText = (n: number) => `its own series has ${n} step${n === 1 ? "" : "s"}`;
  const seriesRows: SeriesUncertainty[] = own.map((s) => {
    const indicator = indicators.get(s.indicator) as Indicator;
    const fallback = defaultShocksOf(indicator);
    const bounds = indicatorBounds(indicator) as [number, number];
    let e: ReturnType<typeof estimateShockParameters> | undefined;
    try {
      e = estimateShockParameters(
        [
          {
            id: s.scope,
            years: s.observed.map((p) => p.year),
            values: s.observed.map((p) => p.value),
            breaks: breaksOf(s),
          },
        ],
        { scale: indicator.scale, bounds, minSteps: 1 },
      );
    } catch {
      e = undefined;
    }
    const steps = e?.steps ?? 0;
    const row = { scope: s.scope, indicator: s.indicator, steps };
    const factors = calibrationFactorsOf(indicator.scale, s.model?.requested.kind);
    const calibrated = factors === undefined ? {} : { calibration: factors };
    const entry = mostSpecific(
      scenario.uncertainty.filter((u) => u.sigma !== undefined),
      s.scope,
      s.indicator,
      dataset.groups,
    );
    if (entry?.sigma !== undefined)
      return {
        ...row,
        sigma: entry.sigma,
        source: `scenario (${entry.reason})`,
        basis: "scenario",
      };
    const phi = perIndicator.get(s.indicator)?.phi ?? fallback.phi;
    // A stationary deviation turned into an innovation scale with the indicator's phi (a
    // series' own phi from a few steps would be too noisy).
    const innovation = (stationary: number) => stationary * Math.sqrt(1 - phi ** 2);
    if (e !== undefined && steps >= MIN_STEPS_FOR_SIGMA)
      return {
        ...row,
        sigma: innovation(e.sigma / Math.sqrt(1 - (e.phi ?? 0) ** 2)),
        source: `estimated from its own ${steps} one-year steps`,
        basis: "series",
        ...calibrated,
      };
    const same = pooled.get(s.indicator);
    if (same !== undefined) {
      const sigma = innovation(same.stationary);
      return {
        ...row,
        sigma,
        source: `pooled from ${same.series} series of ${s.indicator} with at least ${MIN_STEPS_FOR_SIGMA} steps`,
        basis: "pooled",
        ...calibrated,
        note: `σ pooled from ${same.series} other series of ${s.indicator} (${shown(sigma)}): ${stepsText(steps)}`,
      };
    }
    if (isRate(indicator) && ratePool !== undefined) {
      const sigma = innovation(ratePool.stationary);
      return {
        ...row,
        sigma,
        source: `default for rates: the data's rate series pooled (${ratePool.ids.join(", ")})`,
        basis: "default",
        ...calibrated,
        note: `σ from the default for rates, pooled from the data's rate series (${shown(sigma)}): ${stepsText(steps)}`,
      };
    }
    return {
      ...row,
      sigma: fallback.sigma,
      source: fallback.source,
      basis: "default",
      ...calibrated,
      note: `σ from the default for ${fallback.label} (${shown(fallback.sigma)}): ${stepsText(steps)}`,
    };
  });
  // Reference series (e.g. the 70th city's GDP): each a log-scale series of its own, with its
  // own indicator id; sigma from its observed steps where it has enough, phi from the fallback.
  for (const reference of projection.references) {
    const k = reference.years.findIndex((y) => y > reference.observedThrough);
    const observedYears = k < 0 ? reference.years : reference.years.slice(0, k);
    const observedValues = k < 0 ? reference.values : reference.values.slice(0, k);
    const fallback = FALLBACK_SHOCKS.log;
    const stated = (key: "sigma" | "phi") =>
      [...scenario.uncertainty]
        .reverse()
        .find(
          (u) =>
            (u.indicator === reference.id || u.indicator === "*") &&
            (u.scope === reference.id || u.scope === "*") &&
            u[key] !== undefined,
        );
    const phiEntry = stated("phi");
    const phi = phiEntry?.phi ?? fallback.phi;
    indicatorRows.push({
      indicator: reference.id,
      phi,
      rho: 0,
      source: `phi: ${phiEntry === undefined ? fallback.source : `scenario (${phiEntry.reason})`}; rho: none (a series of its own)`,
    });
    const sigmaEntry = stated("sigma");
    if (sigmaEntry?.sigma !== undefined) {
      seriesRows.push({
        scope: reference.id,
        indicator: reference.id,
        sigma: sigmaEntry.sigma,
        source: `scenario (${sigmaEntry.reason})`,
        basis: "scenario",
        steps: Math.max(0, observedYears.length - 1),
      });
      continue;
    }
    try {
      const e = estimateShockParameters(
        [
          {
            id: reference.id,
            years: observedYears,
            values: observedValues,
            breaks: reference.breaks,
          },
        ],
        { scale: "log", minSteps: MIN_STEPS_FOR_SIGMA },
      );
      const stationary = e.sigma / Math.sqrt(1 - (e.phi ?? 0) ** 2);
      seriesRows.push({
        scope: reference.id,
        indicator: reference.id,
        sigma: stationary * Math.sqrt(1 - phi ** 2),
        source: `estimated from its own ${e.steps} one-year steps`,
        basis: "series",
        steps: e.steps,
      });
    } catch {
      const steps = Math.max(0, observedYears.length - 1);
      seriesRows.push({
        scope: reference.id,
        indicator: reference.id,
        sigma: fallback.sigma,
        source: fallback.source,
        basis: "default",
        steps,
        note: `σ of ${reference.id} from the default for ${fallback.label} (${shown(fallback.sigma)}): ${stepsText(steps)}`,
      });
    }
  }
  return { series: seriesRows, indicators: indicatorRows };
}

const memo = new WeakMap<ScenarioProjection, UncertaintyEstimate>();

/**
 * {@link estimateUncertainty} of a projection under its own scenario, once per projection object.
 */
export function uncertaintyOfProjection(
  dataset: Dataset,
  projection: ScenarioProjection,
): UncertaintyEstimate {
  const known = memo.get(projection);
  if (known !== undefined) return known;
  const compute = () => estimateCheckedUncertainty(dataset, projection, projection.scenario);
  const cache = cacheOfProjection(projection);
  const estimate =
    cache?.dataset === dataset
      ? (cache.uncertainty.getOrCompute(uncertaintyKey(projection), compute) as UncertaintyEstimate)
      : compute();
  memo.set(projection, estimate);
  return estimate;
}

/**
 * Gives `projection` the uncertainty estimate of `like` (see {@link uncertaintyOfProjection}): for
 * a projection that differs from `like` only in projected values, not in the observations the
 * estimate is made from (the judgement at current prices beside a real one replaces a series'
 * projection with the real projection × the deflator). Not exported from the package.
 */
export function shareUncertainty(
  dataset: Dataset,
  like: ScenarioProjection,
  projection: ScenarioProjection,
): void {
  memo.set(projection, uncertaintyOfProjection(dataset, like));
}
