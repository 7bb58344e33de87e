import type { Observation } from "../schemas/observation.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import type { Comparator, TargetKind } from "../schemas/target.js";

/**
 * How `solveTarget` spreads a group's target over its places:
 *
 * - `same-growth`: every place grows at one rate;
 * - `same-uplift`: each place grows at its own trend rate plus one uplift (`rate_i = trend_i + u`);
 * - `gap-share`: each place closes the part of the group's gap (target level − the sum of the
 *   places' trend levels) in proportion to its share of the group total, over its own trend.
 */
export const SOLVE_RULES = ["same-growth", "same-uplift", "gap-share"] as const;
/** One of {@link SOLVE_RULES}. */
export type SolveRule = (typeof SOLVE_RULES)[number];

/** Options of `solveTarget`. */
export interface SolveTargetOptions {
  /**
   * Solve for a probability of attainment (a fraction strictly between 0 and 1) instead of the
   * projection just meeting the target: the growth whose simulated probability is `probability`.
   */
  readonly probability?: number;
  /** How a group's target is spread over its places; default `same-growth`. */
  readonly rule?: SolveRule;
  /** Simulated paths of each Monte Carlo run (with `probability`); default 4096. */
  readonly paths?: number;
  /** Seed of every Monte Carlo run (common random numbers); default 1. */
  readonly seed?: number;
  /** Worker threads of the simulation; default 0 (in the calling thread). */
  readonly workers?: number;
  /** Observations to add to the pack's, as for `assessPack`. */
  readonly data?: readonly Observation[];
  /** Throw instead of leaving out bad `data` rows, as for `assessPack`. */
  readonly strict?: boolean;
}

/** A five-year compound growth rate of a series' observations. */
export interface FiveYearGrowth {
  readonly from: number;
  readonly to: number;
  /** A fraction a year. */
  readonly rate: number;
}

/**
 * How plausible a required growth is: `plausible` (at or below the best five years of the
 * series' own history and at or below the 75th percentile of the national table), `implausible`
 * (above the 99th percentile, or above both its best five years and the 90th percentile),
 * `ambitious` otherwise; `unknown` with neither a history nor a table.
 */
export type SolvePlausibility = "plausible" | "ambitious" | "implausible" | "unknown";

/** The growth a place (or the target's own scope) must reach, set against what it has done. */
export interface SolvedGrowth {
  /** The place or group. */
  readonly scope: string;
  /** The series that grows (the target's indicator, or its constant-price series). */
  readonly indicator: string;
  /** Prices of the series: `real` for a constant-price series, else `nominal`. */
  readonly basis: "real" | "nominal";
  /** The last observation the growth starts from. */
  readonly latest: { readonly year: number; readonly value: number };
  /** First year of the solved growth (the `from` of its scenario entry). */
  readonly from: number;
  /** Growth required a year, a fraction, from `latest` to the target year. */
  readonly rate: number;
  /** The level it reaches in the target year. */
  readonly level: number;
  /** The growth a year the base scenario projects over the same years. */
  readonly trend: number | null;
  /** `rate − trend`. */
  readonly uplift: number | null;
  /** Five-year growth of its observations (not across a series break): the best and the latest. */
  readonly history: {
    readonly best: FiveYearGrowth | null;
    readonly latest: FiveYearGrowth | null;
  };
  /**
   * Its percentile (0–100) among the five-year growth rates of a national table of the same
   * basis (counties for a place, prefecture-level cities for the whole city), or null with
   * `panelNote` saying why.
   */
  readonly panel: {
    readonly table: string;
    readonly description: string;
    readonly window: { readonly from: number; readonly to: number; readonly units: number };
    readonly percentile: number;
  } | null;
  readonly panelNote?: string;
  readonly plausibility: SolvePlausibility;
  /** The comparison in words: `above its best five years (…); 93rd percentile of counties (…)`. */
  readonly label: string;
}

/** The check of a solution: the target assessed under the solved scenario. */
export interface SolveCheck {
  /** The target's measure under the solved scenario (`projected` of its row). */
  readonly projected: number;
  /** The target's value. */
  readonly target: number;
  /** Measure over threshold as a level ratio (for a growth target, of the levels it implies). */
  readonly ratio: number;
  readonly met: boolean;
  /** With `probability`: the simulated probability at the solution, seed and paths. */
  readonly probability?: {
    readonly value: number;
    readonly standardError: number;
    readonly paths: number;
    readonly seed: number;
  };
}

/** What `solveTarget` returns. */
export interface TargetSolution {
  readonly targetId: string;
  readonly kind: TargetKind;
  readonly scope: string;
  readonly indicator: string;
  readonly year: number;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: string;
  /** Prices the target is judged at: `real` (constant prices) or `nominal`. */
  readonly basis: "real" | "nominal";
  /** The scenario solved from (its id, or the object's id). */
  readonly baseScenario: string;
  /** What was solved for: the projection just meeting the target, or a probability. */
  readonly goal:
    | { readonly kind: "projection" }
    | { readonly kind: "probability"; readonly p: number };
  /**
   * What moves: `scope` (one series: a place, or a group read from its own observations),
   * `places` (a group read from its places, spread by `rule`) or `edge` (a share: the part's
   * growth edge over the rest of the whole).
   */
  readonly lever: "scope" | "places" | "edge";
  /** The rule that spread the group's growth over its places; null when none applied. */
  readonly rule: SolveRule | null;
  /**
   * The solved parameter: a growth rate a year (`scope`; `places` with `same-growth`), an uplift
   * over each place's trend (`same-uplift`), the gap closed as a fraction of the places' trend
   * total (`gap-share`), or the edge a year over the rest (`edge`).
   */
  readonly parameter: number;
  /** The target's own series under the solved scenario: growth a year from its latest value. */
  readonly scopeGrowth: SolvedGrowth | null;
  /** Each place's growth (every member of a group, the place of a place target). */
  readonly places: readonly SolvedGrowth[];
  /** The solution as a scenario that `assessPack` (and `regionsim assess`) reads. */
  readonly scenario: ScenarioInput;
  readonly check: SolveCheck;
  /** Evaluations of the projection and runs of the simulation the search took. */
  readonly evaluations: { readonly projections: number; readonly simulations: number };
  readonly notes: readonly string[];
}
