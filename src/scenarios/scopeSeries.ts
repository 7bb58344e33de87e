import { checkArrayOf, checkNumber, checkObject, memberPath } from "../internal/checkArgs.js";
import type { FittedModel } from "../models/types.js";
import type { Quality } from "../schemas/observation.js";

/** One observed value chosen for a year, with its source. */
export interface ObservedPoint {
  readonly year: number;
  readonly value: number;
  readonly source: string;
  readonly quality: Quality;
}

/** How a series was projected. */
export interface ProjectionModelInfo {
  /** The spec the scenario (or the library default) asked for. */
  readonly requested: { readonly kind: string };
  readonly reason: string;
  /** The fitted model (its `kind` differs from `requested.kind` when a fallback was taken). */
  readonly fitted: FittedModel;
  /**
   * False when the model fell back to one that carries no information about change (a naive
   * no-change forecast the scenario did not ask for): such a projection is not used to judge a
   * target, which is reported as needing more data instead.
   */
  readonly informative: boolean;
  /**
   * The note of the dataset's panel summary (`dataset.panels`) the fit borrowed strength from,
   * with the weight of the series' own data; present only when the fitted model used it.
   */
  readonly panel?: { readonly note: string; readonly ownWeight: number };
}

/**
 * A place's or group's indicator: the observations used, and the projection from the year after
 * the last of them to the scenario's last year.
 */
export interface ScopeSeries {
  readonly scope: string;
  readonly indicator: string;
  /** `observed`: the scope's own observations; `places`: aggregated from the group's members. */
  readonly basis: "observed" | "places";
  /** One observation per year, the ones used (sorted by year). */
  readonly observed: readonly ObservedPoint[];
  /** Observations kept but not used for fitting (quality C unless the scenario asks for them). */
  readonly unused: readonly ObservedPoint[];
  /** Years where sources disagree: the value used and the others reported (also in `notes`). */
  readonly conflicts?: readonly string[];
  readonly years: readonly number[];
  readonly values: readonly number[];
  readonly lower?: readonly number[];
  readonly upper?: readonly number[];
  readonly model?: ProjectionModelInfo;
  /** For `places`: whether every member's projection is informative. */
  readonly informative: boolean;
  /** Why the series has no projection when its model failed (e.g. values out of range). */
  readonly failure?: string;
  /**
   * For a derived indicator: the formula its values are computed by, from the scope's own series
   * of the formula's indicators (`observed`) or from the group's aggregates of them (`places`).
   * Such a series has no model and no interval of its own (docs/formulas.md).
   */
  readonly formula?: string;
  readonly notes: readonly string[];
}

/**
 * Of a scope × indicator's series — its own observations and the aggregate of its places — the
 * one targets read: the aggregate when it is informative, has a year with every place observed
 * (a latest value to judge from) and is at least as recent as the own series; otherwise the own
 * series when it has observations; otherwise the aggregate, if any.
 */
export function preferredSeries(candidates: readonly ScopeSeries[]): ScopeSeries | undefined {
  const fromPlaces = candidates.find((s) => s.basis === "places");
  const own = candidates.find((s) => s.basis === "observed");
  const lastOf = (s: ScopeSeries | undefined) => s?.observed[s.observed.length - 1]?.year;
  const ownLast = lastOf(own);
  const placesLast = lastOf(fromPlaces);
  if (
    fromPlaces?.informative &&
    fromPlaces.values.length > 0 &&
    placesLast !== undefined &&
    (ownLast === undefined || placesLast >= ownLast)
  )
    return fromPlaces;
  if (own !== undefined && own.observed.length > 0) return own;
  return fromPlaces;
}

/**
 * Value of a series in a year: the observation if there is one, else the projection. Only the
 * shape is checked (it is called for every year of every series), not each value.
 *
 * @throws {ArgumentTypeError} (a `TypeError`) `seriesValue: series must be a scope series (got
 *   nothing)`; `seriesValue: series.observed must be an array (got null)`, and so for
 *   `series.years` and `series.values`; `seriesValue: series.observed[0] must be an observed
 *   point { year, value } (got null)`; `seriesValue: year must be an integer (got the string
 *   "2025")`.
 * @throws {ArgumentRangeError} (a `RangeError`) `seriesValue: year must be an integer (got 2025.5)`.
 * @example
 * const s = { scope: "qujing", indicator: "gdp", basis: "observed", informative: true, notes: [],
 *   observed: [{ year: 2020, value: 100, source: "yearbook", quality: "A" }], unused: [],
 *   years: [2021], values: [105] } as const;
 * seriesValue(s, 2021); // 105
 */
export function seriesValue(series: ScopeSeries, year: number): number | undefined {
  const s = checkObject(FN, "series", series, "a scope series");
  for (const key of ["observed", "years", "values"] as const)
    if (!Array.isArray(s[key])) checkArrayOf(FN, memberPath("series", key), s[key], (_, v) => v);
  checkNumber(FN, "year", year, { integer: true });
  const points = series.observed;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (typeof p !== "object" || p === null)
      checkObject(FN, `series.observed[${i}]`, p, "an observed point { year, value }");
    else if (p.year === year) return p.value;
  }
  const k = series.years.indexOf(year);
  return k < 0 ? undefined : series.values[k];
}

const FN = "seriesValue";
