// Values of a scope's indicator in a year, read as an assessment read them: the pack's
// observations (one a year, as the projection chose them), a group's value aggregated from its
// places by the indicator's rule, and the assessment's projections after the observations.

import { aggregationOf, type BoundAggregation } from "../../scenarios/aggregation.js";
import { chooseObservations } from "../../scenarios/chooseObservations.js";
import type { Assessment, ProjectedSeries } from "../../schemas/assessment.js";
import type { Indicator } from "../../schemas/indicator.js";
import type { RegionPack } from "../../schemas/regionPack.js";

/** A year's value. */
export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** Reads the values of scopes' indicators from a pack and an assessment made from it. */
export interface SeriesReader {
  /** The indicator's definition in the pack, if it has one. */
  indicator(id: string): Indicator | undefined;
  /** The aggregation of an indicator (its rule, parts and comparison weight). */
  aggregation(id: string): BoundAggregation | undefined;
  /** The places of a group, in the pack's order; undefined for a place or an unknown scope. */
  members(scope: string): readonly string[] | undefined;
  /** The Chinese and English names of a place or group. */
  names(scope: string): { readonly nameZh: string; readonly nameEn: string };
  /**
   * The observed value in a year: the scope's own observation, else the value of its parts (a
   * group's places by the indicator's rule, a place's own parts of a ratio or formula) where
   * every part is observed. A group whose target series the assessment sums over its places
   * (`basis: "places"`) reads the places first.
   */
  observed(scope: string, indicator: string, year: number): number | undefined;
  /** The latest year of the scope's own observations, with its value. */
  latestOwn(scope: string, indicator: string): YearValue | undefined;
  /**
   * The value in a year: observed (see {@link observed}), else the assessment's projection of the
   * scope, else the projection of its parts aggregated by the rule.
   */
  at(scope: string, indicator: string, year: number): number | undefined;
  /**
   * The value in a year computed from the scope's parts, each read with {@link at}: a ratio from
   * its numerator and denominator, a weighted mean from the value and weight (a place's own
   * value), a formula from its symbols; undefined for a sum (a place's value has no parts).
   */
  fromParts(scope: string, indicator: string, year: number): number | undefined;
  /**
   * Whether the value of {@link at} in a year carries information about change: false when it
   * rests on a projection that only carries the last value forward (a no-change fallback).
   */
  informative(scope: string, indicator: string, year: number): boolean;
}

/** Deepest nesting of parts followed (a formula of ratios of sums is 3). */
const MAX_DEPTH = 6;

/**
 * The reader of `pack`'s series for `assessment`: observations chosen as the projection chose
 * them (the best quality grade; quality C only when the pack's scenario of the assessment admits
 * it) and the assessment's `projections`.
 */
export function seriesReader(pack: RegionPack, assessment: Assessment): SeriesReader {
  const { dataset } = pack;
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const groups = new Map(dataset.groups.map((g) => [g.id, g.members]));
  const names = new Map(
    [...dataset.places, ...dataset.groups].map((p) => [
      p.id,
      { nameZh: p.nameZh, nameEn: p.nameEn },
    ]),
  );
  const useQualityC =
    pack.scenarios.find((s) => s.id === assessment.scenario)?.useQualityC ?? false;
  const byKey = new Map<string, typeof dataset.observations>();
  for (const o of dataset.observations) {
    const key = `${o.place}\u0000${o.indicator}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [o]);
    else list.push(o);
  }
  const ownCache = new Map<string, Map<number, number>>();
  const own = (scope: string, indicator: string): Map<number, number> => {
    const key = `${scope}\u0000${indicator}`;
    let years = ownCache.get(key);
    if (years === undefined) {
      const used = chooseObservations(byKey.get(key) ?? [], useQualityC).used;
      years = new Map(used.map((p) => [p.year, p.value]));
      ownCache.set(key, years);
    }
    return years;
  };
  const projections = assessment.projections ?? [];
  const projection = (scope: string, indicator: string): ProjectedSeries | undefined => {
    const found = projections.filter((p) => p.scope === scope && p.indicator === indicator);
    return found.find((p) => p.informative) ?? found[0];
  };
  const aggregation = (id: string): BoundAggregation | undefined => {
    const indicator = indicators.get(id);
    return indicator === undefined
      ? undefined
      : aggregationOf(indicator, (other) => indicators.get(other));
  };

  /** The value of `scope`'s indicator from its parts, each read with `read`. */
  const fromParts = (
    scope: string,
    indicator: string,
    year: number,
    depth: number,
    read: (scope: string, part: string, year: number, depth: number) => number | undefined,
  ): number | undefined => {
    const rule = aggregation(indicator);
    if (rule === undefined || rule.parts.length === 0 || depth > MAX_DEPTH) return undefined;
    const sources = rule.from === "members" ? (groups.get(scope) ?? [scope]) : [scope];
    // A place's sum is its own value: reading it from itself would not end.
    if (sources.length === 1 && sources[0] === scope && rule.parts.includes(indicator))
      return undefined;
    const values: number[][] = [];
    for (const part of rule.parts) {
      const row: number[] = [];
      for (const source of sources) {
        const v = read(source, part, year, depth + 1);
        if (v === undefined) return undefined;
        row.push(v);
      }
      values.push(row);
    }
    return rule.combine(values);
  };

  const observed = (
    scope: string,
    indicator: string,
    year: number,
    depth = 0,
  ): number | undefined => {
    const placesFirst = projection(scope, indicator)?.basis === "places";
    const mine = own(scope, indicator).get(year);
    if (!placesFirst && mine !== undefined) return mine;
    return fromParts(scope, indicator, year, depth, observed) ?? mine;
  };

  const projected = (scope: string, indicator: string, year: number): number | undefined => {
    const series = projection(scope, indicator);
    const k = series?.years.indexOf(year) ?? -1;
    return k < 0 ? undefined : series?.values[k];
  };

  const at = (scope: string, indicator: string, year: number, depth = 0): number | undefined =>
    observed(scope, indicator, year, depth) ??
    projected(scope, indicator, year) ??
    fromParts(scope, indicator, year, depth, at);

  const informative = (scope: string, indicator: string, year: number, depth = 0): boolean => {
    if (observed(scope, indicator, year) !== undefined) return true;
    const series = projection(scope, indicator);
    if (series?.years.includes(year)) return series.informative;
    const rule = aggregation(indicator);
    if (rule === undefined || depth > MAX_DEPTH) return false;
    const sources = rule.from === "members" ? (groups.get(scope) ?? [scope]) : [scope];
    return rule.parts.every((part) =>
      sources.every(
        (s) => (s === scope && part === indicator) || informative(s, part, year, depth + 1),
      ),
    );
  };

  return {
    indicator: (id) => indicators.get(id),
    aggregation,
    members: (scope) => groups.get(scope),
    names: (scope) => names.get(scope) ?? { nameZh: scope, nameEn: scope },
    observed: (scope, indicator, year) => observed(scope, indicator, year),
    latestOwn(scope, indicator) {
      let latest: YearValue | undefined;
      for (const [year, value] of own(scope, indicator))
        if (latest === undefined || year > latest.year) latest = { year, value };
      return latest;
    },
    at: (scope, indicator, year) => at(scope, indicator, year),
    fromParts: (scope, indicator, year) => fromParts(scope, indicator, year, 0, at),
    informative: (scope, indicator, year) => informative(scope, indicator, year),
  };
}
