import { projectScenario, type ScenarioProjection } from "../scenarios/projectScenario.js";
import { resolveScenario } from "../scenarios/resolveScenario.js";
import type { Assessment } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { SCHEMA_VERSION } from "../schemas/schemaVersion.js";
import type { Target } from "../schemas/target.js";
import { assessDisparity } from "./assessDisparity.js";
import { assessTargets } from "./assessTargets.js";
import { buildTargetContext } from "./buildTargetContext.js";
import { collectReadiness } from "./collectReadiness.js";
import { mergeObservations } from "./mergeObservations.js";

/** Options of {@link assessPack}. */
export interface AssessOptions {
  /**
   * Observations to add to the pack's. One that has the same place, indicator and year as pack
   * observations replaces them (a newer or corrected figure); the pack's stay in the report as
   * unused.
   */
  readonly data?: readonly Observation[];
}

/**
 * Assesses every target of a region pack under one scenario, deterministically: projects every
 * place and group (see `projectScenario`), evaluates each target by its kind and gives it a status
 * (see `classifyStatus`). Targets that cannot be evaluated are `insufficient-data` and name the
 * observations that would make them evaluable; `readiness` collects those needs.
 *
 * @param pack - the region pack (places, data, targets, named scenarios).
 * @param scenario - a named scenario's id, or a scenario object (which may `extends` a named one).
 * @throws {RangeError} `resolveScenario: unknown scenario "x" (known: …)` for an unknown id.
 * @throws {TypeError} `resolveScenario: invalid scenario …` for a scenario that fails its schema.
 * @example
 * const assessment = assessPack(qujingPack, "trend");
 * assessment.rows.length === qujingPack.targets.length; // true
 */
export function assessPack(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: AssessOptions = {},
): Assessment {
  const resolved = resolveScenario(scenario, pack.scenarios);
  const dataset = mergeObservations(pack.dataset, options.data ?? []);
  const projection = projectScenario(dataset, resolved, pack.references);
  return buildAssessment(pack, dataset, projection, () => null);
}

/**
 * The assessment of a projection: every target's row (with `probabilityOf` giving the
 * probability of attainment when a simulation was run), discrepancies, data readiness, regional
 * disparity in the plan's base and last years, and the projection's issues.
 */
export function buildAssessment(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
  probabilityOf: (target: Target) => number | null,
  simulation?: Assessment["simulation"],
): Assessment {
  const rows = assessTargets(pack, dataset, projection, probabilityOf);
  const context = buildTargetContext(pack, dataset, projection);
  const { scenario } = projection;
  return {
    schemaVersion: SCHEMA_VERSION,
    pack: pack.id,
    scenario: scenario.id,
    scenarioName: scenario.nameEn,
    asOf: projection.asOf,
    rows,
    discrepancies: [...projection.discrepancies],
    readiness: collectReadiness(rows),
    disparity: assessDisparity(dataset, projection, [context.plan.baseYear, context.plan.endYear]),
    issues: [...projection.issues],
    ...(simulation === undefined ? {} : { simulation }),
  };
}
