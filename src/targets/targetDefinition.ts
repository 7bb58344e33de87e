import type { Comparator, Target, TargetKind } from "../schemas/target.js";
import type { SimulationTarget } from "./simulatedCondition.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";
import type { TargetPlanner } from "./targetPlanner.js";

/** The targets of each kind, by kind: `TargetOfKind["share"]` is a share target. */
export type TargetOfKind = { readonly [K in TargetKind]: Extract<Target, { kind: K }> };

/** A scope (place or group) × indicator series that a target reads. */
export interface TargetSeriesRef {
  readonly scope: string;
  readonly indicator: string;
}

/** What a target reads: scope × indicator series, and reference series (by their id). */
export interface TargetReads {
  /** The series its evaluator reads, the target's own scope × indicator first. */
  readonly series: readonly TargetSeriesRef[];
  /** The reference series it is measured against (a rank's k-th city). */
  readonly references: readonly string[];
}

/**
 * A target's condition on a simulated path, as its kind's definition states it: either a builder
 * of the {@link SimulationTarget}, called once the simulation's first year is known (the year
 * after the earliest last observation among every series the plan simulates), or the reason the
 * target cannot be simulated. A builder may still refuse with a reason (a string), e.g. when a
 * count has no value in a year it must add up before the simulation starts.
 */
export type TargetSimulation =
  | {
      readonly simulated: true;
      readonly build: (firstYear: number) => SimulationTarget | string;
    }
  | { readonly simulated: false; readonly reason: string };

/**
 * What a target kind means, declared once (as a model kind declares itself in a
 * `ModelDefinition`): how a target of the kind is evaluated on the deterministic projection,
 * which series it reads, and its condition on a simulated path. `evaluateTarget` and the
 * simulation planner look the kind up in `targetRegistry`; adding a kind means one module with
 * its definition and one entry there.
 */
export interface TargetDefinition<K extends TargetKind> {
  readonly kind: K;
  /**
   * The word reports put before the comparator when the target's value is not a quantity in its
   * unit (`rank ≤ 70`), or `undefined` when the value is shown with its unit (`≥ 60%`).
   */
  readonly thresholdNoun: string | undefined;
  /** The target on the deterministic projection, before a status is given. */
  evaluate(target: TargetOfKind[K], context: TargetContext): TargetEvaluation;
  /** The series (and reference series) the target reads. */
  reads(target: TargetOfKind[K]): TargetReads;
  /**
   * The comparator by which the target's growth fields are read for its status (see
   * `classifyStatus`): its own, unless the indicator must move the other way (a rank "70 or
   * better", `<=`, needs its GDP to rise: `>=`).
   */
  growthSense(target: TargetOfKind[K]): Comparator;
  /**
   * The target's condition on a simulated path: it registers the series it needs with the
   * `planner` (in the order it reads them) and returns a builder of its conditions, or why it
   * cannot be simulated.
   */
  simulate(target: TargetOfKind[K], planner: TargetPlanner): TargetSimulation;
}
