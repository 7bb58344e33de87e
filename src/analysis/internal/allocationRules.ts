import type { SolveRule } from "../solveResult.js";

/** Growth rates a solved scenario may give: the scenario schema takes fractions in [−1, 1]. */
export const RATE_BOUNDS = { lower: -0.95, upper: 1 } as const;

/** A series the solve moves: where it starts, how long it grows, where its trend takes it. */
export interface MovedSeries {
  readonly scope: string;
  /** Its last used observation. */
  readonly latest: { readonly year: number; readonly value: number };
  /** Years from the latest observation to the target year. */
  readonly years: number;
  /** Its value in the target year under the base scenario. */
  readonly trendLevel: number;
  /** `(trendLevel / latest)^(1 / years) − 1`. */
  readonly trendRate: number;
  /** Its share of the group's total in the latest year every member is observed (0 for none). */
  readonly share: number;
}

/**
 * A way of spreading a group's growth over its places, as a one-parameter family of growth
 * rates (one per place) that rises with the parameter, with the parameter's domain (every rate
 * within {@link RATE_BOUNDS}) and a neutral start.
 */
export interface AllocationRule {
  readonly id: SolveRule;
  /** The rates a year of the places for parameter `x`. */
  rates(x: number, places: readonly MovedSeries[]): number[];
  /** Where the search starts: the places' trend (or the common rate nearest it). */
  start(places: readonly MovedSeries[]): number;
  /** The parameter's domain. */
  domain(places: readonly MovedSeries[]): { readonly lower: number; readonly upper: number };
  /** A first step of the search. */
  readonly step: number;
}

/** The total of the places' trend levels in the target year. */
function trendTotal(places: readonly MovedSeries[]): number {
  return places.reduce((s, p) => s + p.trendLevel, 0);
}

/** A place's rate a year to reach `level` from its latest value. */
function rateTo(place: MovedSeries, level: number): number {
  return Math.expm1(Math.log(level / place.latest.value) / place.years);
}

/**
 * The rules of {@link SolveRule}, by id:
 *
 * - `same-growth`: `rate_i = x`;
 * - `same-uplift`: `rate_i = trend_i + x`;
 * - `gap-share`: `level_i(T) = trendLevel_i + x · S · share_i` with `S = Σ trendLevel_i`, so the
 *   places together add `x · S` to their trend total, each in proportion to its share of the
 *   group; `rate_i = (level_i(T) / latest_i)^(1 / years_i) − 1`. Solved so that the total meets
 *   the target, `x · S` is the group's gap over its places' trend.
 */
export const ALLOCATION_RULES: { readonly [R in SolveRule]: AllocationRule } = {
  "same-growth": {
    id: "same-growth",
    rates: (x, places) => places.map(() => x),
    start: (places) => {
      // The common rate that takes the latest total to the trend total over the mean span.
      const latest = places.reduce((s, p) => s + p.latest.value, 0);
      const years = places.reduce((s, p) => s + p.years, 0) / places.length;
      return Math.expm1(Math.log(trendTotal(places) / latest) / years);
    },
    domain: () => RATE_BOUNDS,
    step: 0.01,
  },
  "same-uplift": {
    id: "same-uplift",
    rates: (x, places) => places.map((p) => p.trendRate + x),
    start: () => 0,
    domain: (places) => ({
      lower: Math.max(...places.map((p) => RATE_BOUNDS.lower - p.trendRate)),
      upper: Math.min(...places.map((p) => RATE_BOUNDS.upper - p.trendRate)),
    }),
    step: 0.01,
  },
  "gap-share": {
    id: "gap-share",
    rates: (x, places) => {
      const total = trendTotal(places);
      return places.map((p) => rateTo(p, p.trendLevel + x * total * p.share));
    },
    start: () => 0,
    domain: (places) => {
      const total = trendTotal(places);
      let lower = Number.NEGATIVE_INFINITY;
      let upper = Number.POSITIVE_INFINITY;
      for (const p of places) {
        if (!(p.share > 0)) continue;
        // level_i within latest_i · (1 + bound)^years_i.
        const at = (bound: number) =>
          (p.latest.value * (1 + bound) ** p.years - p.trendLevel) / (total * p.share);
        lower = Math.max(lower, at(RATE_BOUNDS.lower));
        upper = Math.min(upper, at(RATE_BOUNDS.upper));
      }
      return { lower, upper };
    },
    step: 0.02,
  },
};
