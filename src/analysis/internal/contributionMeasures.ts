// How the measure of a target adds up over the places it is made of, one definition per target
// kind and per aggregation rule (see docs/reports.md, "The quarterly layout").

import type { Aggregation } from "../../schemas/indicator.js";
import type { Target } from "../../schemas/target.js";
import type { SeriesReader, YearValue } from "./seriesReader.js";

/** How the places' terms are made: levels, weighted parts of a rate, or parts of a share. */
export type ContributionMethod = "level" | "weighted" | "share";

/**
 * The places of a target's scope and each one's term of the target's measure: terms that add up
 * to the scope's measure in every year where every place has one.
 */
export interface ContributionMeasure {
  readonly method: ContributionMethod;
  /** The indicator the places are read on. */
  readonly indicator: string;
  readonly places: readonly string[];
  /**
   * The place's term in a year, from observations only (`observedOnly`) or also from the
   * projection; undefined without one.
   */
  term(place: string, year: number, observedOnly: boolean): number | undefined;
  /** Whether the place's term in a (projected) year carries information about change. */
  informative(place: string, year: number): boolean;
  /** The place's own latest observation, when its term is its level (method `level`). */
  latest(place: string): YearValue | undefined;
}

/** A measure, or why a target's gap cannot be shared among places. */
export type MeasureResult =
  | { readonly ok: true; readonly measure: ContributionMeasure }
  | { readonly ok: false; readonly reason: string };

/** How an aggregation rule adds up over places, or null when it does not. */
type RuleStyle = "additive" | "weighted" | null;

/**
 * One entry per aggregation rule: a sum adds its places' levels; a ratio, a weighted mean and a
 * formula with a comparison weight (`k · a / b`) add their places' values weighted by their
 * share of the weight; a rule without parts does not add up.
 */
const RULE_STYLES: Readonly<Record<Aggregation["rule"], RuleStyle>> = {
  sum: "additive",
  ratio: "weighted",
  "weighted-mean": "weighted",
  formula: "weighted",
  none: null,
};

const fail = (reason: string): MeasureResult => ({ ok: false, reason });

/** The places of a scope: a group's members, or the place itself. */
function placesOf(reader: SeriesReader, scope: string): readonly string[] {
  return reader.members(scope) ?? [scope];
}

/**
 * A level target on a group: for a sum, each place's level; for a weighted rule, each place's
 * value times its share of the weight in that year, w_i·v_i / Σ_j w_j (for a ratio
 * scale · numerator_i / Σ_j denominator_j), which add up to the group's value.
 */
function levelMeasure(target: Target, indicatorId: string, reader: SeriesReader): MeasureResult {
  const places = reader.members(target.scope);
  if (places === undefined)
    return fail(`${target.scope} is a place, not a group of places: there is nothing to share`);
  const rule = reader.aggregation(indicatorId);
  if (rule === undefined) return fail(`the pack does not define the indicator ${indicatorId}`);
  const style = RULE_STYLES[rule.rule];
  const weight = rule.comparisonWeight;
  if (style === null || (style === "weighted" && weight === undefined))
    return fail(
      `${indicatorId} is ${rule.phrase} its parts in a way that does not add up over places`,
    );
  if (style === "additive")
    return {
      ok: true,
      measure: {
        method: "level",
        indicator: indicatorId,
        places,
        term: (place, year, observedOnly) =>
          observedOnly
            ? reader.observed(place, indicatorId, year)
            : reader.at(place, indicatorId, year),
        informative: (place, year) => reader.informative(place, indicatorId, year),
        latest: (place) => reader.latestOwn(place, indicatorId),
      },
    };
  const w = weight as string;
  const placeValue = (place: string, year: number, observedOnly: boolean) => {
    if (observedOnly) return reader.observed(place, indicatorId, year);
    return reader.fromParts(place, indicatorId, year) ?? reader.at(place, indicatorId, year);
  };
  const weightOf = (place: string, year: number, observedOnly: boolean) =>
    observedOnly ? reader.observed(place, w, year) : reader.at(place, w, year);
  return {
    ok: true,
    measure: {
      method: "weighted",
      indicator: indicatorId,
      places,
      term(place, year, observedOnly) {
        const v = placeValue(place, year, observedOnly);
        const own = weightOf(place, year, observedOnly);
        if (v === undefined || own === undefined) return undefined;
        let total = 0;
        for (const p of places) {
          const pw = weightOf(p, year, observedOnly);
          if (pw !== undefined && placeValue(p, year, observedOnly) !== undefined) total += pw;
        }
        return total === 0 ? undefined : (v * own) / total;
      },
      informative: (place, year) =>
        reader.informative(place, indicatorId, year) && reader.informative(place, w, year),
      latest: () => undefined,
    },
  };
}

/**
 * A share target: each place of the part's scope contributes 100 · level_i / whole, its share of
 * the whole in points, which add up to the part's share.
 */
function shareMeasure(target: Target, reader: SeriesReader): MeasureResult {
  if (target.kind !== "share") return fail("not a share target");
  const indicatorId = target.indicator;
  const rule = reader.aggregation(indicatorId);
  if (rule === undefined) return fail(`the pack does not define the indicator ${indicatorId}`);
  if (RULE_STYLES[rule.rule] !== "additive")
    return fail(
      `${indicatorId} is ${rule.phrase} its parts: a share of it does not add up over places`,
    );
  const wholeScope = target.denominator.scope ?? target.scope;
  const wholeIndicator = target.denominator.indicator ?? indicatorId;
  const read = (scope: string, indicator: string, year: number, observedOnly: boolean) =>
    observedOnly ? reader.observed(scope, indicator, year) : reader.at(scope, indicator, year);
  return {
    ok: true,
    measure: {
      method: "share",
      indicator: indicatorId,
      places: placesOf(reader, target.scope),
      term(place, year, observedOnly) {
        const level = read(place, indicatorId, year, observedOnly);
        const whole = read(wholeScope, wholeIndicator, year, observedOnly);
        return level === undefined || whole === undefined || whole === 0
          ? undefined
          : (100 * level) / whole;
      },
      informative: (place, year) =>
        reader.informative(place, indicatorId, year) &&
        reader.informative(wholeScope, wholeIndicator, year),
      latest: () => undefined,
    },
  };
}

/** Why a kind's gap is not shared among places. */
const NOT_ADDITIVE: Readonly<Record<"growth" | "count" | "rank" | "class", string>> = {
  growth: "a growth target's gap is in points of a yearly rate, which do not add up over places",
  count: "a count target is counted for the scope as a whole",
  rank: "a rank target compares the scope with other cities, not its places",
  class: "a class target counts places reaching a size class; each place is judged on its own",
};

/**
 * One entry per target kind: how its measure adds up over places (`level` and `share`), or why it
 * does not. `indicatorId` is the indicator the places are read on (a target at constant prices
 * is read at current prices, the places' own series).
 */
export const CONTRIBUTION_MEASURES: Readonly<
  Record<
    Target["kind"],
    (target: Target, indicatorId: string, reader: SeriesReader) => MeasureResult
  >
> = {
  level: levelMeasure,
  share: (target, _indicator, reader) => shareMeasure(target, reader),
  growth: () => fail(NOT_ADDITIVE.growth),
  count: () => fail(NOT_ADDITIVE.count),
  rank: () => fail(NOT_ADDITIVE.rank),
  class: () => fail(NOT_ADDITIVE.class),
};
