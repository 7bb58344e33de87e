import type { Status } from "../schemas/assessment.js";
import type { Comparator } from "../schemas/target.js";
import { classifyStatus } from "./classifyStatus.js";
import type { TargetEvaluation } from "./targetContext.js";

/** A target's status, what it rests on, and a note where the two readings differ. */
export interface StatusWithBasis {
  readonly status: Status;
  /**
   * `probability`: from the simulated probability of attainment (its bands); `projection`: from
   * the data and the deterministic projection (observed, projected met, required vs implied
   * change).
   */
  readonly statusBasis: "projection" | "probability";
  /** Set when the status rests on the probability and the projection alone would say otherwise. */
  readonly note?: string;
}

/**
 * Gives a target its status with its basis, by rules that cannot contradict each other (see
 * docs/assessment.md, "Status and its basis"):
 *
 * 1. the status rests on the **probability** exactly when a probability is given and the target
 *    is evaluable and not yet decided by the data (not `achieved`, its year not observed); the
 *    probability bands (`STATUS_THRESHOLDS`) then decide, whatever the projection says;
 * 2. otherwise it rests on the **projection**: insufficient data, achieved, an observed year
 *    missed, projected met, or the margin between required and implied change.
 *
 * When the two readings differ under rule 1, a note gives the projection's reading, so a
 * simulated and a deterministic report of the same target can be reconciled.
 *
 * @param evaluation - the target's evaluation.
 * @param comparator - the sense its growth fields are read in (`TargetDefinition.growthSense`).
 * @param probability - the simulated probability of attainment, or null.
 * @example
 * const e = { met: false, achieved: false, final: false, requiredGrowth: 0.06, impliedGrowth: 0.025, gap: null };
 * statusWithBasis(e as never, ">=", 0.28); // {"status":"needs-acceleration","statusBasis":"probability","note":"status from the probability 0.28; the projection alone gives off-track"}
 */
export function statusWithBasis(
  evaluation: TargetEvaluation,
  comparator: Comparator,
  probability: number | null,
): StatusWithBasis {
  const byProjection = classifyStatus(evaluation, comparator, null);
  const decidedByData =
    evaluation.met === null || evaluation.achieved || evaluation.final || probability === null;
  if (decidedByData) return { status: byProjection, statusBasis: "projection" };
  const status = classifyStatus(evaluation, comparator, probability);
  return status === byProjection
    ? { status, statusBasis: "probability" }
    : {
        status,
        statusBasis: "probability",
        note: `status from the probability ${Number(probability.toFixed(2))}; the projection alone gives ${byProjection}`,
      };
}
