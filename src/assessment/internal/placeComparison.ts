// How places are compared with each other on an indicator (the regional disparity, the
// per-capita column of the place table): which indicator and weight in which year (a declared
// earlier basis before a break), the years with data, and one place's value and weight in a year.
import { aggregationOf } from "../../scenarios/aggregation.js";
import type { ScenarioProjection } from "../../scenarios/projectScenario.js";
import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";
import type { Dataset } from "../../schemas/dataset.js";
import type { Indicator } from "../../schemas/indicator.js";

/** The indicator places are compared on in some years, with its parts and weight. */
export interface ComparisonBasis {
  readonly id: string;
  /** The parts a place's value is recomputed from (`[numerator, denominator]` for a ratio). */
  readonly parts: readonly string[];
  /** The part that weights a place (a ratio's denominator). */
  readonly weight: string;
  combine(values: readonly (readonly number[])[]): number | undefined;
  /** True for a declared earlier basis (before the break). */
  readonly earlier: boolean;
}

/** An indicator places are compared on, with its earlier basis when it declares a valid one. */
export interface Comparison {
  readonly indicator: Indicator;
  /** The indicator's own basis. */
  readonly own: ComparisonBasis;
  /** The declared earlier basis, used before the year `before`. */
  readonly earlier:
    | { readonly basis: ComparisonBasis; readonly before: number; readonly reason: string }
    | undefined;
  /** The basis in `year`: the earlier one before the declared year, else the indicator's own. */
  basisIn(year: number): ComparisonBasis;
}

/** An indicator's comparison basis, or undefined when its rule does not weight places. */
function basisOf(
  indicator: Indicator,
  earlier: boolean,
  indicatorOf: (id: string) => Indicator | undefined,
): ComparisonBasis | undefined {
  // The lookup lets a derived indicator's formula say which of its symbols weights places.
  const aggregation = aggregationOf(indicator, indicatorOf);
  const weight = aggregation.comparisonWeight;
  if (weight === undefined) return undefined;
  return {
    id: indicator.id,
    parts: aggregation.parts,
    weight,
    combine: (values) => aggregation.combine(values),
    earlier,
  };
}

/**
 * The indicators of a dataset that places are compared on (their aggregation weights places), in
 * the dataset's order, each with its earlier basis when it declares one that is itself compared
 * on (a pack's validation reports the others; they are ignored here). An indicator that is the
 * earlier basis of another is compared only as part of that one.
 */
export function comparisonsOf(dataset: Pick<Dataset, "indicators">): Comparison[] {
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  const earlierOf = (indicator: Indicator) => {
    const declared = indicator.earlierBasis;
    const target = declared === undefined ? undefined : byId.get(declared.indicator);
    if (declared === undefined || target === undefined || target.id === indicator.id) return;
    const basis = basisOf(target, true, (id) => byId.get(id));
    return basis === undefined ? undefined : { declared, basis };
  };
  const earlierIds = new Set(dataset.indicators.flatMap((i) => earlierOf(i)?.basis.id ?? []));
  const out: Comparison[] = [];
  for (const indicator of dataset.indicators) {
    if (earlierIds.has(indicator.id)) continue;
    const own = basisOf(indicator, false, (id) => byId.get(id));
    if (own === undefined) continue;
    const earlier = earlierOf(indicator);
    out.push({
      indicator,
      own,
      earlier:
        earlier === undefined
          ? undefined
          : {
              basis: earlier.basis,
              before: earlier.declared.before,
              reason: earlier.declared.reason,
            },
      basisIn: (year) =>
        earlier !== undefined && year < earlier.declared.before ? earlier.basis : own,
    });
  }
  return out;
}

/** A projection's series by scope and indicator, own observations (`observed`) first. */
export type SeriesLookup = (scope: string, indicator: string) => readonly ScopeSeries[];

/** A lookup of a projection's series (built once: places × years × parts look up many). */
export function seriesLookup(projection: ScenarioProjection): SeriesLookup {
  const map = new Map<string, ScopeSeries[]>();
  for (const s of projection.series) {
    const key = `${s.scope}|${s.indicator}`;
    const list = map.get(key) ?? [];
    if (s.basis === "observed") list.unshift(s);
    else list.push(s);
    map.set(key, list);
  }
  return (scope, indicator) => map.get(`${scope}|${indicator}`) ?? [];
}

/** The value observed for a scope and indicator in a year (own observations first), if any. */
export function observedValue(
  lookup: SeriesLookup,
  scope: string,
  indicator: string,
  year: number,
): number | undefined {
  for (const s of lookup(scope, indicator)) {
    const point = s.observed.find((p) => p.year === year);
    if (point !== undefined) return point.value;
  }
  return undefined;
}

/**
 * A series' value in a year when it can be used for a projected comparison between places:
 * observed, or projected by a model that carries information about change (not a no-change
 * fallback). A scope's own series only (a place has no other).
 */
function usableValue(
  lookup: SeriesLookup,
  scope: string,
  indicator: string,
  year: number,
): number | undefined {
  const series = lookup(scope, indicator).find((s) => s.basis === "observed");
  if (series === undefined) return undefined;
  if (!series.informative && !series.observed.some((p) => p.year === year)) return undefined;
  return seriesValue(series, year);
}

/**
 * The years in which some place has an observation of the compared indicator on the basis of
 * that year (its own value, or its ratio's numerator), ascending.
 */
export function dataYears(
  dataset: Pick<Dataset, "places">,
  lookup: SeriesLookup,
  comparison: Comparison,
): number[] {
  const years = new Set<number>();
  const bases = [
    comparison.own,
    ...(comparison.earlier === undefined ? [] : [comparison.earlier.basis]),
  ];
  for (const basis of bases)
    for (const place of dataset.places)
      for (const id of new Set([basis.id, basis.parts[0] ?? basis.id]))
        for (const s of lookup(place.id, id))
          for (const p of s.observed) if (comparison.basisIn(p.year) === basis) years.add(p.year);
  return [...years].sort((a, b) => a - b);
}

/** One scope's value and weight on a basis in a year, and what it lacks when it has none. */
export interface PlaceValue {
  readonly value: number | undefined;
  readonly weight: number | undefined;
  /** Indicators whose observation in the year would give the missing value or weight. */
  readonly lacking: readonly string[];
}

/**
 * A scope's value and weight on `basis` in `year`: its own value of the indicator, else the value
 * recomputed from its parts; the rule's weight. `observed`: observed values only; otherwise
 * observed or informatively projected ones.
 */
export function placeComparison(
  lookup: SeriesLookup,
  scope: string,
  basis: ComparisonBasis,
  year: number,
  observed: boolean,
): PlaceValue {
  const read = (id: string) =>
    observed ? observedValue(lookup, scope, id, year) : usableValue(lookup, scope, id, year);
  const own = read(basis.id);
  const parts = basis.parts.map(read);
  const recomputed = parts.every((v) => v !== undefined)
    ? basis.combine(parts.map((v) => [v]))
    : undefined;
  const weight = read(basis.weight);
  const lacking: string[] = [];
  const [first] = basis.parts;
  if (own === undefined && first !== undefined && parts[0] === undefined) lacking.push(first);
  if (weight === undefined) lacking.push(basis.weight);
  return { value: own ?? recomputed, weight, lacking };
}
