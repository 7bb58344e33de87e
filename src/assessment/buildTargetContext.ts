import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import type { Dataset } from "../schemas/dataset.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { TargetContext } from "../targets/targetContext.js";
import { checkEntryPack } from "./checkAssessArgs.js";
import { checkDataset, checkProjection } from "./checkProjectionArgs.js";

/** Years in a plan period when the pack does not say (a five-year plan). */
const DEFAULT_PLAN_YEARS = 5;

/**
 * The evaluation context of a pack's targets: its projection, data and plan calendar (the plan's
 * end year defaults to five years after its base year).
 *
 * @param pack - the region pack, for its plan calendar.
 * @param dataset - the observations the projection was made from (the pack's, merged with any
 *   user data; see `mergeObservations`).
 * @param projection - the scenario's projection of every place and group.
 * @returns the context that `evaluateTarget` reads.
 * @throws {ArgumentTypeError} `buildTargetContext: pack must be a region pack (got …)`,
 *   `buildTargetContext: dataset must be a dataset (…)`, `buildTargetContext: projection must be
 *   a scenario projection (see projectScenario) (got …)`: an argument of the wrong shape.
 */
export function buildTargetContext(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
): TargetContext {
  checkEntryPack("buildTargetContext", pack);
  checkDataset("buildTargetContext", "dataset", dataset);
  checkProjection("buildTargetContext", "projection", projection);
  return targetContextOf(pack, dataset, projection);
}

/** {@link buildTargetContext} without its argument checks. Not exported from the package. */
export function targetContextOf(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
): TargetContext {
  const baseYear = pack.plan.baseYear;
  return {
    projection,
    dataset,
    plan: { baseYear, endYear: pack.plan.endYear ?? baseYear + DEFAULT_PLAN_YEARS },
  };
}
