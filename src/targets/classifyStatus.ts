import type { Status } from "../schemas/assessment.js";
import type { Comparator } from "../schemas/target.js";
import { checkClassifyArgs } from "./internal/checkTargetArgs.js";
import type { TargetEvaluation } from "./targetContext.js";

/**
 * Thresholds of the status vocabulary.
 * - `growthMargin`: a projected miss of a level whose required growth exceeds the implied growth
 *   by at most this much a year (2 percentage points of growth) can still be closed by
 *   acceleration.
 * - `changeMarginPoints`: the same for a rate (in %), in percentage points of the rate a year:
 *   a required change at most 0.5 points a year above the implied change. Reasoning: the margin
 *   of levels is about 40% of a typical pace (2 points of a 5% growth); urbanization, the rate
 *   plans target most, rose about 1.4 points a year in China between the 2010 and 2020 censuses
 *   (49.68% → 63.89%, NBS, Seventh Census communiqué No. 7), and 40% of that pace is ≈ 0.5.
 * - `gapMargin`: for targets without a growth reading (counts, classes), a miss by at most 10%
 *   of the target.
 * - `probabilityOnTrack`, `probabilityAcceleration`: with a simulation, P ≥ 0.5 is on track and
 *   0.2 ≤ P < 0.5 needs acceleration.
 */
export const STATUS_THRESHOLDS = {
  growthMargin: 0.02,
  changeMarginPoints: 0.5,
  gapMargin: 0.1,
  probabilityOnTrack: 0.5,
  probabilityAcceleration: 0.2,
} as const;

/**
 * Gives a target its status from its evaluation (and the probability of attainment when a
 * simulation was run), in this order: insufficient data; achieved (the latest observation meets
 * it, or the target year is observed and met); for a target year already observed and missed,
 * off-track; with a probability, its thresholds; otherwise projected met → on-track, projected
 * miss within the acceleration margins → needs-acceleration, else off-track. The margin compares
 * required with implied change in percentage points a year for a rate (`changeUnit: "pp/yr"`),
 * and required with implied growth for a level. For an `about` target the margin applies both
 * ways (a projection that overshoots the band misses it).
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
  const { gap } = evaluation;
  // A rate is read in percentage points a year; a level in growth a year.
  const points = evaluation.changeUnit === "pp/yr";
  const required = points ? (evaluation.requiredChange ?? null) : evaluation.requiredGrowth;
  const implied = points ? (evaluation.impliedChange ?? null) : evaluation.impliedGrowth;
  const margin = points ? STATUS_THRESHOLDS.changeMarginPoints : STATUS_THRESHOLDS.growthMargin;
  if (required !== null && implied !== null) {
    // An `about` target is missed by overshooting its band as much as by falling short of it.
    const shortfall =
      comparator === "<="
        ? implied - required
        : comparator === "about"
          ? Math.abs(required - implied)
          : required - implied;
    return shortfall <= margin ? "needs-acceleration" : "off-track";
  }
  // A target of 0 has no relative gap: a miss of it is off track.
  if (gap?.relative != null && Math.abs(gap.relative) <= STATUS_THRESHOLDS.gapMargin)
    return "needs-acceleration";
  return "off-track";
}
