import type { Comparator, Target, TargetKind } from "../schemas/target.js";
import { classTarget } from "./classTarget.js";
import { countTarget } from "./countTarget.js";
import { growthTarget } from "./growthTarget.js";
import { levelTarget } from "./levelTarget.js";
import { rankTarget } from "./rankTarget.js";
import { shareTarget } from "./shareTarget.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";
import type {
  TargetDefinition,
  TargetOfKind,
  TargetReads,
  TargetSimulation,
} from "./targetDefinition.js";
import type { TargetPlanner } from "./targetPlanner.js";

/**
 * Every target kind the library knows, by kind (see `TargetSchema` for what each kind means).
 * To add a kind: add it to `TargetSchema`, write its module with a {@link TargetDefinition}, and
 * add it here (a kind without an entry does not compile).
 */
export const targetRegistry: { readonly [K in TargetKind]: TargetDefinition<K> } = {
  level: levelTarget,
  growth: growthTarget,
  share: shareTarget,
  count: countTarget,
  rank: rankTarget,
  class: classTarget,
};

/** A target's kind definition, bound to the target. */
export interface BoundTargetDefinition {
  readonly kind: TargetKind;
  /** See {@link TargetDefinition.evaluate}. */
  evaluate(context: TargetContext): TargetEvaluation;
  /** See {@link TargetDefinition.reads}. */
  reads(): TargetReads;
  /** See {@link TargetDefinition.growthSense}. */
  growthSense(): Comparator;
  /** See {@link TargetDefinition.simulate}. */
  simulate(planner: TargetPlanner): TargetSimulation;
}

/** The definition of `target`'s kind in {@link targetRegistry}, bound to the target. */
export function targetDefinitionOf(target: Target): BoundTargetDefinition {
  return bind(target.kind, target);
}

// Generic in the kind, so the registry's entry and the target are known to be of the same kind.
function bind<K extends TargetKind>(kind: K, target: TargetOfKind[K]): BoundTargetDefinition {
  const definition = targetRegistry[kind];
  return {
    kind,
    evaluate: (context) => definition.evaluate(target, context),
    reads: () => definition.reads(target),
    growthSense: () => definition.growthSense(target),
    simulate: (planner) => definition.simulate(target, planner),
  };
}
