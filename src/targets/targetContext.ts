import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import type { DataNeed } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";

/** What a target evaluator reads: the projection, the dataset and the plan's calendar. */
export interface TargetContext {
  readonly projection: ScenarioProjection;
  readonly dataset: Dataset;
  /** The plan's base year (e.g. 2020) and last year (e.g. 2025). */
  readonly plan: { readonly baseYear: number; readonly endYear: number };
}

/** What an evaluator finds for one target, before a status is given. */
export interface TargetEvaluation {
  readonly projected: number | null;
  readonly interval: { lower: number; upper: number; level: number } | null;
  readonly met: boolean | null;
  readonly gap: { absolute: number; relative: number | null } | null;
  readonly latest: { year: number; value: number; source: string } | null;
  readonly requiredGrowth: number | null;
  readonly impliedGrowth: number | null;
  /**
   * For a rate (an indicator of kind `rate`, in %): the change a year still required, and the
   * change a year the scenario implies, from the latest observation, in percentage points a year.
   * Absent or null for levels.
   */
  readonly requiredChange?: number | null;
  readonly impliedChange?: number | null;
  /**
   * How the row's change reads: `pp/yr` (a rate: `requiredChange`/`impliedChange`), `/yr`
   * (a level: `requiredGrowth`/`impliedGrowth` as fractions a year), null when there is neither.
   * Absent: `/yr` where a growth is given, else null.
   */
  readonly changeUnit?: "pp/yr" | "/yr" | null;
  /**
   * For a share of a part in a whole: the growth differential a year the part still needs over
   * the rest of the whole, `(1 + g_part) / (1 + g_rest) − 1` (see `shareGrowthDifferential`),
   * from the latest observed share to the target; and the differential the scenario's projected
   * share implies. Absent for other kinds; null when the shares are not in (0, 1).
   */
  readonly requiredDifferential?: number | null;
  readonly impliedDifferential?: number | null;
  readonly firstYearMet: number | null;
  readonly expectedProgress: number | null;
  readonly actualProgress: number | null;
  /** The latest observation already meets the target. */
  readonly achieved: boolean;
  /** The target year is already observed (the verdict is history, not projection). */
  readonly final: boolean;
  readonly missing: DataNeed[];
  readonly notes: string[];
}
