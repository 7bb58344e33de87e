import type { TargetEvaluation } from "./targetContext.js";

/** How a row states the change still required and the change the scenario implies. */
export interface ChangeFields {
  /** A rate's required change from the latest observation, percentage points a year. */
  readonly requiredChange: number | null;
  /** A rate's implied change from the latest observation, percentage points a year. */
  readonly impliedChange: number | null;
  /**
   * `pp/yr` for a rate (read `requiredChange`/`impliedChange`), `/yr` for a level (read
   * `requiredGrowth`/`impliedGrowth`, fractions a year), null when the row has neither.
   */
  readonly changeUnit: "pp/yr" | "/yr" | null;
}

/**
 * The change fields of an assessment row from a target's evaluation: a rate's changes in
 * percentage points a year with `changeUnit: "pp/yr"`; for a level `changeUnit: "/yr"` when it
 * has a growth reading (`requiredGrowth` or `impliedGrowth`), else null.
 *
 * @example
 * changeFieldsOf({ requiredGrowth: 0.04, impliedGrowth: 0.03 } as never); // {"requiredChange":null,"impliedChange":null,"changeUnit":"/yr"}
 */
export function changeFieldsOf(evaluation: TargetEvaluation): ChangeFields {
  const growth = evaluation.requiredGrowth !== null || evaluation.impliedGrowth !== null;
  return {
    requiredChange: evaluation.requiredChange ?? null,
    impliedChange: evaluation.impliedChange ?? null,
    changeUnit: evaluation.changeUnit ?? (growth ? "/yr" : null),
  };
}
