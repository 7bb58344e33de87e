import type { Status } from "../schemas/assessment.js";
import type { Comparator } from "../schemas/target.js";
import { checkClassifyArgs } from "./internal/checkTargetArgs.js";
import type { TargetEvaluation } from "./targetContext.js";

/**
 * Thresholds of the status vocabulary.
 * - `growthMargin`: a projected miss whose required growth exceeds the implied growth by at most
 *   this much a year (2 percentage points) can still be closed by acceleration.
 * - `gapMargin`: for targets without a growth reading (counts, classes), a miss by at most 10%
 *   of the target.
 * - `probabilityOnTrack`, `probabilityAcceleration`: with a simulation, P ≥ 0.5 is on track and
 *   0.2 ≤ P < 0.5 needs acceleration.
 */
export const STATUS_THRESHOLDS = {
  growthMargin: 0.02,
  gapMargin: 0.1,
  probabilityOnTrack: 0.5,
  probabilityAcceleration: 0.2,
} as const;

/**
 * Gives a target its status from its evaluation (and the probability of attainment when a
 * simulation was run), in this order: insufficient data; achieved (the latest observation meets
 * it, or the target year is observed and met); for a target year already observed and missed,
 * off-track; with a probability, its thresholds; otherwise projected met → on-track, projected
 * miss within the acceleration margins → needs-acceleration, else off-track. For an `about`
 * target the growth margin applies both ways (a projection that overshoots the band misses it).
 *
 * @throws {ArgumentTypeError} an evaluation, comparator or probability of the wrong type or
 *   missing, e.g. `classifyStatus: evaluation.achieved must be true or false (got nothing)`,
 *   `classifyStatus: probability must be a probability from 0 to 1, or null without a simulation
 *   (got the string "0.5")`.
 * @throws {ArgumentRangeError} `classifyStatus: comparator must be ">=", "<=" or "about"; did you
 *   mean ">="? (got the string "=>")`, or a probability outside 0–1 (`… (got 1.5)`).
 */
export function classifyStatus(
  evaluation: TargetEvaluation,
  comparator: Comparator,
  probability: number | null,
): Status {
  checkClassifyArgs(evaluation, comparator, probability);
  if (evaluation.met === null) return "insufficient-data";
  if (evaluation.achieved || (evaluation.final && evaluation.met)) return "achieved";
  if (evaluation.final) return "off-track";
  if (probability !== null) {
    if (probability >= STATUS_THRESHOLDS.probabilityOnTrack) return "on-track";
    if (probability >= STATUS_THRESHOLDS.probabilityAcceleration) return "needs-acceleration";
    return "off-track";
  }
  if (evaluation.met) return "on-track";
  const { requiredGrowth, impliedGrowth, gap } = evaluation;
  if (requiredGrowth !== null && impliedGrowth !== null) {
    // An `about` target is missed by overshooting its band as much as by falling short of it.
    const shortfall =
      comparator === "<="
        ? impliedGrowth - requiredGrowth
        : comparator === "about"
          ? Math.abs(requiredGrowth - impliedGrowth)
          : requiredGrowth - impliedGrowth;
    return shortfall <= STATUS_THRESHOLDS.growthMargin ? "needs-acceleration" : "off-track";
  }
  // A target of 0 has no relative gap: a miss of it is off track.
  if (gap?.relative != null && Math.abs(gap.relative) <= STATUS_THRESHOLDS.gapMargin)
    return "needs-acceleration";
  return "off-track";
}
