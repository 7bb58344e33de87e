import type { Comparator, Target } from "../../schemas/target.js";
import { ABOUT_TOLERANCE } from "../comparison.js";
import type { SimulationCondition, SimulationMeasure } from "../simulatedCondition.js";

/** The relative half-width of an `about` target's band (its own, else ±2%); undefined otherwise. */
export function aboutToleranceOf(
  target: Pick<Target, "comparator" | "tolerance">,
): number | undefined {
  return target.comparator === "about" ? (target.tolerance ?? ABOUT_TOLERANCE) : undefined;
}

/**
 * The condition `measure comparator threshold` of a target on a simulated path, with the
 * target's comparator unless another is given; an `about` condition carries the band's tolerance.
 */
export function conditionFor(
  target: Pick<Target, "comparator" | "tolerance">,
  measure: SimulationMeasure,
  threshold: SimulationCondition["threshold"],
  comparator: Comparator = target.comparator,
): SimulationCondition {
  const tolerance = aboutToleranceOf(target);
  return {
    measure,
    comparator,
    threshold,
    ...(comparator === "about" && tolerance !== undefined ? { tolerance } : {}),
  };
}

/** A target that cannot be simulated, and why. */
export function notSimulated(reason: string): {
  readonly simulated: false;
  readonly reason: string;
} {
  return { simulated: false, reason };
}
