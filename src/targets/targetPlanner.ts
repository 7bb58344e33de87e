import type { Indicator } from "../schemas/indicator.js";
import type { TargetContext } from "./targetContext.js";

/**
 * What a target kind's simulated condition ({@link TargetDefinition.simulate}) may ask of the
 * simulation planner: to simulate a scope × indicator series or a reference series, returning
 * the id under which the engine knows it, and the indicators as the plan will carry them.
 */
export interface TargetPlanner {
  /** The projection, dataset and plan calendar the deterministic assessment reads. */
  readonly context: TargetContext;
  /**
   * Registers the series of `indicator` for `scope` with the plan and returns the engine scope
   * that holds it (a place, a group aggregated on every path, or a group's own series as a
   * pseudo-place); undefined when it cannot be simulated (no series, or a group the engine
   * cannot aggregate, in which case the planner gives its own reason for the skip).
   */
  need(scope: string, indicator: string): string | undefined;
  /**
   * Registers a reference series (e.g. the k-th city's GDP) as a simulated series of its own and
   * returns its engine scope, also the indicator id under which the plan carries it; undefined
   * when the projection has no such reference (or an indicator already has its id).
   */
  needReference(referenceId: string): string | undefined;
  /** An indicator of the plan: the dataset's, or the pseudo-indicator of a registered reference. */
  indicator(id: string): Indicator | undefined;
}
