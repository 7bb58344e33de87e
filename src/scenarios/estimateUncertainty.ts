/**
 * The uncertainty model that the Monte Carlo engine's probabilities and fan-chart intervals
 * share: every projected series' yearly shocks on its modelling scale, with a scale (sigma) per
 * series and a persistence (phi) and cross-place correlation (rho) per indicator, each with its
 * provenance. The parameters come from the scenario's `uncertainty` entries, else from the
 * series' own history ({@link estimateShockParameters}, the estimator), else from
 * {@link FALLBACK_SHOCKS} (the prefecture GDP panel in `defaultUncertainty.generated.ts`).
 *
 * The 80% intervals of the deterministic projection (`INTERVAL_LEVEL`) are not drawn from this
 * model: each fitted model gives its own (see `projectOne`).
 *
 * @module
 */
import type { Dataset } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Scenario } from "../schemas/scenario.js";
import { PREFECTURE_GDP_SHOCKS } from "./defaultUncertainty.generated.js";
import { estimateShockParameters } from "./estimateShockParameters.js";
import type { ScenarioProjection } from "./projectScenario.js";
import type { ScopeSeries } from "./scopeSeries.js";
import { mostSpecific } from "./selectorScore.js";

/** The shock scale of one series and where it comes from. */
export interface SeriesUncertainty {
  readonly scope: string;
  readonly indicator: string;
  /** Innovation standard deviation a year on the indicator's modelling scale. */
  readonly sigma: number;
  readonly source: string;
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
 * Fallback shock parameters by modelling scale, used where a series is too short to estimate
 * its own:
 * - log (levels): the volatility of Chinese prefecture-level cities' nominal GDP growth,
 *   2011–2018 (`PREFECTURE_GDP_SHOCKS`, medians over 289 cities; rho between cities of one
 *   province, the closest stand-in for counties of one city);
 * - logit (rates): sigma 0.05 on the logit scale (≈ 1.2 percentage points a year at 50%), with
 *   the GDP persistence and correlation — no panel of rates is shipped, so this is a stated
 *   assumption a scenario should override when it knows better;
 * - linear (counts, growth rates): no shocks (sigma 0): a linear-scale series has no natural
 *   relative scale, so without its own history it is projected deterministically.
 */
export const FALLBACK_SHOCKS = {
  log: {
    sigma: PREFECTURE_GDP_SHOCKS.sigma,
    phi: PREFECTURE_GDP_SHOCKS.phi,
    rho: PREFECTURE_GDP_SHOCKS.rho,
    source: `nominal GDP growth of China's prefecture-level cities, ${PREFECTURE_GDP_SHOCKS.window} (CSMAR; medians over ${PREFECTURE_GDP_SHOCKS.series} cities)`,
  },
  logit: {
    sigma: 0.05,
    phi: PREFECTURE_GDP_SHOCKS.phi,
    rho: PREFECTURE_GDP_SHOCKS.rho,
    source: "assumption for rates: 0.05 on the logit scale; persistence and correlation as for GDP",
  },
  linear: {
    sigma: 0,
    phi: 0,
    rho: 0,
    source: "no uncertainty model for a linear-scale series without history",
  },
} as const;

/**
 * Works out the shock parameters of every projected series of a scenario, in this order of
 * precedence: the scenario's `uncertainty` entries (the most specific matching entry; `phi` and
 * `rho` are per indicator, so for them only entries for every scope — `"*"` — apply); an estimate
 * from the series' own history (`estimateShockParameters`: sigma from at least
 * {@link MIN_STEPS_FOR_SIGMA} one-year steps, phi from at least {@link MIN_STEPS_FOR_PHI} pooled
 * steps, rho from places with overlapping data); the {@link FALLBACK_SHOCKS} of the indicator's
 * scale. Reference series (such as the 70th city's GDP) get a sigma of their own the same way,
 * keyed by the reference id as both scope and indicator. Every value says where it came from.
 */
export function estimateUncertainty(
  dataset: Dataset,
  projection: ScenarioProjection,
  scenario: Pick<Scenario, "uncertainty">,
): UncertaintyEstimate {
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const own = projection.series.filter((s) => s.basis === "observed" && s.observed.length > 0);
  const breaksOf = (s: ScopeSeries) =>
    dataset.breaks
      .filter((b) => b.indicator === s.indicator && (b.place === undefined || b.place === s.scope))
      .map((b) => b.year);
  const placeIds = new Set(dataset.places.map((p) => p.id));
  const indicatorRows: IndicatorUncertainty[] = [];
  const perIndicator = new Map<string, IndicatorUncertainty>();
  for (const id of new Set(own.map((s) => s.indicator))) {
    const indicator = indicators.get(id) as Indicator;
    const fallback = FALLBACK_SHOCKS[indicator.scale];
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
  const seriesRows: SeriesUncertainty[] = own.map((s) => {
    const indicator = indicators.get(s.indicator) as Indicator;
    const fallback = FALLBACK_SHOCKS[indicator.scale];
    const entry = mostSpecific(
      scenario.uncertainty.filter((u) => u.sigma !== undefined),
      s.scope,
      s.indicator,
      dataset.groups,
    );
    if (entry?.sigma !== undefined)
      return {
        scope: s.scope,
        indicator: s.indicator,
        sigma: entry.sigma,
        source: `scenario (${entry.reason})`,
      };
    const phi = perIndicator.get(s.indicator)?.phi ?? fallback.phi;
    try {
      const e = estimateShockParameters(
        [
          {
            id: s.scope,
            years: s.observed.map((p) => p.year),
            values: s.observed.map((p) => p.value),
            breaks: breaksOf(s),
          },
        ],
        {
          scale: indicator.scale,
          bounds: indicatorBounds(indicator) as [number, number],
          minSteps: MIN_STEPS_FOR_SIGMA,
        },
      );
      // Stationary deviation of its own steps, turned into an innovation scale with the
      // indicator's phi (its own phi from a few steps would be too noisy).
      const stationary = e.sigma / Math.sqrt(1 - (e.phi ?? 0) ** 2);
      return {
        scope: s.scope,
        indicator: s.indicator,
        sigma: stationary * Math.sqrt(1 - phi ** 2),
        source: `estimated from its own ${e.steps} one-year steps`,
      };
    } catch {
      return {
        scope: s.scope,
        indicator: s.indicator,
        sigma: fallback.sigma,
        source: fallback.source,
      };
    }
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
      });
    } catch {
      seriesRows.push({
        scope: reference.id,
        indicator: reference.id,
        sigma: fallback.sigma,
        source: fallback.source,
      });
    }
  }
  return { series: seriesRows, indicators: indicatorRows };
}
