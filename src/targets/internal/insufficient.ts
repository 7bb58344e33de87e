import type { DataNeed } from "../../schemas/assessment.js";
import type { TargetEvaluation } from "../targetContext.js";

/** An evaluation that could not be made, with what it would need. */
export function insufficient(missing: DataNeed[], notes: string[] = []): TargetEvaluation {
  return {
    projected: null,
    interval: null,
    met: null,
    gap: null,
    latest: null,
    requiredGrowth: null,
    impliedGrowth: null,
    firstYearMet: null,
    expectedProgress: null,
    actualProgress: null,
    achieved: false,
    final: false,
    missing,
    notes,
  };
}
