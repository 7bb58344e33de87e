import type { Assessment } from "../schemas/assessment.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { checkEntryPack } from "./checkAssessArgs.js";
import { assessWithState, packStateOf } from "./preparePack.js";

/** Options of {@link assessPack}. */
export interface AssessOptions {
  /**
   * Observations to add to the pack's, as plain objects with the fields of an `Observation`
   * (English or Chinese keys; names and aliases of places and indicators are resolved to ids).
   * Each row goes through the checks of the file readers: a row with an unknown place or
   * indicator, a value that is not a finite number or out of the indicator's bounds (a negative
   * GDP), a unit that is not the indicator's, or a missing source or quality is left out and
   * reported in the assessment's `issues` with its index (`field: "data[3].value"`). A valid row
   * replaces the pack's observations of the same place, indicator and year, which are dropped
   * (not used, not shown in the report).
   */
  readonly data?: readonly Observation[];
  /**
   * Throw instead of leaving out bad `data` rows: an `ArgumentRangeError` (an
   * `ArgumentTypeError` when a value has the wrong type) whose `issues` list every problem.
   * Default false.
   */
  readonly strict?: boolean;
}

/**
 * Assesses every target of a region pack under one scenario, deterministically: derives the
 * constant-price series of indicators with a price index at the plan's base-year prices (see
 * `derivePriceSeries`), projects every place and group (see `projectScenario`), evaluates each
 * target by its kind on its basis (a target at constant prices on the constant-price series,
 * with the judgement at current prices beside it in `nominal`) and gives it a status (see
 * `classifyStatus`). Targets that cannot be evaluated are `insufficient-data` and name the
 * observations that would make them evaluable; `readiness` collects those needs.
 *
 * @param pack - the region pack (places, data, targets, named scenarios), checked against
 *   `RegionPackSchema`.
 * @param scenario - a named scenario's id, or a scenario object (which may `extends` a named one).
 * @param options - `data`: observations to add (see {@link AssessOptions}); `strict`.
 * @throws {ArgumentTypeError} `assessPack: pack must be a region pack (got null)` (or naming the
 *   first problem inside it, every problem in `error.issues`);
 *   `assessPack: scenario must be a scenario id of the pack ("trend", "plan", …) or a scenario
 *   object (got nothing)`; `assessPack: scenario must be a scenario (scenario.models[0]…: …)`;
 *   `assessPack: options.data must be an array of observations (got …)`;
 *   `assessPack: options.dta is not an option; did you mean data? (…)`; with `strict`,
 *   `assessPack: options.data must be valid observations (…)` when a value has the wrong type.
 * @throws {ArgumentRangeError} `assessPack: scenario must be a scenario id of the pack ("trend",
 *   "plan", …); did you mean "trend"? (got the string "trnd")` (also for `scenario.extends`);
 *   with `strict`, `assessPack: options.data must be valid observations (data[3].value: negative
 *   value for the level indicator gdp (expected at least 0, got -1))`.
 * @example
 * const assessment = assessPack(qujingPack, "trend");
 * assessment.rows.length === qujingPack.targets.length; // true
 * const data = [{ place: "qilin", indicator: "gdp", year: 2023, value: -1, unit: "100M yuan", source: "me", quality: "A" }];
 * assessPack(qujingPack, "trend", { data }).issues.map(formatIssue); // ["data[0].value: negative value for the level indicator gdp (expected at least 0, got -1)"]
 */
export function assessPack(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: AssessOptions = {},
): Assessment {
  const checked = checkEntryPack("assessPack", pack);
  return assessWithState(packStateOf(checked), "assessPack", scenario, options);
}
