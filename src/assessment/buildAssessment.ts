import { copyPlainData } from "../internal/copyPlainData.js";
import { objectId } from "../internal/objectId.js";
import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import { cacheOfProjection } from "../scenarios/projectScenario.js";
import type { Assessment } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { RegionPack } from "../schemas/regionPack.js";
import { SCHEMA_VERSION } from "../schemas/schemaVersion.js";
import type { Target } from "../schemas/target.js";
import { assessCheckedDisparity, copyDisparityRow } from "./assessDisparity.js";
import { assessCheckedTargets } from "./assessTargets.js";
import { targetContextOf } from "./buildTargetContext.js";
import { collectProjections } from "./collectProjections.js";
import { collectCheckedReadiness } from "./collectReadiness.js";
import { placeTableRows } from "./placeTableRows.js";

/**
 * The assessment of a projection: every target's row (with `probabilityOf` giving the
 * probability of attainment when a simulation was run), discrepancies, data readiness, regional
 * disparity (every year with data, the plan's base and last years, and the projected years after
 * the data through the plan's last year; see `assessDisparity`), the projected series the targets,
 * the disparity and the place table read (see `collectProjections`), the place table of the
 * indicators declared `placeTable` (see `placeTableRows`), and the projection's issues.
 */
export function buildAssessment(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
  probabilityOf: (target: Target) => number | null,
  simulation?: Assessment["simulation"],
): Assessment {
  const context = targetContextOf(pack, dataset, projection);
  // Parts that depend on the projection alone are kept with a projection a cache made (the same
  // object for the same scenario) and handed out as copies; from its second assessment on, so
  // that the many projections assessed once (the variants of a sensitivity design) cost no copy.
  const cache = cacheOfProjection(projection);
  const kept = <T>(part: string, compute: () => T, copy: (value: T) => T): T => {
    if (cache?.dataset !== dataset) return compute();
    const key = `${part}|${objectId(projection)}|${objectId(pack)}`;
    const known = cache.parts.get(key);
    if (known === undefined) {
      cache.parts.set(key, SEEN_ONCE);
      return compute();
    }
    if (known !== SEEN_ONCE) return copy(known as T);
    const value = compute();
    cache.parts.set(key, value);
    return copy(value);
  };
  const rows =
    probabilityOf === NO_PROBABILITY
      ? kept("rows", () => assessCheckedTargets(pack, context, probabilityOf), copyPlainData)
      : assessCheckedTargets(pack, context, probabilityOf);
  const { scenario } = projection;
  const placeTable = kept("place table", () => placeTableRows(dataset, context), copyPlainData);
  return {
    schemaVersion: SCHEMA_VERSION,
    pack: pack.id,
    scenario: scenario.id,
    scenarioName: scenario.nameEn,
    asOf: projection.asOf,
    rows,
    // Copies: a projection (and its discrepancies and issues) may serve many assessments.
    discrepancies: projection.discrepancies.map(copyPlainData),
    readiness: collectCheckedReadiness(rows),
    disparity: kept(
      "disparity",
      () =>
        assessCheckedDisparity(
          dataset,
          projection,
          [context.plan.baseYear, context.plan.endYear],
          true,
          context.plan.endYear,
        ),
      (r) => r.map(copyDisparityRow),
    ),
    projections: kept(
      "projections",
      () => collectProjections(pack, dataset, context),
      copyPlainData,
    ),
    ...(placeTable.length === 0 ? {} : { placeTable }),
    issues: projection.issues.map(copyPlainData),
    ...(simulation === undefined ? {} : { simulation }),
  };
}

/** What the part memo of {@link buildAssessment} holds for a part computed once, not kept. */
const SEEN_ONCE = Symbol("seen once");

/** The `probabilityOf` of an assessment without a simulation: no target has a probability. */
export const NO_PROBABILITY = (_target: Target): number | null => null;
