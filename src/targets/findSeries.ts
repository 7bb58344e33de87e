import { seriesOfScope } from "../scenarios/projectScenario.js";
import { preferredSeries, type ScopeSeries } from "../scenarios/scopeSeries.js";
import type { TargetContext } from "./targetContext.js";

/**
 * The series a target reads for a scope and indicator (see `preferredSeries`): the aggregate of
 * the group's places when it is informative, has a year with every place observed and is at
 * least as recent as the scope's own observations; otherwise those observations.
 */
export function findSeries(
  context: TargetContext,
  scope: string,
  indicator: string,
): ScopeSeries | undefined {
  return preferredSeries(seriesOfScope(context.projection, scope, indicator));
}
